/**
 * The browser build's digests (dist/browser/, tsup.config.ts): WebCrypto's SHA-256 for
 * rdf-canonize's MessageDigest and for the suites' `sha256digest`, in place of
 * message-digest.ts and sha256digest.ts. Those hash synchronously, which pays in Node (where
 * an awaited digest hops to a worker thread); a browser's digest is cheap to await, and
 * leaving our JavaScript SHA-256 out keeps the OB 3.0 download smaller.
 */
import { encodeHex } from '../encoding/hex.js';
import { subtleCrypto } from '../verify/webcrypto.js';
import { Sha256TextDigest } from './text-digest.js';

/** @throws BadgeError `CRYPTO_UNAVAILABLE` without WebCrypto (a page served over plain http:). */
async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await subtleCrypto().digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * rdf-canonize's MessageDigest, hashing with WebCrypto (./text-digest.ts has the interface).
 *
 * @example
 * ```ts
 * const md = new MessageDigest('sha256');
 * md.update('_:c14n0 <http://example.org/p> "x" .\n');
 * await md.digest(); // 64 hex digits
 * ```
 */
export default class MessageDigest extends Sha256TextDigest {
  async digest(): Promise<string> {
    return encodeHex(await sha256(this.content));
  }
}

/**
 * SHA-256 of a string's UTF-8 bytes (the signature suites hash canonical N-Quads with it).
 *
 * @example
 * ```ts
 * const hash = await sha256digest({ string: nquads }); // Uint8Array(32)
 * ```
 */
export async function sha256digest({ string }: { string: string }): Promise<Uint8Array> {
  return sha256(string);
}
