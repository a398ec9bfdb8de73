/**
 * Keys that only the credential vouches for (scripts/make-ob3-fixtures.mjs): the 1EdTech
 * convention `<issuer URL>#<Multikey>` and a VC-JWT header `jwk`. A reviewer forged badges
 * "issued by" https://www.mit.edu with an attacker's own key both ways; by default they must
 * never be valid (CONTRACT: key not owned by the issuer → invalid; cannot tell → indeterminate),
 * and only `trustEmbeddedKeys` reproduces 1EdTech's acceptance, with a warning.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/verify/verify.js';
import type { VerifyOptions } from '../../../src/verify/options.js';
import { jsonFetch } from '../../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const FIXTURES = new URL('../../fixtures/ob3/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8').trim();
const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;
const KEYS = json('keys.json') as { issuer: { publicKeyMultibase: string }; other: { publicKeyMultibase: string } };

/** The fetcher normalises https://www.mit.edu to https://www.mit.edu/. */
const MIT = 'https://www.mit.edu/';
const ATTACKER_REF = `https://www.mit.edu#${KEYS.other.publicKeyMultibase}`;

async function run(input: unknown, options: VerifyOptions = {}, routes: Record<string, unknown> = {}) {
  const { fetch, calls } = jsonFetch(routes);
  const result = await verify(input as never, { fetch, now: NOW, ...options });
  return { result, calls, check: (id: string) => result.checks.find((c) => c.id === id) };
}

/** An issuer profile of MIT listing one Ed25519 key for assertions. */
function profileListing(multibase: string, id = 'https://www.mit.edu#key-1') {
  return { id: 'https://www.mit.edu', type: 'Profile', name: 'MIT', assertionMethod: [{ id, type: 'Multikey', controller: 'https://www.mit.edu', publicKeyMultibase: multibase }] };
}

describe('a Data Integrity proof by a key in the verification method URL', () => {
  it('is valid when the issuer document lists that key by its id', async () => {
    const { result, calls } = await run(json('forged-fragment-key.json'), {}, { [MIT]: { id: 'https://www.mit.edu', assertionMethod: [ATTACKER_REF] } });
    expect(result.status).toBe('valid');
    expect(calls).toEqual([MIT]);
    expect(result.checks.some((c) => c.status === 'warning')).toBe(false);
  });

  it('is valid when the issuer document lists the same key material under another id', async () => {
    const { result } = await run(json('forged-fragment-key.json'), {}, { [MIT]: profileListing(KEYS.other.publicKeyMultibase) });
    expect(result.status).toBe('valid');
  });

  it('is valid with trustEmbeddedKeys, without a request, with a key warning', async () => {
    const { result, calls, check } = await run(json('forged-fragment-key.json'), { trustEmbeddedKeys: true });
    expect(result.status).toBe('valid');
    expect(calls).toEqual([]);
    expect(check('key')).toMatchObject({ status: 'warning', code: 'KEY_NOT_OWNED' });
  });
});

describe('the forged fragment key (issuer https://www.mit.edu, the attacker\'s Multikey after it)', () => {
  it('is indeterminate, never valid, when the issuer document cannot be fetched', async () => {
    const { result, calls, check } = await run(json('forged-fragment-key.json'));
    expect(result.status).toBe('indeterminate');
    expect(result.verified).toBe(false);
    expect(calls).toEqual([MIT]);
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'FETCH_FAILED' });
  });

  it('stays indeterminate after a call that trusted the same key (nothing learnt on trust is reused)', async () => {
    expect((await run(json('forged-fragment-key.json'), { trustEmbeddedKeys: true })).result.status).toBe('valid');
    expect((await run(json('forged-fragment-key.json'))).result.status).toBe('indeterminate');
  });

  it('is invalid KEY_NOT_OWNED when the issuer document lists a different key', async () => {
    const { result, check } = await run(json('forged-fragment-key.json'), {}, { [MIT]: profileListing(KEYS.issuer.publicKeyMultibase) });
    expect(result.status).toBe('invalid');
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_OWNED' });
  });

  it('is indeterminate when the issuer document is not a JSON object', async () => {
    const { result, check } = await run(json('forged-fragment-key.json'), {}, { [MIT]: ['no', 'document'] });
    expect(result.status).toBe('indeterminate');
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'RESOURCE_MALFORMED' });
  });

  it('is invalid without any request when it was edited after signing, whoever owns the key', async () => {
    const { result, calls } = await run({ ...json('forged-fragment-key.json'), name: 'Edited' });
    expect(result.status).toBe('invalid');
    expect(calls).toEqual([]);
  });
});

describe('a VC-JWT whose header carries its key', () => {
  it('is valid when the issuer is the did:key of that key', async () => {
    const { result, calls } = await run(text('jwt-header-jwk.jwt'));
    expect(result.status).toBe('valid');
    expect(calls).toEqual([]);
    expect(result.checks.some((c) => c.status === 'warning')).toBe(false);
  });

  it('is valid when the issuer is the did:jwk of that key', async () => {
    const { result, calls } = await run(text('jwt-header-jwk-did-jwk.jwt'));
    expect(result.status).toBe('valid');
    expect(calls).toEqual([]);
  });

  it('is valid when the issuer profile lists that key', async () => {
    const { result, calls } = await run(text('jwt-forged-header-jwk.jwt'), {}, { [MIT]: profileListing(KEYS.other.publicKeyMultibase) });
    expect(result.status).toBe('valid');
    expect(calls).toEqual([MIT]);
  });

  it('is valid with trustEmbeddedKeys, without a request, with a key warning', async () => {
    const { result, calls, check } = await run(text('jwt-forged-header-jwk.jwt'), { trustEmbeddedKeys: true });
    expect(result.status).toBe('valid');
    expect(calls).toEqual([]);
    expect(check('key')).toMatchObject({ status: 'warning', code: 'KEY_NOT_OWNED' });
  });
});

describe('the forged header jwk (the attacker\'s key in the header, iss https://www.mit.edu)', () => {
  it('is indeterminate, never valid, when the issuer profile cannot be fetched', async () => {
    const { result, calls, check } = await run(text('jwt-forged-header-jwk.jwt'));
    expect(result.status).toBe('indeterminate');
    expect(result.verified).toBe(false);
    expect(calls).toEqual([MIT]);
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'FETCH_FAILED' });
  });

  it('is invalid KEY_NOT_OWNED when the issuer profile lists a different key', async () => {
    const { result, check } = await run(text('jwt-forged-header-jwk.jwt'), {}, { [MIT]: profileListing(KEYS.issuer.publicKeyMultibase) });
    expect(result.status).toBe('invalid');
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_OWNED' });
  });

  it('is invalid KEY_NOT_OWNED when the issuer profile served is another issuer\'s', async () => {
    const { result } = await run(text('jwt-forged-header-jwk.jwt'), {}, { [MIT]: { ...profileListing(KEYS.other.publicKeyMultibase), id: 'https://evil.example/' } });
    expect(result.status).toBe('invalid');
  });

  it('is invalid without any request when the payload was edited after signing', async () => {
    const [header, , signature] = text('jwt-forged-header-jwk.jwt').split('.');
    const payload = Buffer.from(JSON.stringify({ iss: 'https://www.mit.edu', vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: 'https://www.mit.edu', credentialSubject: {} } })).toString('base64url');
    const { result, calls, check } = await run(`${header}.${payload}.${signature}`);
    expect(result.status).toBe('invalid');
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'PROOF_INVALID' });
    expect(calls).toEqual([]);
  });
});

describe('a VC-JWT whose kid is the issuer URL with the key as its fragment', () => {
  const KID = `https://www.mit.edu#${KEYS.other.publicKeyMultibase}`;

  it('is valid when the issuer document lists that key', async () => {
    const { result, calls } = await run(text('jwt-forged-kid-fragment.jwt'), {}, { [MIT]: { id: 'https://www.mit.edu', assertionMethod: [KID] } });
    expect(result.status).toBe('valid');
    expect(calls).toEqual([MIT]);
  });

  it('is valid with trustEmbeddedKeys, without a request, with a key warning', async () => {
    const { result, calls, check } = await run(text('jwt-forged-kid-fragment.jwt'), { trustEmbeddedKeys: true });
    expect(result.status).toBe('valid');
    expect(calls).toEqual([]);
    expect(check('key')).toMatchObject({ status: 'warning', code: 'KEY_NOT_OWNED' });
  });
});

describe('the forged kid fragment (the attacker\'s Multikey after https://www.mit.edu)', () => {
  it('is indeterminate, never valid, when the issuer document cannot be fetched', async () => {
    const { result, check } = await run(text('jwt-forged-kid-fragment.jwt'));
    expect(result.status).toBe('indeterminate');
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'FETCH_FAILED' });
  });

  it('is invalid KEY_NOT_OWNED when the issuer document lists a different key', async () => {
    const { result, check } = await run(text('jwt-forged-kid-fragment.jwt'), {}, { [MIT]: profileListing(KEYS.issuer.publicKeyMultibase) });
    expect(result.status).toBe('invalid');
    expect(check('proof')).toMatchObject({ status: 'failed', code: 'KEY_NOT_OWNED' });
  });
});
