import { describe, expect, it } from 'vitest';
import { Fetcher } from '../../../src/verify/fetcher.js';
import { resolveOptions } from '../../../src/verify/options.js';
import { encodeBase64Url as base64urlEncode } from '../../../src/encoding/base64.js';
import { base58btcDecode, base58btcEncode, base64urlDecode } from '../../../src/verify/keys/encoding.js';
import { decodeMultikey, ed25519Multibase } from '../../../src/verify/keys/multikey.js';
import { confirmFragmentKey, didWebUrl, fragmentKeyOf, keyOwnedBy, keysOfController, publicKeyFromJwk, resolveVerificationMethod, sameKey } from '../../../src/verify/keys/index.js';
import { codeOfAsync } from '../../helpers/codes.js';

const ED_KEY = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const ED_KEY_HEX = '4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5';

function fetcherFor(routes: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    if (url in routes) return new Response(JSON.stringify(routes[url]), { status: 200 });
    return new Response('nope', { status: 404 });
  }) as typeof globalThis.fetch;
  return { env: { fetcher: new Fetcher(resolveOptions({ fetch })) }, calls };
}

describe('encodings', () => {
  it('round-trips base58btc, leading zeros included', () => {
    const bytes = new Uint8Array([0, 0, 1, 2, 255, 128, 7]);
    expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
    expect(base58btcEncode(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
  });

  it('round-trips base64url without padding', () => {
    const bytes = new Uint8Array([251, 255, 0, 1]);
    expect(base64urlEncode(bytes)).toBe('-_8AAQ');
    expect(base64urlDecode('-_8AAQ')).toEqual(bytes);
  });
});

describe('Multikey', () => {
  it('decodes the OB 3.0 test key to its published Ed25519 public key', () => {
    const key = decodeMultikey(ED_KEY);
    expect(key.algorithm).toBe('Ed25519');
    expect(Buffer.from(base64urlDecode(key.jwk.x!)).toString('hex')).toBe(ED_KEY_HEX);
    expect(ed25519Multibase(Uint8Array.from(Buffer.from(ED_KEY_HEX, 'hex')))).toBe(ED_KEY);
  });

  it('decompresses a P-256 did:key into a JWK WebCrypto imports', async () => {
    // did:key test vector from the did:key spec (P-256).
    const key = decodeMultikey('zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169');
    expect(key.algorithm).toBe('P-256');
    await expect(crypto.subtle.importKey('jwk', key.jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])).resolves.toBeTruthy();
  });
});

describe('did:web', () => {
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
    ['did:web:example.com#key-1', 'https://example.com/.well-known/did.json'],
  ])('maps %s to %s', (did, url) => {
    expect(didWebUrl(did)).toBe(url);
  });
});

describe('resolveVerificationMethod', () => {
  it('resolves did:key without the network, controlled by the DID itself', async () => {
    const { env, calls } = fetcherFor();
    const key = await resolveVerificationMethod(`did:key:${ED_KEY}#${ED_KEY}`, env);
    expect(key).toMatchObject({ algorithm: 'Ed25519', controller: `did:key:${ED_KEY}`, publicKeyMultibase: ED_KEY });
    expect(calls).toEqual([]);
  });

  it('decodes the fragment of an issuer URL as an unconfirmed key (1EdTech convention), claimed by the URL before #, without a fetch', async () => {
    const { env, calls } = fetcherFor();
    const key = await resolveVerificationMethod(`https://example.edu/issuers/565049#${ED_KEY}`, env);
    expect(key).toMatchObject({ via: 'url-fragment', controller: 'https://example.edu/issuers/565049', publicKeyMultibase: ED_KEY });
    expect(keyOwnedBy(key, 'https://example.edu/issuers/other')).toBe(false);
    expect(fragmentKeyOf(`https://example.edu/issuers/565049#${ED_KEY}`)).toMatchObject({ via: 'url-fragment' });
    expect(fragmentKeyOf(`did:key:${ED_KEY}#${ED_KEY}`)).toBeUndefined();
    expect(fragmentKeyOf('https://example.edu/issuers/565049#key-1')).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('confirms a URL-fragment key that the controller document lists by that id', async () => {
    const ref = `https://example.edu/issuers/565049#${ED_KEY}`;
    const { env, calls } = fetcherFor({ 'https://example.edu/issuers/565049': { id: 'https://example.edu/issuers/565049', assertionMethod: [ref] } });
    const key = await confirmFragmentKey(await resolveVerificationMethod(ref, env), env);
    expect(key).toMatchObject({ via: 'document', id: ref, source: 'https://example.edu/issuers/565049' });
    expect(keyOwnedBy(key, 'https://example.edu/issuers/565049')).toBe(true);
    expect(calls).toEqual(['https://example.edu/issuers/565049']);
  });

  it('confirms a URL-fragment key that the controller document lists as a method with the same key material', async () => {
    const doc = { verificationMethod: [{ id: 'https://example.edu/i#key-1', type: 'JsonWebKey', controller: 'https://example.edu/i', publicKeyJwk: decodeMultikey(ED_KEY).jwk }] };
    const { env } = fetcherFor({ 'https://example.edu/i': doc });
    const key = await confirmFragmentKey(await resolveVerificationMethod(`https://example.edu/i#${ED_KEY}`, env), env);
    expect(keyOwnedBy(key, 'https://example.edu/i')).toBe(true);
  });

  it('returns keys that are not URL-fragment keys unchanged, without a fetch', async () => {
    const { env, calls } = fetcherFor();
    const key = await resolveVerificationMethod(`did:key:${ED_KEY}#${ED_KEY}`, env);
    expect(await confirmFragmentKey(key, env)).toBe(key);
    expect(calls).toEqual([]);
  });

  it('compares keys by algorithm and key bytes', () => {
    const ed = decodeMultikey(ED_KEY);
    expect(sameKey(ed, publicKeyFromJwk({ kty: 'OKP', crv: 'Ed25519', x: ed.jwk.x }))).toBe(true);
    expect(sameKey(ed, decodeMultikey('z6MkpRRK6HbqP5MG5siiKxsSpmMXgEpeZohAQy8wRU2XvFnh'))).toBe(false);
  });

  it('finds a key listed in an issuer profile', async () => {
    const profile = { id: 'https://issuer.example/p', assertionMethod: [{ id: 'https://issuer.example/p#key-1', type: 'Multikey', controller: 'https://issuer.example/p', publicKeyMultibase: ED_KEY }] };
    const { env } = fetcherFor({ 'https://issuer.example/p': profile });
    const key = await resolveVerificationMethod('https://issuer.example/p#key-1', env);
    expect(keyOwnedBy(key, 'https://issuer.example/p')).toBe(true);
    expect(await keysOfController('https://issuer.example/p', env)).toHaveLength(1);
  });

  it('does not let a did:web document claim another DID as the controller of its key', async () => {
    const doc = {
      id: 'did:web:evil.example',
      verificationMethod: [{ id: 'did:web:evil.example#k', type: 'Multikey', controller: 'did:web:issuer.example', publicKeyMultibase: ED_KEY }],
      assertionMethod: ['did:web:evil.example#k'],
    };
    const { env } = fetcherFor({ 'https://evil.example/.well-known/did.json': doc });
    const key = await resolveVerificationMethod('did:web:evil.example#k', env);
    expect(keyOwnedBy(key, 'did:web:issuer.example')).toBe(false);
    expect(keyOwnedBy(key, 'did:web:evil.example')).toBe(true);
  });

  it('resolves did:jwk', async () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(Uint8Array.from(Buffer.from(ED_KEY_HEX, 'hex'))) };
    const did = `did:jwk:${base64urlEncode(new TextEncoder().encode(JSON.stringify(jwk)))}`;
    const key = await resolveVerificationMethod(`${did}#0`, fetcherFor().env);
    expect(key.publicKeyMultibase).toBe(ED_KEY);
    expect(key.controller).toBe(did);
  });
});

describe('resolveVerificationMethod failures', () => {
  it.each([
    ['z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x', 'KEY_UNSUPPORTED'],
    ['did:example:123', 'KEY_UNSUPPORTED'],
    ['xxx:z6Mk', 'KEY_UNSUPPORTED'],
    ['ftp://example.org/key', 'KEY_UNSUPPORTED'],
    ['https://example.edu/issuers/565049#z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi', 'KEY_MALFORMED'],
    [`did:key:${ED_KEY}#z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x`, 'KEY_MALFORMED'],
    ['did:key:z0OIl', 'KEY_MALFORMED'],
    ['did:jwk:not-json#0', 'KEY_MALFORMED'],
    ['did:web:example.com%2Fevil', 'KEY_UNSUPPORTED'],
    ['did:web:example.com#key-1', 'DID_UNRESOLVED'],
    ['https://example.org/keys/1', 'FETCH_FAILED'],
  ])('%s → %s', async (ref, code) => {
    expect(await codeOfAsync(resolveVerificationMethod(ref, fetcherFor().env))).toBe(code);
  });

  it('refuses a JWK that carries a private key', async () => {
    const { env } = fetcherFor({ 'https://example.org/k': { kty: 'OKP', crv: 'Ed25519', x: 'AAAA', d: 'AAAA' } });
    expect(await codeOfAsync(resolveVerificationMethod('https://example.org/k', env))).toBe('KEY_MALFORMED');
  });

  it('does not believe a document on another origin that calls itself the issuer', async () => {
    const evil = { id: 'https://issuer.example/p', alsoKnownAs: ['https://issuer.example/p'], assertionMethod: [{ id: 'https://evil.example/p#key-1', type: 'Multikey', controller: 'https://issuer.example/p', publicKeyMultibase: ED_KEY }] };
    const { env } = fetcherFor({ 'https://evil.example/p': evil });
    const key = await resolveVerificationMethod('https://evil.example/p#key-1', env);
    expect(keyOwnedBy(key, 'https://issuer.example/p')).toBe(false);
  });

  it('does not count a key document that names the issuer as controller from another origin', async () => {
    const { env } = fetcherFor({ 'https://evil.example/k': { type: 'Multikey', controller: 'https://issuer.example/p', publicKeyMultibase: ED_KEY } });
    const key = await resolveVerificationMethod('https://evil.example/k', env);
    expect(keyOwnedBy(key, 'https://issuer.example/p')).toBe(false);
  });

  it('does not count a key of another origin that names no controller as the issuer\'s', async () => {
    const { env } = fetcherFor({ 'https://keys.example/k': { type: 'Multikey', publicKeyMultibase: ED_KEY } });
    const key = await resolveVerificationMethod('https://keys.example/k', env);
    expect(keyOwnedBy(key, 'https://issuer.example/profile')).toBe(false);
    expect(keyOwnedBy(key, 'https://keys.example/profile')).toBe(true);
  });
});

describe('URL-fragment keys whose controller does not vouch for them', () => {
  const REF = `https://www.mit.edu#${ED_KEY}`;

  it('is KEY_NOT_OWNED when the controller document lists a different key', async () => {
    const doc = { id: 'https://www.mit.edu', assertionMethod: [{ id: 'https://www.mit.edu#key-1', type: 'Multikey', publicKeyMultibase: 'z6MkpRRK6HbqP5MG5siiKxsSpmMXgEpeZohAQy8wRU2XvFnh' }] };
    const { env } = fetcherFor({ 'https://www.mit.edu/': doc });
    expect(await codeOfAsync(async () => confirmFragmentKey(await resolveVerificationMethod(REF, env), env))).toBe('KEY_NOT_OWNED');
  });

  it('is KEY_NOT_OWNED when the controller document lists the key only for something other than assertions', async () => {
    const doc = { verificationMethod: [{ id: REF, type: 'Multikey', publicKeyMultibase: ED_KEY }], assertionMethod: [], keyAgreement: [REF] };
    const { env } = fetcherFor({ 'https://www.mit.edu/': doc });
    expect(await codeOfAsync(async () => confirmFragmentKey(await resolveVerificationMethod(REF, env), env))).toBe('KEY_NOT_OWNED');
  });

  it('is FETCH_FAILED (indeterminate, never valid) when the controller document cannot be fetched', async () => {
    const { env, calls } = fetcherFor();
    expect(await codeOfAsync(async () => confirmFragmentKey(await resolveVerificationMethod(REF, env), env))).toBe('FETCH_FAILED');
    expect(calls).toEqual(['https://www.mit.edu/']);
  });

  it('is RESOURCE_MALFORMED when the controller document is not a JSON object', async () => {
    const { env } = fetcherFor({ 'https://www.mit.edu/': ['not', 'a', 'document'] });
    expect(await codeOfAsync(async () => confirmFragmentKey(await resolveVerificationMethod(REF, env), env))).toBe('RESOURCE_MALFORMED');
  });
});
