/**
 * The WebCrypto half of src/shims/ed25519.ts, and in the browser build (dist/browser/) the
 * whole of it: @digitalbazaar/ed25519-multikey's platform module, verification only, with
 * WebCrypto's Ed25519 (every current browser, Deno, Bun, workers), as our EdDSA JWTs already
 * use, instead of the library's pure-JS fallback (@noble/ed25519, 6 KB gzip of the browser's
 * OB 3.0 download). A runtime without it gets CRYPTO_UNAVAILABLE ("cannot be checked here"),
 * never a false "invalid".
 */
import { subtleCrypto, unavailableAlgorithm } from '../verify/webcrypto.js';
import LruCache from './lru-cache.js';

/** Keys kept per key bytes (bounded: an issuer's key is met again and again). */
const MAX_KEYS = 256;

/**
 * Verify an Ed25519 signature of `data` by the raw 32-byte `publicKey`.
 *
 * @throws BadgeError `CRYPTO_UNAVAILABLE` when the runtime has no WebCrypto, or one without Ed25519.
 * @example
 * ```ts
 * await verify(publicKeyBytes, canonicalHash, signatureBytes); // true or false
 * ```
 */
export async function verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) throw new TypeError('an Ed25519 public key is 32 bytes');
  const subtle = subtleCrypto();
  const key = await webCryptoKey(subtle, publicKey);
  if (!key) return false;
  try {
    return await subtle.verify(ED25519, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
  } catch {
    // A signature that cannot even be parsed is one that does not verify, as Node answers.
    return false;
  }
}

const ED25519 = { name: 'Ed25519' } as const;
const WEB_KEYS = new LruCache<string, CryptoKey | null>({ max: MAX_KEYS });

/**
 * The WebCrypto key for `publicKey` (kept per key, bounded), or
 * null for bytes WebCrypto refuses as a key (no signature verifies with those).
 *
 * @throws BadgeError `CRYPTO_UNAVAILABLE` when the runtime's WebCrypto has no Ed25519.
 */
async function webCryptoKey(subtle: SubtleCrypto, publicKey: Uint8Array): Promise<CryptoKey | null> {
  const cacheKey = String.fromCharCode(...publicKey);
  const known = WEB_KEYS.get(cacheKey);
  if (known !== undefined) return known;
  let key: CryptoKey | null;
  try {
    key = await subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, ED25519, false, ['verify']);
  } catch (error) {
    const unavailable = await unavailableAlgorithm(error, 'Ed25519');
    if (unavailable) throw unavailable;
    key = null;
  }
  WEB_KEYS.set(cacheKey, key);
  return key;
}

/**
 * SHA-256 (the library's helper; WebCrypto everywhere).
 *
 * @example
 * ```ts
 * const digest = await sha256digest({ data: bytes });
 * ```
 */
export async function sha256digest({ data }: { data: Uint8Array<ArrayBuffer> }): Promise<ArrayBuffer> {
  return subtleCrypto().digest('SHA-256', data);
}

function verifyOnly(): never {
  throw new Error('verify-badge bundles Ed25519 for verification only: no key generation or signing');
}

/**
 * Not available: verify-badge only verifies.
 *
 * @example
 * ```ts
 * await generateKeyPair(); // throws
 * ```
 */
export async function generateKeyPair(): Promise<never> {
  verifyOnly();
}

/**
 * Not available: verify-badge only verifies.
 *
 * @example
 * ```ts
 * await generateKeyPairFromSeed(seed); // throws
 * ```
 */
export async function generateKeyPairFromSeed(_seed: Uint8Array): Promise<never> {
  verifyOnly();
}

/**
 * Not available: verify-badge only verifies.
 *
 * @example
 * ```ts
 * await sign(secretKey, data); // throws
 * ```
 */
export async function sign(_secretKey: Uint8Array, _data: Uint8Array): Promise<never> {
  verifyOnly();
}
