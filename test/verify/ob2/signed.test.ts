import { describe, expect, it } from 'vitest';
import type { VerifyOptions } from '../../../src/verify/options.js';
import { verify } from '../../../src/verify/verify.js';
import { bytesOf, mapFetch, OB2_FIXTURES, OB2_MAP, textOf, type Override } from '../../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const token = (name: string) => textOf(new URL(`signed/${name}.jws`, OB2_FIXTURES));

async function check(input: Parameters<typeof verify>[0], options: VerifyOptions = {}, overrides: Record<string, Override> = {}) {
  const fetch = mapFetch([OB2_MAP], overrides);
  const result = await verify(input, { fetch, now: NOW, ...options });
  const failed = Object.fromEntries(result.checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.code]));
  return { result, failed, fetch };
}

describe('signed OB 2.0 assertions', () => {
  it('verifies an RS256 assertion with the issuer key named by creator', async () => {
    const { result, fetch } = await check(token('rs256'), { recipient: 'alice@example.org' });
    expect(result.status).toBe('valid');
    expect([result.version, result.format, result.input]).toEqual(['2.0', 'jwt', '<text>']);
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['input', 'passed'],
      ['parse', 'passed'],
      ['structure', 'passed'],
      ['badgeclass', 'passed'],
      ['issuer', 'passed'],
      ['scope', 'skipped'],
      ['key', 'passed'],
      ['proof', 'passed'],
      ['revocation', 'passed'],
      ['recipient', 'passed'],
      ['expiry', 'passed'],
      ['issued', 'passed'],
    ]);
    expect(fetch.calls).toContain('https://badges.example.org/keys/rsa.json');
    expect(fetch.calls).toContain('https://badges.example.org/revocations.json');
    expect((result.credential as { id: string }).id).toBe('urn:uuid:00000000-0000-4000-8000-000000000001');
  });

  it('verifies an ES256 assertion', async () => {
    expect((await check(token('es256'))).result.status).toBe('valid');
  });

  it('tries the keys the issuer lists when the assertion names no creator', async () => {
    expect((await check(token('no-creator'))).result.status).toBe('valid');
  });

  it('verifies a signed assertion baked into a PNG', async () => {
    const { result } = await check(bytesOf(new URL('baked/signed.png', OB2_FIXTURES)));
    expect([result.status, result.format]).toEqual(['valid', 'png']);
  });

  it('verifies the 1EdTech-style token given as bytes of text', async () => {
    const { result } = await check(new TextEncoder().encode(`\uFEFF${token('rs256')}\n`));
    expect([result.status, result.format]).toEqual(['valid', 'jwt']);
  });
});

describe('signed assertions that fail', () => {
  it('refuses alg none without fetching anything', async () => {
    const { result, failed, fetch } = await check(token('alg-none'));
    expect(result.status).toBe('invalid');
    expect(failed.proof).toBe('ALG_NOT_ALLOWED');
    expect(fetch.calls).toEqual([]);
    expect(result.badge?.issuedOn).toBe('2026-02-01T12:00:00.000Z');
  });

  it('refuses HS256 (a public key is no HMAC secret)', async () => {
    const { failed, fetch } = await check(token('hs256'));
    expect(failed.proof).toBe('ALG_NOT_ALLOWED');
    expect(fetch.calls).toEqual([]);
  });

  it('reports KEY_NOT_OWNED for a key the issuer does not list, and does not fetch it', async () => {
    const { result, failed, fetch } = await check(token('key-not-listed'));
    expect(result.status).toBe('invalid');
    expect(failed.key).toBe('KEY_NOT_OWNED');
    expect(fetch.calls).not.toContain('https://badges.example.org/keys/rogue.json');
    expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('skipped');
  });

  it('judges key ownership by the issuer hosted copy, not by an embedded copy listing a rogue key', async () => {
    const { result, failed } = await check(token('forged-issuer'));
    expect(result.status).toBe('invalid');
    expect(failed.key).toBe('KEY_NOT_OWNED');
  });

  it('reports KEY_NOT_OWNED when the issuer has no http(s) id to look it up by', async () => {
    const { failed, fetch } = await check(token('urn-issuer'));
    expect(failed.key).toBe('KEY_NOT_OWNED');
    expect(fetch.calls).not.toContain('https://badges.example.org/keys/rogue.json');
  });

  it('reports KEY_NOT_OWNED when the key document names another owner', async () => {
    const { failed } = await check(token('rs256'), {}, {
      'https://badges.example.org/keys/rsa.json': { body: JSON.stringify({ ...JSON.parse(textOf(new URL('hosted/badges.example.org/keys/rsa.json', OB2_FIXTURES))), owner: 'https://evil.example.com/me' }) },
    });
    expect(failed.key).toBe('KEY_NOT_OWNED');
  });

  it('reports PROOF_INVALID for a payload changed after signing', async () => {
    const { result, failed } = await check(token('tampered'));
    expect(result.status).toBe('invalid');
    expect(failed.proof).toBe('PROOF_INVALID');
  });

  it('reports PROOF_INVALID for a token signed by another key than the one it names', async () => {
    expect((await check(token('wrong-key'))).failed.proof).toBe('PROOF_INVALID');
  });

  it('reports KEY_MALFORMED for a key document whose PEM is not a key', async () => {
    const { result, failed } = await check(token('rs256'), {}, {
      'https://badges.example.org/keys/rsa.json': {
        body: JSON.stringify({ id: 'https://badges.example.org/keys/rsa.json', type: 'CryptographicKey', owner: 'https://badges.example.org/issuer.json', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }),
      },
    });
    expect(result.status).toBe('invalid');
    expect(failed.key).toBe('KEY_MALFORMED');
  });

  it('is indeterminate when the key cannot be fetched', async () => {
    const { result, failed } = await check(token('rs256'), {}, { 'https://badges.example.org/keys/rsa.json': { status: 503 } });
    expect(result.status).toBe('indeterminate');
    expect(failed.key).toBe('FETCH_FAILED');
  });

  it.each([
    ['an {id, revocationReason} entry', 'revoked-id', 'Issued in error'],
    ['a bare string entry', 'revoked-string', null],
    ['a legacy {uid} entry', 'revoked-uid', 'Old badge withdrawn'],
  ])('reports REVOKED for %s in the issuer revocation list', async (_name, file, reason) => {
    const { result, failed } = await check(token(file));
    expect(result.status).toBe('revoked');
    expect(failed.revocation).toBe('REVOKED');
    if (reason) expect(result.errors[0]?.message).toContain(reason);
  });

  it('is indeterminate when the revocation list cannot be fetched', async () => {
    const { result, failed } = await check(token('rs256'), {}, { 'https://badges.example.org/revocations.json': { status: 500 } });
    expect(result.status).toBe('indeterminate');
    expect(failed.revocation).toBe('STATUS_UNAVAILABLE');
  });

  it('is indeterminate when the revocation list is not a revocation list', async () => {
    const { failed } = await check(token('rs256'), {}, { 'https://badges.example.org/revocations.json': { body: '[1,2,3]' } });
    expect(failed.revocation).toBe('STATUS_UNAVAILABLE');
  });

  it('reports EXPIRED for a signed assertion past its expiry', async () => {
    const { result, failed } = await check(token('expiring'));
    expect(result.status).toBe('expired');
    expect(failed.expiry).toBe('EXPIRED');
  });

  it('reports PROOF_MISSING for a signed assertion stripped of its JWS', async () => {
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(token('rs256').split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    const { result, failed } = await check(payload);
    expect(result.status).toBe('invalid');
    expect(failed.proof).toBe('PROOF_MISSING');
  });

  it('reports JWS_MALFORMED for a JWS whose header lists critical extensions', async () => {
    // {"alg":"RS256","crit":["exp"]} . {"a":1} . sig
    const { result, failed } = await check('eyJhbGciOiJSUzI1NiIsImNyaXQiOlsiZXhwIl19.eyJhIjoxfQ.c2ln');
    expect(result.status).toBe('invalid');
    expect(failed.structure).toBe('JWS_MALFORMED');
  });

  it('does not take text for a JWS when its first segment is not a JSON header: error, as when baked', async () => {
    const { result, failed } = await check('bm90IGpzb24.eyJhIjoxfQ.c2ln');
    expect(result.status).toBe('error');
    expect(failed.input).toBe('INPUT_UNRECOGNISED');
  });

  it('reports NOT_A_BADGE for a JWS whose payload is not an assertion', async () => {
    const { result, failed } = await check('eyJhbGciOiJSUzI1NiJ9.eyJoZWxsbyI6IndvcmxkIn0.c2ln');
    expect(result.status).toBe('error');
    expect(failed.structure).toBe('NOT_A_BADGE');
  });
});
