/** base64 and base64url without `Buffer` (web platform only). */
import { BadgeError, type ErrorCode } from '../../errors.js';

/**
 * Decode base64url (RFC 4648 §5, no padding required). Standard base64 characters and
 * padding are refused: JWS (RFC 7515 §2) requires the URL-safe alphabet without padding.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(base64UrlDecode('eyJhIjoxfQ')) // '{"a":1}'
 * ```
 */
export function base64UrlDecode(text: string, code: ErrorCode = 'JWS_MALFORMED'): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new BadgeError(code, 'not base64url');
  }
  return base64Decode(text.replace(/-/g, '+').replace(/_/g, '/'), code);
}

/**
 * Decode standard base64 (padding optional, whitespace ignored).
 * @example
 * ```ts
 * base64Decode('aGk=') // Uint8Array [104, 105]
 * ```
 */
export function base64Decode(text: string, code: ErrorCode = 'KEY_MALFORMED'): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/[\s]/g, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) throw new BadgeError(code, 'not base64');
  let binary: string;
  try {
    binary = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  } catch (cause) {
    throw new BadgeError(code, 'not base64', { cause });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Encode bytes as base64url without padding.
 * @example
 * ```ts
 * base64UrlEncode(new TextEncoder().encode('hi')) // 'aGk'
 * ```
 */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
