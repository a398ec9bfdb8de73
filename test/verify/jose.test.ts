import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url as base64UrlEncode } from '../../src/encoding/base64.js';
import { assertAllowedAlg, importJwk, importPem, parseCompactJws, verifyJwsSignature } from '../../src/verify/jose/jws.js';
import { codeOf } from '../helpers/codes.js';
import { CORPUS_URL } from '../helpers/corpus-dir.js';

const corpus = CORPUS_URL;
const ob20 = new URL('1EdTech-digital-credentials-public-validator/test-resources/ob20/', corpus);
const read = (name: string) => readFileSync(new URL(name, ob20), 'utf8');

const enc = (value: unknown) => base64UrlEncode(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)));

async function sign(alg: 'ES256' | 'RS256' | 'EdDSA', payload: unknown) {
  const params =
    alg === 'ES256'
      ? { gen: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } }
      : alg === 'EdDSA'
        ? { gen: { name: 'Ed25519' }, sign: { name: 'Ed25519' } }
        : { gen: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } };
  const pair = (await crypto.subtle.generateKey(params.gen, true, ['sign', 'verify'])) as CryptoKeyPair;
  const input = `${enc({ alg })}.${enc(payload)}`;
  const signature = new Uint8Array(await crypto.subtle.sign(params.sign, pair.privateKey, new TextEncoder().encode(input)));
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { token: `${input}.${base64UrlEncode(signature)}`, jwk };
}


describe('parseCompactJws', () => {
  it('decodes the header and the JSON payload of the 1EdTech signed assertion', () => {
    const jws = parseCompactJws(read('simple.jwt'));
    expect(jws.alg).toBe('RS256');
    expect((jws.payload as { type: string }).type).toBe('Assertion');
    expect(jws.signature.length).toBe(256);
  });
});

describe('verifyJwsSignature', () => {
  it('verifies the 1EdTech RS256 assertion with the PEM key of its CryptographicKey', async () => {
    const key = JSON.parse(read('assets/key1.json')) as { publicKeyPem: string };
    const jws = parseCompactJws(read('simple.jwt'));
    await expect(verifyJwsSignature(jws, await importPem(key.publicKeyPem, 'RS256'))).resolves.toBe(true);
  });

  it.each(['ES256', 'RS256', 'EdDSA'] as const)('verifies a fresh %s signature with the JWK', async (alg) => {
    const { token, jwk } = await sign(alg, { hello: 'world' });
    await expect(verifyJwsSignature(parseCompactJws(token), await importJwk(jwk, alg))).resolves.toBe(true);
  });

  it('imports a PKCS#1 "RSA PUBLIC KEY" PEM by wrapping it', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    // For RSA the PKCS#1 key is the BIT STRING content at the end of the SPKI.
    const pkcs1 = spki.subarray(spki.length - 140);
    expect(pkcs1[0]).toBe(0x30);
    const b64 = btoa(String.fromCharCode(...pkcs1));
    const key = await importPem(`-----BEGIN RSA PUBLIC KEY-----\n${b64}\n-----END RSA PUBLIC KEY-----`, 'RS256');
    expect(key.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
  });
});

describe('verifyJwsSignature rejects', () => {
  it('a payload changed after signing', async () => {
    const { token, jwk } = await sign('ES256', { n: 1 });
    const [h, , s] = token.split('.');
    const tampered = parseCompactJws(`${h}.${enc({ n: 2 })}.${s}`);
    await expect(verifyJwsSignature(tampered, await importJwk(jwk, 'ES256'))).resolves.toBe(false);
  });

  it('the right signature with another key', async () => {
    const a = await sign('RS256', { n: 1 });
    const b = await sign('RS256', { n: 1 });
    await expect(verifyJwsSignature(parseCompactJws(a.token), await importJwk(b.jwk, 'RS256'))).resolves.toBe(false);
  });

  it('an ECDSA signature of the wrong length', async () => {
    const { token, jwk } = await sign('ES256', { n: 1 });
    const [h, p] = token.split('.');
    await expect(verifyJwsSignature(parseCompactJws(`${h}.${p}.${enc('short')}`), await importJwk(jwk, 'ES256'))).resolves.toBe(false);
  });
});

describe('refused algorithms and malformed input', () => {
  it.each(['none', 'HS256', 'HS512', 'RS1', '', 42, undefined])('refuses alg %s with ALG_NOT_ALLOWED', (alg) => {
    expect(codeOf(() => assertAllowedAlg(alg))).toBe('ALG_NOT_ALLOWED');
  });

  it('refuses to verify a token whose alg is none', async () => {
    const { jwk } = await sign('RS256', {});
    const key = await importJwk(jwk, 'RS256');
    const token = `${enc({ alg: 'none' })}.${enc({ a: 1 })}.`;
    await expect(verifyJwsSignature(parseCompactJws(token), key)).rejects.toMatchObject({ code: 'ALG_NOT_ALLOWED' });
  });

  it.each([
    ['two segments', 'abc.def'],
    ['a non-base64url character', 'ab+c.def.ghi'],
    ['a header that is not JSON', `${enc('nope')}.${enc({})}.`],
    ['a header without alg', `${enc({ typ: 'JWT' })}.${enc({})}.`],
    ['a header that is an array', `${enc([1])}.${enc({})}.`],
    ['a critical extension', `${enc({ alg: 'RS256', crit: ['exp'] })}.${enc({})}.`],
    ['invalid UTF-8 in the payload', `${enc({ alg: 'RS256' })}.${base64UrlEncode(new Uint8Array([0xff, 0xfe]))}.`],
  ])('reports JWS_MALFORMED for %s', (_name, token) => {
    expect(codeOf(() => parseCompactJws(token))).toBe('JWS_MALFORMED');
  });

  it('reports KEY_MALFORMED for a PEM that is not a key', async () => {
    await expect(importPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'RS256')).rejects.toMatchObject({ code: 'KEY_MALFORMED' });
    await expect(importPem('not pem', 'RS256')).rejects.toMatchObject({ code: 'KEY_MALFORMED' });
    await expect(importPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', 'RS256')).rejects.toMatchObject({ code: 'KEY_MALFORMED' });
  });

  it('reports KEY_MALFORMED for a JWK of the wrong type for the alg', async () => {
    const { jwk } = await sign('ES256', {});
    await expect(importJwk(jwk, 'RS256')).rejects.toMatchObject({ code: 'KEY_MALFORMED' });
  });

  it('drops private members of a JWK instead of importing a private key', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const full = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const key = await importJwk(full, 'ES256');
    expect(key.type).toBe('public');
  });
});
