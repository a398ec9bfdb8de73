/**
 * Replaces the `sha256digest` module of jsonld-signatures and @digitalbazaar/data-integrity
 * in our builds (tsup.config.ts). Their Node files import `crypto` (a Node builtin), and
 * their browser files look for `self.crypto`, which Node does not have. Ours hashes
 * synchronously (see message-digest.ts): Node's native SHA-256 in Node, our own elsewhere;
 * an awaited WebCrypto digest costs more than the hash itself on inputs this small.
 */
import { sha256HexOfString } from './message-digest.js';

/**
 * SHA-256 of a string's UTF-8 bytes (the signature suites hash canonical N-Quads with it).
 *
 * @example
 * ```ts
 * const hash = await sha256digest({ string: nquads }); // Uint8Array(32)
 * ```
 */
export async function sha256digest({ string }: { string: string }): Promise<Uint8Array> {
  const hex = sha256HexOfString(string);
  const out = new Uint8Array(32);
  // Lowercase hex digits by character code: no substring and parseInt per byte (twice a proof).
  for (let i = 0; i < 32; i++) out[i] = (nibble(hex.charCodeAt(i * 2)) << 4) | nibble(hex.charCodeAt(i * 2 + 1));
  return out;
}

/** The value of one lowercase hex digit ('0'–'9' are 48–57, 'a'–'f' are 97–102). */
function nibble(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}
