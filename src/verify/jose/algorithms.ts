/**
 * The JWS algorithms we accept and their WebCrypto parameters. An explicit allow-list:
 * `none` would accept anything, and HMAC (`HS*`) would let anyone who knows a public key
 * "sign" with it (the classic algorithm-confusion attack), so both are refused.
 */
import { BadgeError } from '../shared.js';

export type AllowedAlg = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'ES256' | 'ES384' | 'EdDSA';

interface AlgParams {
  /** For importKey. */
  importParams: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  /** For verify. */
  verifyParams: Algorithm | RsaPssParams | EcdsaParams;
  /** Length of an ECDSA signature (r||s) in bytes, where fixed. */
  signatureLength?: number;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

// Frozen all the way down: the script-tag bundle lends this module to the OB 3.0 module, so it
// is reachable from the page, and nothing should be able to weaken an algorithm's parameters.
export const ALG_PARAMS: Readonly<Record<AllowedAlg, AlgParams>> = deepFreeze({
  RS256: { importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verifyParams: { name: 'RSASSA-PKCS1-v1_5' } },
  RS384: { importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }, verifyParams: { name: 'RSASSA-PKCS1-v1_5' } },
  RS512: { importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, verifyParams: { name: 'RSASSA-PKCS1-v1_5' } },
  PS256: { importParams: { name: 'RSA-PSS', hash: 'SHA-256' }, verifyParams: { name: 'RSA-PSS', saltLength: 32 } as RsaPssParams },
  ES256: {
    importParams: { name: 'ECDSA', namedCurve: 'P-256' },
    verifyParams: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    signatureLength: 64,
  },
  ES384: {
    importParams: { name: 'ECDSA', namedCurve: 'P-384' },
    verifyParams: { name: 'ECDSA', hash: 'SHA-384' } as EcdsaParams,
    signatureLength: 96,
  },
  EdDSA: { importParams: { name: 'Ed25519' }, verifyParams: { name: 'Ed25519' }, signatureLength: 64 },
});

/**
 * Check a JWS `alg` against the allow-list.
 *
 * @throws BadgeError `ALG_NOT_ALLOWED` for `none`, `HS*`, anything unknown or not a string.
 * @example
 * ```ts
 * assertAllowedAlg('RS256') // 'RS256'
 * assertAllowedAlg('none')  // throws BadgeError ALG_NOT_ALLOWED
 * ```
 */
export function assertAllowedAlg(alg: unknown): AllowedAlg {
  if (typeof alg === 'string' && Object.prototype.hasOwnProperty.call(ALG_PARAMS, alg)) return alg as AllowedAlg;
  const shown = typeof alg === 'string' ? JSON.stringify(alg.slice(0, 20)) : typeof alg;
  throw new BadgeError('ALG_NOT_ALLOWED', `JWS algorithm ${shown} is not accepted (allowed: ${Object.keys(ALG_PARAMS).join(', ')})`);
}
