/**
 * WebCrypto, or a clear "cannot be checked here". Browsers expose `crypto.subtle` only on
 * secure pages (https:, localhost): on a page served over plain http: it is missing, and
 * Ed25519 arrived in browsers only in 2023–2025. A badge whose proof needs what the runtime
 * lacks is `indeterminate` (CRYPTO_UNAVAILABLE), never `invalid`: the signature was not
 * found wrong, it could not be looked at.
 */
// Through the shared re-exports, like every on-demand module (see ./shared.ts).
import { BadgeError } from './shared.js';

/**
 * The runtime's SubtleCrypto.
 *
 * @throws BadgeError `CRYPTO_UNAVAILABLE` when there is none (an insecure page, an odd runtime).
 * @example
 * ```ts
 * const digest = await subtleCrypto().digest('SHA-256', bytes);
 * ```
 */
export function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle) throw new BadgeError('CRYPTO_UNAVAILABLE', 'WebCrypto is not available here (a page served over plain http:?), so signatures and hashes cannot be checked');
  return subtle;
}

// RFC 8032 §7.1, test 1: a valid Ed25519 public key, to ask the runtime whether it knows Ed25519
// at all, independently of any key a badge brings.
const KNOWN_ED25519_KEY = new Uint8Array([
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
  0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
]);

/** The runtime's answer, asked once: its capabilities do not change while it runs. */
let ed25519Support: Promise<boolean> | undefined;

function supportsEd25519(subtle: SubtleCrypto): Promise<boolean> {
  ed25519Support ??= subtle.importKey('raw', KNOWN_ED25519_KEY, { name: 'Ed25519' }, false, ['verify']).then(
    () => true,
    () => false,
  );
  return ed25519Support;
}

/**
 * Why WebCrypto refused to import a badge's key: CRYPTO_UNAVAILABLE when the runtime lacks the
 * algorithm (checked with a known-good key, so a crafted key cannot pass itself off as
 * "unsupported" to turn a forgery into "cannot be checked"); undefined when the key itself is bad.
 *
 * @example
 * ```ts
 * try { await subtle.importKey(...) } catch (e) { throw (await unavailableAlgorithm(e, 'Ed25519')) ?? badKey(e) }
 * ```
 */
export async function unavailableAlgorithm(error: unknown, algorithm: string): Promise<BadgeError | undefined> {
  if ((error as { name?: unknown } | null)?.name !== 'NotSupportedError') return undefined;
  // Every runtime with WebCrypto has ECDSA and RSA; only Ed25519 may be missing.
  if (algorithm !== 'Ed25519' || (await supportsEd25519(subtleCrypto()))) return undefined;
  return new BadgeError('CRYPTO_UNAVAILABLE', "this runtime's WebCrypto cannot verify Ed25519 signatures", { cause: error });
}
