/**
 * Our own OB 3.0 fixtures (scripts/make-ob3-fixtures.mjs: fixed keys, fixed dates) through
 * verify(): each mechanism once in the good case and once per way it can go wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/verify/verify.js';
import type { VerifyOptions } from '../../../src/verify/options.js';
import { jsonFetch } from '../../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const FIXTURES = new URL('../../fixtures/ob3/', import.meta.url);
const EXAMPLES = new URL('../../../examples/badges/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8').trim();
const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;
const DID_WEB_URL = 'https://issuer.example.org/.well-known/did.json';

async function run(input: unknown, options: VerifyOptions = {}, routes: Record<string, unknown> = {}) {
  const { fetch, calls } = jsonFetch(routes);
  const result = await verify(input as never, { fetch, now: NOW, ...options });
  return { result, calls, codes: result.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => c.code) };
}

describe('OB 3.0 fixtures that verify', () => {
  it.each(['valid-eddsa-rdfc-2022.json', 'valid-ed25519-signature-2020.json'])('accepts %s without any network request', async (name) => {
    const { result, calls } = await run(json(name));
    expect(result.status).toBe('valid');
    expect(result.verified).toBe(true);
    expect(calls).toEqual([]);
    expect(result.checks.some((c) => c.status === 'warning')).toBe(false);
  });

  it('normalises the badge for display', async () => {
    const { result } = await run(json('valid-eddsa-rdfc-2022.json'));
    expect(result.badge).toMatchObject({
      name: 'Verify-badge Test Badge',
      description: 'Awarded for verifying badges with care.',
      image: 'https://issuer.example.org/achievements/testing-101.png',
      criteria: 'Verify three badges and explain each verdict.',
      achievementType: 'Badge',
      issuer: { name: 'Example Institute of Testing', url: 'https://issuer.example.org/', image: 'https://issuer.example.org/logo.png' },
      recipient: { id: 'did:example:learner-1234', identity: null, hashed: true },
      issuedOn: '2026-01-15T00:00:00.000Z',
      expiresOn: null,
    });
  });

  it.each(['learner@example.org', 'Learner@Example.org', 'did:example:learner-1234'])('matches the recipient %s', async (recipient) => {
    const { result } = await run(json('valid-eddsa-rdfc-2022.json'), { recipient });
    expect(result.status).toBe('valid');
    expect(result.checks.find((c) => c.id === 'recipient')?.status).toBe('passed');
  });

  it('resolves a did:web issuer through the injected fetch', async () => {
    const { result, calls } = await run(json('did-web.json'), {}, { [DID_WEB_URL]: json('did-web-document.json') });
    expect(result.status).toBe('valid');
    expect(calls).toEqual([DID_WEB_URL]);
  });

  it.each([
    ['jwt-eddsa-did-key.jwt', 'EdDSA, kid did:key'],
    ['jwt-es256-did-key.jwt', 'ES256, kid P-256 did:key'],
    ['jwt-did-jwk.jwt', 'EdDSA, kid did:jwk, typ vc+ld+json+jwt'],
    ['jwt-header-jwk.jwt', 'EdDSA, header jwk'],
  ])('accepts the VC-JWT %s (%s)', async (name) => {
    const { result } = await run(text(name));
    expect(result.status).toBe('valid');
    expect(result.format).toBe('jwt');
    expect(result.badge?.name).toBe('Verify-badge Test Badge');
  });

  it('accepts a key carried in the JWT header when the issuer is its did:key', async () => {
    const { result, calls } = await run(text('jwt-header-jwk.jwt'));
    expect(result.status).toBe('valid');
    expect(calls).toEqual([]);
    expect(result.checks.some((c) => c.status === 'warning')).toBe(false);
  });

  it('warns that a key carried in the JWT header is taken on trust with trustEmbeddedKeys', async () => {
    const { result } = await run(text('jwt-header-jwk.jwt'), { trustEmbeddedKeys: true });
    expect(result.status).toBe('valid');
    expect(result.checks).toContainEqual(expect.objectContaining({ id: 'key', status: 'warning', code: 'KEY_NOT_OWNED' }));
  });

  it('reports each endorsement with its own status and keeps the badge valid', async () => {
    const { result } = await run(json('endorsed.json'));
    expect(result.status).toBe('valid');
    expect(result.badge?.endorsements.map((e) => e.status)).toEqual(['valid', 'invalid']);
    expect(result.badge?.endorsements[0]).toMatchObject({ claim: 'A rigorous programme.', issuedOn: '2026-01-10T00:00:00.000Z', issuer: { name: 'Example Standards Body' } });
    expect(result.checks.find((c) => c.id === 'endorsements')).toMatchObject({ status: 'warning', code: 'PROOF_INVALID' });
  });

  it('verifies a standalone endorsement credential', async () => {
    const { result } = await run(json('endorsement-valid.json'));
    expect(result.status).toBe('valid');
    expect(result.checks.find((c) => c.id === 'endorsements')?.status).toBe('skipped');
  });

  it('gives the same verdicts when many verifications run at once (shared suites and caches)', async () => {
    const names = ['valid-eddsa-rdfc-2022.json', 'tampered.json', 'valid-ed25519-signature-2020.json', 'wrong-key.json', 'key-not-owned.json', 'expired.json'];
    const inputs = Array.from({ length: 24 }, (_, i) => names[i % names.length]!);
    const results = await Promise.all(inputs.map((name) => run(json(name))));
    const expected: Record<string, string> = {
      'valid-eddsa-rdfc-2022.json': 'valid',
      'tampered.json': 'invalid',
      'valid-ed25519-signature-2020.json': 'valid',
      'wrong-key.json': 'invalid',
      'key-not-owned.json': 'invalid',
      'expired.json': 'expired',
    };
    expect(results.map((r) => r.result.status)).toEqual(inputs.map((name) => expected[name]));
  });

  it.each(['ob3-valid.json', 'ob3-valid.png', 'ob3-valid.svg'])('accepts the example %s', async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, EXAMPLES)));
    const { result } = await run(name.endsWith('.json') ? new TextDecoder().decode(bytes) : bytes);
    expect(result.status).toBe('valid');
  });
});

describe('OB 3.0 fixtures that must not verify', () => {
  it.each([
    ['tampered.json', 'invalid', 'PROOF_INVALID'],
    ['wrong-key.json', 'invalid', 'PROOF_INVALID'],
    ['key-not-owned.json', 'invalid', 'KEY_NOT_OWNED'],
    ['expired.json', 'expired', 'EXPIRED'],
    ['not-yet-valid.json', 'not-yet-valid', 'NOT_YET_VALID'],
  ])('reports %s as %s (%s)', async (name, status, code) => {
    const { result, codes } = await run(json(name));
    expect(result.status).toBe(status);
    expect(codes).toContain(code);
  });

  it('reports RECIPIENT_MISMATCH for someone else', async () => {
    const { result, codes } = await run(json('valid-eddsa-rdfc-2022.json'), { recipient: 'someone@example.org' });
    expect(result.status).toBe('invalid');
    expect(codes).toContain('RECIPIENT_MISMATCH');
  });

  it('is indeterminate when the did:web document cannot be fetched', async () => {
    const { result, codes } = await run(json('did-web.json'));
    expect(result.status).toBe('indeterminate');
    expect(codes).toContain('DID_UNRESOLVED');
  });

  it('refuses a did:web document that describes another DID', async () => {
    const doc = { ...json('did-web-document.json'), id: 'did:web:attacker.example' };
    const { result, codes } = await run(json('did-web.json'), {}, { [DID_WEB_URL]: doc });
    expect(result.status).toBe('indeterminate');
    expect(codes).toContain('DID_UNRESOLVED');
  });

  it('refuses a did:web key that is not an assertion method', async () => {
    const doc = { ...json('did-web-document.json'), assertionMethod: [] };
    const { result, codes } = await run(json('did-web.json'), {}, { [DID_WEB_URL]: doc });
    expect(result.status).toBe('invalid');
    expect(codes).toContain('KEY_NOT_OWNED');
  });

  it.each([
    ['jwt-iss-mismatch.jwt', 'invalid', 'JWT_CLAIM_MISMATCH'],
    ['jwt-sub-mismatch.jwt', 'invalid', 'JWT_CLAIM_MISMATCH'],
    ['jwt-jti-mismatch.jwt', 'invalid', 'JWT_CLAIM_MISMATCH'],
    ['jwt-wrong-typ.jwt', 'invalid', 'JWT_CLAIM_MISMATCH'],
    ['jwt-expired.jwt', 'expired', 'EXPIRED'],
    ['jwt-not-yet-valid.jwt', 'not-yet-valid', 'NOT_YET_VALID'],
    ['jwt-key-not-owned.jwt', 'invalid', 'KEY_NOT_OWNED'],
    ['jwt-alg-none.jwt', 'invalid', 'ALG_NOT_ALLOWED'],
    ['jwt-hs256.jwt', 'invalid', 'ALG_NOT_ALLOWED'],
    ['jwt-tampered.jwt', 'invalid', 'PROOF_INVALID'],
  ])('reports %s as %s (%s)', async (name, status, code) => {
    const { result, codes } = await run(text(name));
    expect(result.status).toBe(status);
    expect(codes).toContain(code);
  });

  it.each(['ob3-expired.json', 'ob3-tampered.json'])('does not accept the example %s', async (name) => {
    const { result } = await run(readFileSync(new URL(name, EXAMPLES), 'utf8'));
    expect(result.status).not.toBe('valid');
  });
});
