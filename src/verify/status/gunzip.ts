/**
 * GZIP decompression of a status list's bitstring (RFC 1952), with an exact cap on the output.
 *
 * The DEFLATE data is decoded by the unbake layer's bounded inflater (src/unbake/inflate.ts),
 * the one decoder the library has: it never allocates past `maxBytes`, whatever a list claims,
 * and browsers, Node and the script tag all read a list the same way. (pako, the reference it
 * is property-tested against, ran here before; two decoders meant two readings of odd input.)
 *
 * The framing is strict: one member, its header (and header CRC when present), its CRC-32 and
 * length, and nothing after it. Status-list tools write exactly that; anything else (a second
 * member, trailing bytes) is refused rather than read one way or another.
 */
import { crc32 } from '../../unbake/crc32.js';
import { inflateFrom } from '../../unbake/inflate.js';
import { BadgeError } from '../../errors.js';

// RFC 1952 §2.3.1: the member header's flag bits.
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const FRESERVED = 0xe0;

const readU16LE = (d: Uint8Array, p: number): number => d[p]! | (d[p + 1]! << 8);
const readU32LE = (d: Uint8Array, p: number): number => (readU16LE(d, p) | (d[p + 2]! << 16) | (d[p + 3]! << 24)) >>> 0;

/**
 * Inflate one GZIP member, output capped at `maxBytes`.
 *
 * @throws BadgeError `RESOURCE_MALFORMED` (not GZIP, corrupt, truncated, more than one member,
 *   bytes after it) or `PAYLOAD_TOO_LARGE` (expands past `maxBytes`).
 * @example
 * ```ts
 * const bits = gunzip(compressed, 16 * 1024 * 1024);
 * ```
 */
export function gunzip(data: Uint8Array, maxBytes: number): Uint8Array {
  const what = 'encodedList GZIP data';
  const fail = (why: string): never => {
    throw new BadgeError('RESOURCE_MALFORMED', `${what} ${why}`);
  };
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8) fail('is not GZIP (DEFLATE) data');
  const flags = data[3]!;
  if (flags & FRESERVED) fail('sets reserved header flags');
  let at = 10;
  if (flags & FEXTRA) at += 2 + (at + 2 <= data.length ? readU16LE(data, at) : 0);
  // Zero-terminated Latin-1 file name and comment: skipped, never decoded.
  for (const field of [FNAME, FCOMMENT]) {
    if (!(flags & field)) continue;
    while (at < data.length && data[at] !== 0) at++;
    at++;
  }
  if (flags & FHCRC) {
    if (at + 2 <= data.length && readU16LE(data, at) !== (crc32(data, 0, at) & 0xffff)) fail('fails its header check');
    at += 2;
  }
  if (at >= data.length) fail('ends inside its header');
  const { output, end } = inflateFrom(data, at, maxBytes, { code: 'RESOURCE_MALFORMED', what });
  if (end + 8 > data.length) fail('ends before its CRC-32 and length');
  if (readU32LE(data, end) !== crc32(output)) fail('fails its CRC-32 check');
  if (readU32LE(data, end + 4) !== output.length >>> 0) fail('has the wrong length');
  if (end + 8 !== data.length) fail('goes on after its end (a second member or stray bytes)');
  return output;
}
