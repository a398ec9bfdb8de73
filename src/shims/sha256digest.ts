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
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
