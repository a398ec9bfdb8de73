/**
 * base64 and base64url (RFC 4648 §4 and §5) without `Buffer`: the one codec every layer uses
 * (JWS segments, JWK members, did:jwk, PEM bodies, status-list bitstrings).
 *
 * The formats that carry base64 disagree on padding, whitespace and alphabet, and each caller
 * must refuse exactly what its spec refuses, so those are options rather than guesses. Layer
 * neutral: it depends on nothing but the error type, so `unbake/` may use it as well as `verify/`.
 *
 * @packageDocumentation
 */
import { BadgeError, type ErrorCode } from '../errors.js';

/** Which characters stand for 62 and 63: `+` `/` (§4), `-` `_` (§5), or either. */
export type Base64Alphabet = 'base64' | 'base64url' | 'either';

/**
 * What to do with `=`:
 * - `forbidden`: any `=` is an invalid character (JWS, RFC 7515 §2);
 * - `optional`: unpadded text, or text padded to a multiple of four with one or two `=`
 *   (RFC 4648 as written; also what the platform's `atob` accepts);
 * - `ignored`: a trailing run of `=` of any length is dropped (lenient readers of keys).
 */
export type Base64Padding = 'forbidden' | 'optional' | 'ignored';

/**
 * How {@link decodeBase64} reads its input. Only `code` is required: the error a caller
 * reports for bad text depends on what the text was (a JWS, a key, a status list).
 */
export interface Base64DecodeOptions {
  /** The {@link BadgeError} code thrown for text that is not base64 under these options. */
  code: ErrorCode;
  /** Default `'base64'`. */
  alphabet?: Base64Alphabet;
  /** Default `'optional'`. */
  padding?: Base64Padding;
  /**
   * `'reject'` (default): whitespace is an invalid character, because silently skipping
   * characters would shift everything after them. `'ignore'`: whitespace anywhere is removed
   * first (PEM bodies are wrapped at 64 columns).
   */
  whitespace?: 'reject' | 'ignore';
  /** Names the text in error messages, e.g. `'encodedList'`. Default `'the text'`. */
  name?: string;
}

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Character code → value for one alphabet (or both), -1 for everything else (ASCII only). */
function decodeTable(alphabets: readonly string[]): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (const alphabet of alphabets) {
    for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  }
  return table;
}

const TABLES: Record<Base64Alphabet, Int8Array> = {
  base64: decodeTable([STANDARD]),
  base64url: decodeTable([URL_SAFE]),
  either: decodeTable([STANDARD, URL_SAFE]),
};

/**
 * Decode base64 or base64url text into bytes. Bits left over after the last whole byte are
 * dropped, as `atob` drops them.
 *
 * @throws BadgeError with `options.code` for a character outside the alphabet (after the
 *   padding and whitespace rules are applied) or a length no base64 text can have.
 * @example
 * ```ts
 * decodeBase64('aGk=', { code: 'KEY_MALFORMED' });                              // Uint8Array [104, 105]
 * decodeBase64('-_8', { code: 'JWS_MALFORMED', alphabet: 'base64url', padding: 'forbidden' }); // [251, 255]
 * ```
 */
export function decodeBase64(text: string, options: Base64DecodeOptions): Uint8Array<ArrayBuffer> {
  const { code, alphabet = 'base64', padding = 'optional', whitespace = 'reject', name = 'the text' } = options;
  const table = TABLES[alphabet];
  const body = whitespace === 'ignore' ? text.replace(/\s/g, '') : text;
  let end = body.length;
  if (padding === 'ignored') {
    while (end > 0 && body.charCodeAt(end - 1) === 0x3d) end--;
  } else if (padding === 'optional' && end > 0 && end % 4 === 0) {
    if (body.charCodeAt(end - 1) === 0x3d) end--;
    if (body.charCodeAt(end - 1) === 0x3d) end--;
  }
  if (end % 4 === 1) throw new BadgeError(code, `${name} has a length no ${alphabet === 'base64url' ? 'base64url' : 'base64'} text can have`);
  const out = new Uint8Array((end * 3) >> 2);
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = body.charCodeAt(i);
    const value = c < 128 ? table[c]! : -1;
    if (value < 0) {
      throw new BadgeError(code, `${name} is not ${alphabet === 'base64url' ? 'base64url' : 'base64'}: unexpected character at position ${i}`);
    }
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Encode bytes as base64url without padding (RFC 4648 §5 as JWS, JWK and did:jwk write it).
 *
 * @example
 * ```ts
 * encodeBase64Url(new TextEncoder().encode('hi')); // 'aGk'
 * encodeBase64Url(new Uint8Array([0xfb, 0xff]));   // '-_8'
 * ```
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text += URL_SAFE[n >> 18]! + URL_SAFE[(n >> 12) & 63]! + URL_SAFE[(n >> 6) & 63]! + URL_SAFE[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]!;
    text += URL_SAFE[n >> 2]! + URL_SAFE[(n & 3) << 4]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 8) | bytes[i + 1]!;
    text += URL_SAFE[n >> 10]! + URL_SAFE[(n >> 4) & 63]! + URL_SAFE[(n & 15) << 2]!;
  }
  return text;
}
