/**
 * Replaces the `sha256digest` module of jsonld-signatures and @digitalbazaar/data-integrity
 * in our builds (tsup.config.ts). Their Node files import `crypto` (a Node builtin), and
 * their browser files look for `self.crypto`, which Node does not have; WebCrypto through
 * `globalThis.crypto` works in both, so the bundled OB 3.0 chunk runs anywhere.
 */

/**
 * SHA-256 of a string's UTF-8 bytes (the signature suites hash canonical N-Quads with it).
 *
 * @example
 * ```ts
 * const hash = await sha256digest({ string: nquads }); // Uint8Array(32)
 * ```
 */
export async function sha256digest({ string }: { string: string }): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(string)));
}
