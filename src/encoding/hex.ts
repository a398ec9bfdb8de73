/**
 * Lower-case hexadecimal, as hashed recipient identities (`sha256$<hex>`, `md5$<hex>`) are
 * written. Layer-neutral, like ./base64.ts.
 *
 * @packageDocumentation
 */

/**
 * Bytes (or a digest's ArrayBuffer) as lower-case hex, two digits a byte.
 *
 * @example
 * ```ts
 * encodeHex(new Uint8Array([0, 171, 255]))                                  // '00abff'
 * encodeHex(await crypto.subtle.digest('SHA-256', new Uint8Array(0))).length // 64
 * ```
 */
export function encodeHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i++) text += view[i]!.toString(16).padStart(2, '0');
  return text;
}
