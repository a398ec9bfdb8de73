/**
 * Reading the public key out of a verification method object (a DID document entry, an
 * issuer profile's key, a key document): `publicKeyMultibase` (Multikey,
 * Ed25519VerificationKey2020), `publicKeyBase58` (Ed25519VerificationKey2018),
 * `publicKeyJwk` (JsonWebKey2020 / JsonWebKey) or `publicKeyPem` (OB 2.0 CryptographicKey).
 */
import { BadgeError } from '../../errors.js';
import { decodeBase64, encodeBase64Url } from '../../encoding/base64.js';
import { base58btcDecode, base64urlDecode } from './encoding.js';
import { decodeMultikey, ed25519Multibase, type KeyAlgorithm, type PublicKeyMaterial } from './multikey.js';

/** Private JWK members: a key document that publishes them is refused outright. */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/**
 * Validate a public JWK and say which algorithm family it is.
 *
 * @example
 * ```ts
 * publicKeyFromJwk({ kty: 'OKP', crv: 'Ed25519', x: '…' }).algorithm // 'Ed25519'
 * ```
 */
export function publicKeyFromJwk(value: unknown): PublicKeyMaterial {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BadgeError('KEY_MALFORMED', 'publicKeyJwk is not an object');
  const jwk = value as Record<string, unknown>;
  if (PRIVATE_JWK_MEMBERS.some((m) => m in jwk)) throw new BadgeError('KEY_MALFORMED', 'the JWK contains private key material');
  const str = (name: string) => {
    const v = jwk[name];
    if (typeof v !== 'string' || v.length === 0) throw new BadgeError('KEY_MALFORMED', `JWK member "${name}" is missing`);
    base64urlDecode(v);
    return v;
  };
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    const x = str('x');
    const raw = base64urlDecode(x);
    return { algorithm: 'Ed25519', jwk: { kty: 'OKP', crv: 'Ed25519', x }, publicKeyMultibase: ed25519Multibase(raw) };
  }
  if (jwk.kty === 'EC' && (jwk.crv === 'P-256' || jwk.crv === 'P-384')) {
    return { algorithm: jwk.crv, jwk: { kty: 'EC', crv: jwk.crv, x: str('x'), y: str('y') } };
  }
  if (jwk.kty === 'RSA') return { algorithm: 'RSA', jwk: { kty: 'RSA', n: str('n'), e: str('e') } };
  throw new BadgeError('KEY_MALFORMED', `unsupported JWK (kty ${String(jwk.kty)}, crv ${String(jwk.crv)})`);
}

async function rsaJwkFromPem(pem: string): Promise<JsonWebKey> {
  const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!match) throw new BadgeError('KEY_MALFORMED', 'publicKeyPem is not a PEM "PUBLIC KEY"');
  const der = decodeBase64(match[1]!, { code: 'KEY_MALFORMED', whitespace: 'ignore', name: 'publicKeyPem' });
  try {
    const key = await globalThis.crypto.subtle.importKey('spki', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    const jwk = await globalThis.crypto.subtle.exportKey('jwk', key);
    return { kty: 'RSA', n: jwk.n!, e: jwk.e! };
  } catch (cause) {
    throw new BadgeError('KEY_MALFORMED', 'publicKeyPem is not an RSA public key', { cause });
  }
}

/**
 * The public key a verification method object carries.
 *
 * @example
 * ```ts
 * await publicKeyFromVerificationMethod({ type: 'Multikey', publicKeyMultibase: 'z6Mk…' })
 * ```
 */
export async function publicKeyFromVerificationMethod(vm: Record<string, unknown>): Promise<PublicKeyMaterial> {
  if (typeof vm.publicKeyMultibase === 'string') return decodeMultikey(vm.publicKeyMultibase);
  if (typeof vm.publicKeyBase58 === 'string') {
    const raw = base58btcDecode(vm.publicKeyBase58);
    return publicKeyFromJwk({ kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(raw) });
  }
  if (vm.publicKeyJwk !== undefined) return publicKeyFromJwk(vm.publicKeyJwk);
  if (typeof vm.publicKeyPem === 'string') return { algorithm: 'RSA' as KeyAlgorithm, jwk: await rsaJwkFromPem(vm.publicKeyPem) };
  // A bare JWK served as a key document.
  if (typeof vm.kty === 'string') return publicKeyFromJwk(vm);
  throw new BadgeError('KEY_MALFORMED', 'the verification method carries no public key we can read');
}
