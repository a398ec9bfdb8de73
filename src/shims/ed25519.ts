/**
 * Replaces @digitalbazaar/ed25519-multikey's platform module (lib/ed25519.js) in our builds
 * (tsup.config.ts). We only verify: Ed25519 signatures of Data Integrity proofs.
 *
 * Why: the library's Node file builds a KeyObject from the DER-wrapped key on every call,
 * which profiling showed as a seventh of a warm OB 3.0 verification; an issuer's key is met
 * again and again, so the KeyObject is kept (bounded, keyed by the key bytes: nothing about
 * any credential). Node's crypto is reached through `process.getBuiltinModule` at run time,
 * so nothing Node-specific is imported; elsewhere WebCrypto verifies (./ed25519-webcrypto.ts,
 * which the browser build uses alone).
 */
import { verify as verifyWithWebCrypto } from './ed25519-webcrypto.js';

export { generateKeyPair, generateKeyPairFromSeed, sha256digest, sign } from './ed25519-webcrypto.js';

interface KeyObject {
  readonly type: string;
}
interface NodeCrypto {
  createPublicKey(options: { key: Uint8Array; format: 'der'; type: 'spki' }): KeyObject;
  verify(algorithm: null, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean;
}

const nodeCrypto = ((): NodeCrypto | undefined => {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  try {
    const crypto = typeof get === 'function' ? (get('node:crypto') as Partial<NodeCrypto> | undefined) : undefined;
    return typeof crypto?.createPublicKey === 'function' && typeof crypto.verify === 'function' ? (crypto as NodeCrypto) : undefined;
  } catch {
    return undefined;
  }
})();

/** RFC 8410: the SubjectPublicKeyInfo header of a raw 32-byte Ed25519 public key. */
const SPKI_PREFIX = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const KEY_OBJECTS = new Map<string, KeyObject>();
const MAX_KEY_OBJECTS = 256;

/**
 * The same key again, by identity: the key library's verifier (memoised per key by the OB 3.0
 * verifier) passes the same array on every call, so the string key below need not be rebuilt.
 * The arrays are never written after the key is decoded.
 */
const BY_ARRAY = new WeakMap<Uint8Array, KeyObject>();

function keyObject(crypto: NodeCrypto, publicKey: Uint8Array): KeyObject {
  const known = BY_ARRAY.get(publicKey);
  if (known) return known;
  const cacheKey = String.fromCharCode(...publicKey);
  let key = KEY_OBJECTS.get(cacheKey);
  if (!key) {
    const der = new Uint8Array(SPKI_PREFIX.length + 32);
    der.set(SPKI_PREFIX);
    der.set(publicKey, SPKI_PREFIX.length);
    key = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (KEY_OBJECTS.size >= MAX_KEY_OBJECTS) KEY_OBJECTS.delete(KEY_OBJECTS.keys().next().value!);
    KEY_OBJECTS.set(cacheKey, key);
  }
  BY_ARRAY.set(publicKey, key);
  return key;
}

/**
 * Verify an Ed25519 signature of `data` by the raw 32-byte `publicKey`.
 *
 * @example
 * ```ts
 * await verify(publicKeyBytes, canonicalHash, signatureBytes); // true or false
 * ```
 */
export async function verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) throw new TypeError('an Ed25519 public key is 32 bytes');
  if (nodeCrypto) return nodeCrypto.verify(null, data, keyObject(nodeCrypto, publicKey), signature);
  return verifyWithWebCrypto(publicKey, data, signature);
}
