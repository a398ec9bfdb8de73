/**
 * Replaces src/verify/status/gunzip.ts in the browser build (dist/browser/, tsup.config.ts):
 * the same contract, answered by the unbake layer's bounded DEFLATE decoder inside a GZIP
 * (RFC 1952) wrapper instead of pako, which would add 10 KB gzip to the browser's OB 3.0
 * download for the one job of decompressing status lists. The decoder's cap is exact: it
 * never allocates past `maxBytes`. test/shims/gunzip.test.ts holds both modules to the same
 * answers.
 */
import { BadgeError } from '../errors.js';
import { crc32 } from '../unbake/crc32.js';
import { inflateFrom } from '../unbake/inflate.js';

// RFC 1952 §2.3.1: the member header's flag bits.
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const FRESERVED = 0xe0;

const readU16LE = (d: Uint8Array, p: number): number => d[p]! | (d[p + 1]! << 8);
const readU32LE = (d: Uint8Array, p: number): number => (readU16LE(d, p) | (d[p + 2]! << 16) | (d[p + 3]! << 24)) >>> 0;

/**
 * Inflate one GZIP member, checking its header (and header CRC when present), CRC-32 and
 * length, output capped at `maxBytes`. Bytes after the member are ignored, as pako does.
 *
 * @throws BadgeError `RESOURCE_MALFORMED` (not GZIP, corrupt, truncated) or
 *   `PAYLOAD_TOO_LARGE` (expands past `maxBytes`).
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
  return output;
}
