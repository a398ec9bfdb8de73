import { describe, expect, it } from 'vitest';
import type { VerifyOptions } from '../../../src/verify/options.js';
import { verify } from '../../../src/verify/verify.js';
import { bytesOf, mapFetch, OB2_FIXTURES, OB2_MAP, textOf, type Override } from '../../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const A = (name: string) => `https://badges.example.org/assertions/${name}.json`;
const hostedFile = (url: string) => new URL(`hosted/${url.replace(/^https:\/\//, '')}`, OB2_FIXTURES);

async function check(input: Parameters<typeof verify>[0], options: VerifyOptions = {}, overrides: Record<string, Override> = {}) {
  const fetch = mapFetch([OB2_MAP], overrides);
  const result = await verify(input, { fetch, now: NOW, ...options });
  const failed = Object.fromEntries(result.checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.code]));
  return { result, failed, fetch };
}

describe('hosted OB 2.0 assertions', () => {
  it('reports a hosted assertion given by URL as valid, following BadgeClass and issuer', async () => {
    const { result, fetch } = await check(A('valid'));
    expect(result.status).toBe('valid');
    expect(result.verified).toBe(true);
    expect(result.version).toBe('2.0');
    expect(result.format).toBe('url');
    expect(result.input).toBe(A('valid'));
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['input', 'passed'],
      ['parse', 'passed'],
      ['hosted', 'passed'],
      ['structure', 'passed'],
      ['badgeclass', 'passed'],
      ['issuer', 'passed'],
      ['scope', 'passed'],
      ['proof', 'skipped'],
      ['key', 'skipped'],
      ['revocation', 'passed'],
      ['expiry', 'passed'],
      ['issued', 'passed'],
    ]);
    // The assertion URL is fetched once although both the input and the hosted check need it.
    expect(fetch.calls).toEqual([A('valid'), 'https://badges.example.org/badges/robotics.json', 'https://badges.example.org/issuer.json']);
  });

  it('normalises the badge for display, hiding a hashed identity', async () => {
    const { result } = await check(A('valid'));
    expect(result.badge).toEqual({
      name: 'Robotics Fundamentals',
      description: 'Built and programmed a line-following robot.',
      image: 'https://badges.example.org/badges/robotics.png',
      criteria: 'Build a robot that follows a line for 10 metres.',
      issuer: { id: 'https://badges.example.org/issuer.json', name: 'Example Robotics Academy', url: 'https://badges.example.org', image: 'https://badges.example.org/issuer.png' },
      recipient: { id: null, name: null, identity: null, hashed: true },
      issuedOn: '2026-01-15T09:30:00.000Z',
      expiresOn: null,
      achievementType: null,
      evidence: ['https://badges.example.org/evidence/alice-robot.html'],
      alignment: [{ targetName: 'Engineering', targetUrl: 'https://example.org/frameworks/engineering' }],
      endorsements: [],
    });
    expect((result.credential as { id: string }).id).toBe(A('valid'));
  });

  it('fetches the hosted copy even when the input holds the full assertion, and reports the hosted copy', async () => {
    const presented = JSON.parse(textOf(hostedFile(A('valid')))) as Record<string, unknown>;
    const { result, fetch } = await check({ ...presented, evidence: 'https://evil.example.com/' });
    expect(result.status).toBe('valid');
    expect(result.input).toBe('<object>');
    expect(result.format).toBe('json');
    expect(fetch.calls[0]).toBe(A('valid'));
    expect(result.badge?.evidence).toEqual(['https://badges.example.org/evidence/alice-robot.html']);
  });

  it('accepts an expiry date in the future', async () => {
    const { result } = await check(A('expires-later'));
    expect(result.status).toBe('valid');
    expect(result.badge?.expiresOn).toBe('2030-01-01T00:00:00.000Z');
  });

  it('accepts an assertion on a host listed in allowedOrigins', async () => {
    expect((await check('https://cdn.example.net/assertions/allowed.json')).result.status).toBe('valid');
  });

  it('accepts an assertion under a startsWith prefix', async () => {
    expect((await check(A('starts/ok'))).result.status).toBe('valid');
  });

  it('verifies a baked PNG holding the assertion JSON', async () => {
    const { result } = await check(bytesOf(new URL('baked/valid-json.png', OB2_FIXTURES)));
    expect([result.status, result.format, result.input]).toEqual(['valid', 'png', '<bytes>']);
  });

  it('verifies a baked PNG holding the assertion URL', async () => {
    const { result } = await check(bytesOf(new URL('baked/valid-url.png', OB2_FIXTURES)));
    expect([result.status, result.format]).toEqual(['valid', 'png']);
  });

  it('verifies a baked SVG', async () => {
    const { result } = await check(new Blob([bytesOf(new URL('baked/valid.svg', OB2_FIXTURES))]));
    expect([result.status, result.format]).toEqual(['valid', 'svg']);
  });

  it('verifies the README sample offline through examples/resources.json', async () => {
    const sample = new URL('../../../examples/', import.meta.url);
    const fetch = mapFetch([new URL('resources.json', sample)]);
    const result = await verify(bytesOf(new URL('badges/ob2-valid.png', sample)), { fetch, now: NOW, recipient: 'alice@example.org' });
    expect(result.status).toBe('valid');
  });
});

describe('endorsements of hosted assertions', () => {
  it('verifies each endorsement on its own, and a revoked one is only a warning', async () => {
    const { result } = await check(A('endorsed'));
    expect(result.status).toBe('valid');
    expect(result.badge?.endorsements).toEqual([
      {
        issuer: { id: 'https://endorser.example.com/profile.json', name: 'Robotics Teachers Guild', url: 'https://endorser.example.com', image: null },
        claim: 'Rigorous and fair.',
        issuedOn: '2025-05-01T00:00:00.000Z',
        status: 'valid',
      },
      { issuer: { id: null, name: null, url: null, image: null }, claim: null, issuedOn: null, status: 'revoked' },
    ]);
    expect(result.checks.find((c) => c.id === 'endorsements')).toMatchObject({ status: 'warning', code: 'REVOKED' });
  });
});

describe('recipient matching on hosted assertions', () => {
  it.each([
    ['salted sha256', 'valid', 'alice@example.org'],
    ['salted sha256, address typed in capitals', 'valid', 'Alice@Example.ORG'],
    ['unsalted sha256', 'sha256-unsalted', 'alice@example.org'],
    ['upper-case hex', 'sha256-upper', 'alice@example.org'],
    ['salted md5', 'md5-salted', 'alice@example.org'],
    ['unsalted md5', 'md5-unsalted', 'alice@example.org'],
    ['plain e-mail', 'plain-email', 'alice@example.org'],
    ['hashed URL', 'url-recipient', 'https://alice.example.org/'],
    ['plain telephone', 'telephone-recipient', '+15555550100'],
  ])('matches a %s identity', async (_name, file, recipient) => {
    const { result } = await check(A(file), { recipient });
    expect(result.status).toBe('valid');
    expect(result.checks.find((c) => c.id === 'recipient')?.status).toBe('passed');
  });

  it('shows a plain identity in the normalised badge', async () => {
    const { result } = await check(A('plain-email'));
    expect(result.badge?.recipient).toEqual({ id: null, name: null, identity: 'alice@example.org', hashed: false });
  });
});

describe('hosted assertions that fail', () => {
  it('reports REVOKED for HTTP 410 Gone', async () => {
    const { result, failed } = await check(A('revoked-410'), {}, { [A('revoked-410')]: { status: 410, file: hostedFile(A('revoked-410')) } });
    expect(result.status).toBe('revoked');
    expect(failed.input).toBe('REVOKED');
  });

  it('reports REVOKED for HTTP 410 when the input is the assertion object', async () => {
    const presented = JSON.parse(textOf(hostedFile(A('valid')))) as Record<string, unknown>;
    const { result, failed } = await check(presented, {}, { [A('valid')]: { status: 410 } });
    expect(result.status).toBe('revoked');
    expect(failed.hosted).toBe('REVOKED');
    // What was presented is still shown.
    expect(result.badge?.issuedOn).toBe('2026-01-15T09:30:00.000Z');
  });

  it('reports REVOKED with the reason for a "revoked": true stub', async () => {
    const { result } = await check(A('revoked-flag'));
    expect(result.status).toBe('revoked');
    expect(result.errors[0]?.message).toContain('Awarded by mistake');
  });

  it('reports REVOKED for a full assertion marked revoked', async () => {
    const { result, failed } = await check(A('revoked-full'));
    expect(result.status).toBe('revoked');
    expect(failed.hosted).toBe('REVOKED');
  });

  it('reports EXPIRED past the expiry date', async () => {
    const { result, failed } = await check(A('expired'));
    expect(result.status).toBe('expired');
    expect(failed.expiry).toBe('EXPIRED');
  });

  it('reports NOT_YET_VALID for an issue date in the future', async () => {
    const { result, failed } = await check(A('future'));
    expect(result.status).toBe('not-yet-valid');
    expect(failed.issued).toBe('NOT_YET_VALID');
  });

  it('reports ID_OUT_OF_SCOPE for an assertion hosted off the issuer host', async () => {
    const { result, failed } = await check('https://elsewhere.example.net/assertions/out-of-scope.json');
    expect(result.status).toBe('invalid');
    expect(failed.scope).toBe('ID_OUT_OF_SCOPE');
  });

  it('takes the verification policy from the issuer hosted copy, not from an embedded copy', async () => {
    const { result, failed, fetch } = await check('https://elsewhere.example.net/assertions/forged-policy.json');
    expect(result.status).toBe('invalid');
    expect(failed.scope).toBe('ID_OUT_OF_SCOPE');
    expect(fetch.calls).toContain('https://badges.example.org/issuer.json');
  });

  it('reports ID_OUT_OF_SCOPE when allowedOrigins replaces the issuer host', async () => {
    const { failed } = await check(A('origins-own-host'));
    expect(failed.scope).toBe('ID_OUT_OF_SCOPE');
  });

  it('reports ID_OUT_OF_SCOPE outside the startsWith prefix', async () => {
    const { failed } = await check(A('starts-bad'));
    expect(failed.scope).toBe('ID_OUT_OF_SCOPE');
  });

  it('reports HOSTED_MISMATCH when the document at the assertion id has another id', async () => {
    const presented = JSON.parse(textOf(hostedFile(A('valid')))) as Record<string, unknown>;
    const { result, failed } = await check({ ...presented, id: A('mismatch') });
    expect(result.status).toBe('invalid');
    expect(failed.hosted).toBe('HOSTED_MISMATCH');
  });

  it('reports MISSING_PROPERTY naming Assertion.recipient', async () => {
    const { result } = await check(A('missing-recipient'));
    expect(result.status).toBe('invalid');
    expect(result.checks.find((c) => c.id === 'structure')).toMatchObject({ status: 'failed', code: 'MISSING_PROPERTY', property: 'Assertion.recipient' });
  });

  it('reports INVALID_PROPERTY naming Assertion.issuedOn for an unreadable date', async () => {
    const { result } = await check(A('bad-date'));
    expect(result.checks.find((c) => c.id === 'structure')).toMatchObject({ code: 'INVALID_PROPERTY', property: 'Assertion.issuedOn' });
  });

  it('reports MISSING_PROPERTY naming BadgeClass.name', async () => {
    const { result } = await check(A('no-name'));
    expect(result.checks.find((c) => c.id === 'badgeclass')).toMatchObject({ code: 'MISSING_PROPERTY', property: 'BadgeClass.name' });
  });

  it('reports INVALID_TYPE when the issuer document is not a Profile', async () => {
    const { result } = await check(A('wrong-issuer-type'));
    expect(result.status).toBe('invalid');
    expect(result.checks.find((c) => c.id === 'issuer')).toMatchObject({ code: 'INVALID_TYPE', property: 'Profile.type' });
  });

  it('is indeterminate when the issuer profile cannot be fetched', async () => {
    const { result, failed } = await check(A('issuer-missing'));
    expect(result.status).toBe('indeterminate');
    expect(failed.issuer).toBe('FETCH_FAILED');
    expect(result.checks.find((c) => c.id === 'scope')?.status).toBe('skipped');
  });

  it('is indeterminate, never valid, when the hosted copy cannot be fetched', async () => {
    const presented = JSON.parse(textOf(hostedFile(A('valid')))) as Record<string, unknown>;
    const { result, failed } = await check({ ...presented, id: 'https://badges.example.org/assertions/gone.json' });
    expect(result.status).toBe('indeterminate');
    expect(failed.hosted).toBe('FETCH_FAILED');
    expect(result.checks.filter((c) => c.status === 'skipped').map((c) => c.id)).toEqual(['badgeclass', 'issuer', 'scope', 'proof', 'key', 'revocation', 'expiry', 'issued']);
  });

  it('reports RECIPIENT_MISMATCH for another person', async () => {
    const { result, failed } = await check(A('valid'), { recipient: 'bob@example.org' });
    expect(result.status).toBe('invalid');
    expect(failed.recipient).toBe('RECIPIENT_MISMATCH');
  });

  it('reports RECIPIENT_MISMATCH for a URL identity that differs only in case', async () => {
    const { failed } = await check(A('url-recipient'), { recipient: 'https://Alice.example.org/' });
    expect(failed.recipient).toBe('RECIPIENT_MISMATCH');
  });
});

describe('revoked hosted assertions: the reason and what is shown', () => {
  const presentedValid = () => JSON.parse(textOf(hostedFile(A('valid')))) as Record<string, unknown>;
  const gone = (body: unknown): Override => ({ status: 410, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('puts the revocationReason of a 410 body in the REVOKED message of a URL input', async () => {
    const { result, failed } = await check(A('revoked-410'), {}, { [A('revoked-410')]: { status: 410, file: hostedFile(A('revoked-410')) } });
    expect(failed.input).toBe('REVOKED');
    expect(result.errors[0]?.message).toContain('Withdrawn');
  });

  it('puts the revocationReason of a 410 body in the REVOKED message of a presented assertion', async () => {
    const { result, failed } = await check(presentedValid(), {}, { [A('valid')]: gone({ revoked: true, revocationReason: 'Issued in error' }) });
    expect(result.status).toBe('revoked');
    expect(failed.hosted).toBe('REVOKED');
    expect(result.checks.find((c) => c.id === 'hosted')?.message).toContain('Issued in error');
  });

  it('still names the badge and its issuer when the hosted copy answers 410', async () => {
    const { result, fetch } = await check(presentedValid(), {}, { [A('valid')]: gone({ revoked: true, revocationReason: 'Issued in error' }) });
    expect(result.badge).toMatchObject({ name: 'Robotics Fundamentals', issuer: { name: 'Example Robotics Academy' }, issuedOn: '2026-01-15T09:30:00.000Z' });
    expect(fetch.calls).toEqual([A('valid'), 'https://badges.example.org/badges/robotics.json', 'https://badges.example.org/issuer.json']);
    expect(result.checks.filter((c) => c.id === 'badgeclass' || c.id === 'issuer').map((c) => c.status)).toEqual(['skipped', 'skipped']);
  });

  it('still names the badge when the hosted copy is a revoked stub', async () => {
    const { result, failed } = await check({ ...presentedValid(), id: A('revoked-flag') });
    expect(result.status).toBe('revoked');
    expect(failed.hosted).toBe('REVOKED');
    expect(result.checks.find((c) => c.id === 'hosted')?.message).toContain('Awarded by mistake');
    expect(result.badge?.name).toBe('Robotics Fundamentals');
    expect(result.badge?.issuer.name).toBe('Example Robotics Academy');
  });

  it('names the badge from the issuer copy of a full assertion marked revoked', async () => {
    const { result } = await check(A('revoked-full'));
    expect(result.status).toBe('revoked');
    expect(result.badge?.name).toBe('Robotics Fundamentals');
    expect(result.checks.find((c) => c.id === 'hosted')?.message).toContain('Academic misconduct');
  });

  it('reports the hosted copy given in a 410 body as the credential', async () => {
    const body = { '@context': 'https://w3id.org/openbadges/v2', id: A('valid'), revoked: true, revocationReason: 'Issued in error' };
    const { result } = await check(presentedValid(), {}, { [A('valid')]: gone(body) });
    expect(result.credential).toEqual(body);
  });
});

describe('revoked hosted assertions: what must not change the verdict', () => {
  const presentedValid = () => JSON.parse(textOf(hostedFile(A('valid')))) as Record<string, unknown>;
  const failedIds = (checks: { id: string; status: string }[]) => checks.filter((c) => c.status === 'failed').map((c) => c.id);

  it('reports REVOKED without a reason when the 410 body is not JSON, empty or has no reason', async () => {
    for (const body of ['<html>Gone</html>', '', '{"revoked": true}', '{"revocationReason": 42}', '[1,2]']) {
      const { result, failed } = await check(presentedValid(), {}, { [A('valid')]: { status: 410, body } });
      expect(result.status).toBe('revoked');
      expect(failed.hosted).toBe('REVOKED');
      expect(failedIds(result.checks)).toEqual(['hosted']);
    }
  });

  it('keeps REVOKED with nothing else failed when the BadgeClass for display cannot be had', async () => {
    const { result } = await check({ ...presentedValid(), id: A('revoked-flag'), badge: 'https://badges.example.org/badges/missing.json' });
    expect(result.status).toBe('revoked');
    expect(failedIds(result.checks)).toEqual(['hosted']);
    expect(result.checks.find((c) => c.id === 'badgeclass')?.status).toBe('skipped');
    expect(result.badge?.name).toBeNull();
  });

  it('keeps REVOKED with nothing else failed when the BadgeClass or issuer for display is malformed', async () => {
    for (const badge of ['https://badges.example.org/badges/no-name.json', 'https://badges.example.org/badges/wrong-issuer-type.json', 'https://badges.example.org/badges/orphan.json']) {
      const { result } = await check({ ...presentedValid(), id: A('revoked-flag'), badge });
      expect(result.status).toBe('revoked');
      expect(failedIds(result.checks)).toEqual(['hosted']);
    }
  });

  it('shows no badge or issuer whose scope does not cover the revoked assertion URL', async () => {
    const elsewhere = 'https://elsewhere.example.net/assertions/revoked.json';
    const { result } = await check({ ...presentedValid(), id: elsewhere }, {}, { [elsewhere]: { status: 410, body: '{"revoked": true}' } });
    expect(result.status).toBe('revoked');
    expect(failedIds(result.checks)).toEqual(['hosted']);
    expect([result.badge?.name, result.badge?.issuer.name]).toEqual([null, null]);
    expect(result.checks.filter((c) => c.id === 'badgeclass' || c.id === 'issuer').map((c) => c.status)).toEqual(['skipped', 'skipped']);
  });

  it('does not follow a badge that is not an http(s) URL', async () => {
    const { result, fetch } = await check({ ...presentedValid(), id: A('revoked-flag'), badge: 'file:///etc/passwd' });
    expect(result.status).toBe('revoked');
    expect(fetch.calls).toEqual([A('revoked-flag')]);
  });

  it('does not read the BadgeClass when the hosted copy is unreachable', async () => {
    const { fetch } = await check({ ...presentedValid(), id: 'https://badges.example.org/assertions/gone.json' });
    expect(fetch.calls).toEqual(['https://badges.example.org/assertions/gone.json']);
  });

  it('quotes a hostile reason tidied: no control characters, bounded length', async () => {
    const reason = `line one\u001b[2K\r\nline two ${'x'.repeat(2000)}`;
    const { result } = await check(presentedValid(), {}, { [A('valid')]: { status: 410, body: JSON.stringify({ revoked: true, revocationReason: reason }) } });
    const message = result.checks.find((c) => c.id === 'hosted')?.message ?? '';
    expect(message).toContain('line one [2K line two');
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message.length).toBeLessThan(700);
  });
});
