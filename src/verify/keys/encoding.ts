/**
 * The byte encodings keys travel in: base58btc (multibase `z`), base64url (multibase `u`,
 * JWK members, did:jwk; the codec itself is src/encoding/base64.ts). Small, bounded, and
 * web-platform only.
 */
import { decodeBase64 } from '../../encoding/base64.js';
import { BadgeError } from '../../errors.js';

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map([...BASE58_ALPHABET].map((c, i) => [c, i]));

/** Longest base58 text we decode: keys and signatures are far shorter (quadratic loop). */
const MAX_BASE58_CHARS = 1024;

/**
 * Decode base58btc text (without the multibase `z`). Malformed text is KEY_MALFORMED.
 *
 * @example
 * ```ts
 * base58btcDecode('2NEpo7TZRRrLZSi2U') // bytes of "Hello World!"
 * ```
 */
export function base58btcDecode(text: string): Uint8Array {
  if (text.length === 0 || text.length > MAX_BASE58_CHARS) {
    throw new BadgeError('KEY_MALFORMED', 'base58 text is empty or too long');
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (const char of text) {
    let carry = BASE58_INDEX.get(char);
    if (carry === undefined) throw new BadgeError('KEY_MALFORMED', `"${char}" is not a base58 character`);
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  for (let i = 0; i < bytes.length; i++) out[zeros + i] = bytes[bytes.length - 1 - i]!;
  return out;
}

/**
 * Encode bytes as base58btc (without the multibase `z`).
 *
 * @example
 * ```ts
 * base58btcEncode(new TextEncoder().encode('Hello World!')) // '2NEpo7TZRRrLZSi2U'
 * ```
 */
export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let text = '1'.repeat(zeros);
  for (let i = digits.length - 1; i >= 0; i--) text += BASE58_ALPHABET[digits[i]!];
  return text;
}

/**
 * Decode base64url as keys carry it (JWK members, did:jwk): padding tolerated (RFC 7517 writes
 * it unpadded, but a padded value is just as unambiguous). Malformed text is KEY_MALFORMED.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(base64urlDecode('aGk')) // 'hi'
 * ```
 */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  return decodeBase64(text, { code: 'KEY_MALFORMED', alphabet: 'base64url', padding: 'ignored' });
}
