/** Importing public keys (JWK, PEM) into WebCrypto for a given JWS algorithm. */
import { ALG_PARAMS, assertAllowedAlg } from './algorithms.js';
import { BadgeError, decodeBase64 } from '../shared.js';
import { subtleCrypto, unavailableAlgorithm } from '../webcrypto.js';

/**
 * Import a public JWK for verifying with `alg`. Private members are dropped: a verifier
 * never needs them and must not keep them around.
 *
 * @throws BadgeError `ALG_NOT_ALLOWED` for a refused alg, `KEY_MALFORMED` when WebCrypto rejects the key,
 *   `CRYPTO_UNAVAILABLE` when it lacks the algorithm.
 * @example
 * ```ts
 * const key = await importJwk({ kty: 'EC', crv: 'P-256', x: '…', y: '…' }, 'ES256');
 * ```
 */
export async function importJwk(jwk: JsonWebKey, alg: string): Promise<CryptoKey> {
  const allowed = assertAllowedAlg(alg);
  if (typeof jwk !== 'object' || jwk === null) throw new BadgeError('KEY_MALFORMED', 'the JWK is not an object');
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, k: _k, key_ops: _ops, use: _use, alg: _alg, ext: _ext, ...publicPart } =
    jwk as JsonWebKey & Record<string, unknown>;
  try {
    return await subtleCrypto().importKey('jwk', publicPart as JsonWebKey, ALG_PARAMS[allowed].importParams, false, ['verify']);
  } catch (cause) {
    throw await importFailure(cause, `the JWK is not a usable ${allowed} public key`, allowed);
  }
}

/**
 * Why WebCrypto refused a key: no WebCrypto here, or a runtime without the algorithm (an
 * older browser without Ed25519): the badge cannot be checked here, CRYPTO_UNAVAILABLE;
 * otherwise the key is bad.
 */
async function importFailure(cause: unknown, message: string, alg: string): Promise<BadgeError> {
  if (cause instanceof BadgeError) return cause;
  const name = (ALG_PARAMS[alg as keyof typeof ALG_PARAMS]?.importParams as { name?: string } | undefined)?.name ?? alg;
  return (await unavailableAlgorithm(cause, name)) ?? new BadgeError('KEY_MALFORMED', message, { cause });
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** Wrap a PKCS#1 RSAPublicKey in a SubjectPublicKeyInfo, which is all WebCrypto imports. */
function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  // SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }
  const algorithm = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00];
  const bodyLength = algorithm.length + bitString.length + pkcs1.length;
  const out = new Uint8Array([0x30, ...derLength(bodyLength), ...algorithm, ...bitString, ...new Array<number>(pkcs1.length)]);
  out.set(pkcs1, out.length - pkcs1.length);
  return out;
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * Import a PEM public key for verifying with `alg`: SPKI (`PUBLIC KEY`) or PKCS#1
 * (`RSA PUBLIC KEY`, wrapped into SPKI). OB 2.0 CryptographicKey documents carry
 * `publicKeyPem` in either form; escaped `\n` sequences are tolerated.
 *
 * @throws BadgeError `KEY_MALFORMED` for anything that is not such a key.
 * @example
 * ```ts
 * const key = await importPem(cryptographicKey.publicKeyPem, 'RS256');
 * ```
 */
export async function importPem(pem: string, alg: string): Promise<CryptoKey> {
  const allowed = assertAllowedAlg(alg);
  if (typeof pem !== 'string' || pem.length > 100_000) throw new BadgeError('KEY_MALFORMED', 'publicKeyPem is not a PEM string');
  const block = PEM_BLOCK.exec(pem.replace(/\\n/g, '\n'));
  if (!block) throw new BadgeError('KEY_MALFORMED', 'publicKeyPem has no PEM block');
  const label = block[1]!;
  let der = decodeBase64(block[2]!, { code: 'KEY_MALFORMED', whitespace: 'ignore', padding: 'ignored', name: 'publicKeyPem' });
  if (label === 'RSA PUBLIC KEY') der = pkcs1ToSpki(der);
  else if (label !== 'PUBLIC KEY') throw new BadgeError('KEY_MALFORMED', `PEM block "${label}" is not a public key`);
  try {
    return await subtleCrypto().importKey('spki', der, ALG_PARAMS[allowed].importParams, false, ['verify']);
  } catch (cause) {
    throw await importFailure(cause, `publicKeyPem is not a usable ${allowed} public key`, allowed);
  }
}
