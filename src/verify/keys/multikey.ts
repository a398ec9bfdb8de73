/**
 * Multikey public keys (W3C Controlled Identifiers, "Multikey"): multibase base58btc text of
 * a multicodec-prefixed public key, as did:key and `publicKeyMultibase` carry them.
 * Ed25519 (`z6Mk…`), P-256 (`zDn…`) and P-384 (`z82…`) are the algorithms OB 3.0 names.
 */
import { BadgeError } from '../../errors.js';
import { encodeBase64Url } from '../../encoding/base64.js';
import { base58btcDecode, base58btcEncode } from './encoding.js';

export type KeyAlgorithm = 'Ed25519' | 'P-256' | 'P-384' | 'RSA';

/** A decoded public key. */
export interface PublicKeyMaterial {
  algorithm: KeyAlgorithm;
  /** The public key as a JWK (no private members). */
  jwk: JsonWebKey;
  /** For Ed25519: the Multikey text (`z6Mk…`), which the Data Integrity suites consume. */
  publicKeyMultibase?: string;
}

// Multicodec varint prefixes (https://github.com/multiformats/multicodec/blob/master/table.csv).
const ED25519_PUB = [0xed, 0x01];
const P256_PUB = [0x80, 0x24];
const P384_PUB = [0x81, 0x24];

interface Curve {
  p: bigint;
  b: bigint;
  size: number;
}

const CURVES: Record<'P-256' | 'P-384', Curve> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    size: 32,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    size: 48,
  },
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= 1n;
  }
  return result;
}

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function fromBigInt(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/**
 * Expand a compressed NIST curve point to a JWK. WebCrypto only imports uncompressed
 * points everywhere, and multikeys are always compressed, so we recover y ourselves:
 * y² = x³ − 3x + b (mod p), and for these primes (p ≡ 3 mod 4) y = (y²)^((p+1)/4).
 */
function compressedPointToJwk(point: Uint8Array, crv: 'P-256' | 'P-384'): JsonWebKey {
  const curve = CURVES[crv];
  if (point.length !== curve.size + 1 || (point[0] !== 2 && point[0] !== 3)) {
    throw new BadgeError('KEY_MALFORMED', `not a compressed ${crv} point`);
  }
  const x = toBigInt(point.subarray(1));
  if (x >= curve.p) throw new BadgeError('KEY_MALFORMED', `${crv} x coordinate out of range`);
  const rhs = (((x * x * x - 3n * x + curve.b) % curve.p) + curve.p) % curve.p;
  let y = modPow(rhs, (curve.p + 1n) / 4n, curve.p);
  if ((y * y) % curve.p !== rhs) throw new BadgeError('KEY_MALFORMED', `${crv} point is not on the curve`);
  if ((y & 1n) !== BigInt(point[0]! & 1)) y = curve.p - y;
  return {
    kty: 'EC',
    crv,
    x: encodeBase64Url(fromBigInt(x, curve.size)),
    y: encodeBase64Url(fromBigInt(y, curve.size)),
  };
}

/**
 * Decode a Multikey `publicKeyMultibase` (`z…`). Anything else is KEY_MALFORMED.
 *
 * @example
 * ```ts
 * decodeMultikey('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi').algorithm // 'Ed25519'
 * ```
 */
export function decodeMultikey(multibase: string): PublicKeyMaterial {
  if (typeof multibase !== 'string' || !multibase.startsWith('z')) {
    throw new BadgeError('KEY_MALFORMED', 'a Multikey must be base58btc multibase text starting with "z"');
  }
  const bytes = base58btcDecode(multibase.slice(1));
  if (startsWith(bytes, ED25519_PUB)) {
    if (bytes.length !== 34) throw new BadgeError('KEY_MALFORMED', 'an Ed25519 public key is 32 bytes');
    return {
      algorithm: 'Ed25519',
      jwk: { kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(bytes.subarray(2)) },
      publicKeyMultibase: multibase,
    };
  }
  if (startsWith(bytes, P256_PUB)) return { algorithm: 'P-256', jwk: compressedPointToJwk(bytes.subarray(2), 'P-256') };
  if (startsWith(bytes, P384_PUB)) return { algorithm: 'P-384', jwk: compressedPointToJwk(bytes.subarray(2), 'P-384') };
  throw new BadgeError('KEY_MALFORMED', 'the Multikey is not an Ed25519, P-256 or P-384 public key');
}

/**
 * The Multikey text of a raw 32-byte Ed25519 public key.
 *
 * @example
 * ```ts
 * ed25519Multibase(new Uint8Array(32)).startsWith('z6Mk') // true
 * ```
 */
export function ed25519Multibase(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new BadgeError('KEY_MALFORMED', 'an Ed25519 public key is 32 bytes');
  const bytes = new Uint8Array(34);
  bytes.set(ED25519_PUB);
  bytes.set(publicKey, 2);
  return 'z' + base58btcEncode(bytes);
}

/**
 * True when `text` looks like a Multikey (so that failing to decode it is a malformed key, not another kind of reference).
 *
 * @example
 * ```ts
 * looksLikeMultikey('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi') // true
 * ```
 */
export function looksLikeMultikey(text: string): boolean {
  return /^z[1-9A-HJ-NP-Za-km-z]{40,}$/.test(text) && /^z(6Mk|Dn|82)/.test(text);
}
