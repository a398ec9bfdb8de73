/**
 * The shape test for compact JWS, in a module of its own with no imports: telling inputs
 * apart (src/verify/input.ts) needs it on every page, the JWS parser and key importers only
 * load with the signed verifiers.
 */

/** Largest token we take for a JWS (a baked badge is small; this bounds the work on hostile input). */
export const MAX_TOKEN_LENGTH = 4 * 1024 * 1024;

/**
 * True when `text` has the shape of a compact JWS: three base64url segments (RFC 7515 §7.1),
 * the last one possibly empty.
 *
 * @example
 * ```ts
 * looksLikeCompactJws('eyJhbGciOiJSUzI1NiJ9.e30.c2ln') // true
 * ```
 */
export function looksLikeCompactJws(text: string): boolean {
  return text.length <= MAX_TOKEN_LENGTH && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text);
}
