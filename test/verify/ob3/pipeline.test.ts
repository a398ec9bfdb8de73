/**
 * The OB 3.0 pipeline's own rules, one module at a time: validity period, structure,
 * normalisation, recipient matching, endorsements and VC-JWT forms not covered by fixtures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckList } from '../../../src/verify/context.js';
import { evaluateValidity } from '../../../src/verify/ob3/validity.js';
import { checkStructure } from '../../../src/verify/ob3/structure.js';
import { normaliseOb3, safeUrl } from '../../../src/verify/ob3/normalise.js';
import { checkRecipient } from '../../../src/verify/ob3/recipient.js';
import { embeddedEndorsements } from '../../../src/verify/ob3/endorsements.js';
import { verify } from '../../../src/verify/verify.js';

const NOW = new Date('2026-11-23T00:00:00Z');
const FIXTURES = new URL('../../fixtures/ob3/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<string, unknown>;
const V2 = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const refuseFetch = (async (input: RequestInfo | URL) => {
  throw new TypeError(`network refused in tests: ${String(input)}`);
}) as typeof globalThis.fetch;

const base = (extra: Record<string, unknown> = {}) => ({
  '@context': V2,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: 'https://issuer.example',
  credentialSubject: { type: ['AchievementSubject'], achievement: { name: 'A' } },
  ...extra,
});

describe('validity period', () => {
  it('passes inside validFrom..validUntil', () => {
    const findings = evaluateValidity(base({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' }), NOW);
    expect(findings.map((f) => `${f.id}:${f.status}`)).toEqual(['expiry:passed', 'issued:passed']);
  });

  it('uses VCDM 1.1 issuanceDate / expirationDate and JWT nbf / exp alike', () => {
    expect(evaluateValidity({ issuanceDate: '2026-01-01T00:00:00Z', expirationDate: '2026-02-01T00:00:00Z' }, NOW)[0]?.code).toBe('EXPIRED');
    expect(evaluateValidity({}, NOW, { exp: Date.parse('2026-02-01T00:00:00Z') / 1000 })[0]?.code).toBe('EXPIRED');
    expect(evaluateValidity({}, NOW, { nbf: Date.parse('2027-02-01T00:00:00Z') / 1000 })[1]?.code).toBe('NOT_YET_VALID');
  });

  it('skips what the credential does not state', () => {
    expect(evaluateValidity(base(), NOW).map((f) => f.status)).toEqual(['skipped', 'skipped']);
  });
});

describe('validity period failures', () => {
  it('reports a date that does not parse as INVALID_PROPERTY, never as valid', () => {
    const findings = evaluateValidity(base({ validUntil: 'next Tuesday' }), NOW);
    expect(findings[0]).toMatchObject({ status: 'failed', code: 'INVALID_PROPERTY', property: 'validUntil' });
  });

  it('requires issuanceDate in a VCDM 1.1 credential', () => {
    const findings = evaluateValidity({ '@context': ['https://www.w3.org/2018/credentials/v1'] }, NOW);
    expect(findings.find((f) => f.id === 'issued')?.code).toBe('MISSING_PROPERTY');
  });

  it('reports a JWT exp that is not a number', () => {
    expect(evaluateValidity({}, NOW, { exp: '2026' })[0]?.code).toBe('INVALID_PROPERTY');
  });
});

describe('structure', () => {
  it('accepts an OpenBadgeCredential and names the data model', () => {
    expect(checkStructure(base())).toMatchObject({ status: 'passed', dataModel: '2.0', openBadge: true });
  });

  it('verifies a CLR, which carries badges, with a warning', () => {
    expect(checkStructure(base({ type: ['VerifiableCredential', 'ClrCredential'] }))).toMatchObject({ status: 'warning', code: 'INVALID_TYPE' });
  });

  it('refuses any other VC as a badge, and takes it as a status list', () => {
    const list = base({ type: ['VerifiableCredential', 'BitstringStatusListCredential'] });
    expect(checkStructure(list)).toMatchObject({ status: 'failed', code: 'INVALID_TYPE', property: 'type' });
    expect(checkStructure(list, 'list')).toMatchObject({ status: 'passed', openBadge: false });
  });

  it.each([
    [{ '@context': undefined }, 'INVALID_CONTEXT'],
    [{ '@context': ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] }, 'INVALID_CONTEXT'],
    [{ '@context': ['https://www.w3.org/ns/credentials/v2'] }, 'INVALID_CONTEXT'],
    [{ type: ['OpenBadgeCredential'] }, 'INVALID_TYPE'],
    [{ id: 'not a uri' }, 'INVALID_PROPERTY'],
    [{ issuer: undefined }, 'MISSING_PROPERTY'],
    [{ issuer: { name: 'no id' } }, 'INVALID_PROPERTY'],
    [{ credentialSubject: undefined }, 'MISSING_PROPERTY'],
    [{ credentialSubject: 'text' }, 'INVALID_PROPERTY'],
  ])('refuses %j with %s', (change, code) => {
    const credential: Record<string, unknown> = base(change);
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete credential[k];
    expect(checkStructure(credential)).toMatchObject({ status: 'failed', code });
  });
});

describe('normalised badge', () => {
  it('keeps only http(s) and data:image URLs', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<script>')).toBeNull();
    expect(safeUrl('/relative.png')).toBeNull();
    expect(safeUrl('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(safeUrl({ id: 'https://example.org/a.png', type: 'Image' })).toBe('https://example.org/a.png');
  });

  it('shows an unhashed identity and takes names from multilingual values', () => {
    const badge = normaliseOb3(
      base({
        credentialSubject: {
          identifier: [{ type: 'IdentityObject', identityHash: 'learner@example.org', hashed: false, identityType: 'emailAddress' }],
          achievement: { name: { '@value': 'Nom', '@language': 'fr' }, image: 'javascript:alert(1)', criteria: { id: 'https://example.org/criteria' } },
        },
        issuer: { id: 'https://issuer.example', name: 'Issuer', url: 'javascript:void(0)' },
      }),
    );
    expect(badge).toMatchObject({ name: 'Nom', image: null, criteria: 'https://example.org/criteria', recipient: { identity: 'learner@example.org', hashed: false } });
    expect(badge.issuer).toEqual({ id: 'https://issuer.example', name: 'Issuer', url: null, image: null });
  });
});

describe('recipient', () => {
  it('is skipped when nobody is expected', async () => {
    const checks = new CheckList();
    await checkRecipient(base(), undefined, checks);
    expect(checks.items[0]?.status).toBe('skipped');
  });

  it('reports RECIPIENT_MISMATCH when the credential names no recipient', async () => {
    const checks = new CheckList();
    await checkRecipient(base(), 'someone@example.org', checks);
    expect(checks.items[0]).toMatchObject({ status: 'failed', code: 'RECIPIENT_MISMATCH' });
  });
});

describe('endorsements', () => {
  it('finds endorsements on the credential, issuer, achievement and its creator, objects and JWTs', () => {
    const e = { type: ['EndorsementCredential'] };
    const credential = base({
      endorsement: [e],
      endorsementJwt: ['a.b.c'],
      issuer: { id: 'https://issuer.example', endorsement: e },
      credentialSubject: { achievement: { endorsement: [e], creator: { id: 'https://c.example', endorsementJwt: 'd.e.f' } } },
    });
    expect(embeddedEndorsements(credential)).toEqual([e, 'a.b.c', e, e, 'd.e.f']);
  });

  it('verifies an endorsement carried as a VC-JWT', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const jwt = readFileSync(new URL('jwt-eddsa-did-key.jwt', FIXTURES), 'utf8').trim();
    const broken = readFileSync(new URL('jwt-tampered.jwt', FIXTURES), 'utf8').trim();
    // Adding them after signing breaks the badge's own proof; only the nested results matter here.
    const result = await verify({ ...credential, endorsementJwt: [jwt, broken] } as never, { fetch: refuseFetch, now: NOW });
    expect(result.badge?.endorsements.map((e) => e.status)).toEqual(['valid', 'invalid']);
  });
});

describe('VC-JWT forms', () => {
  it('refuses a JWT whose payload carries no credential', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const token = `${b64({ alg: 'EdDSA' })}.${b64({ vc: 'nope', iss: 'x' })}.${'A'.repeat(86)}`;
    const result = await verify(token, { fetch: refuseFetch, now: NOW });
    expect(result.status).not.toBe('valid');
  });
});
