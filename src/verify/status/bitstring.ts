/**
 * Shared decoding for bitstring status lists (W3C Bitstring Status List v1.0 and its
 * predecessor StatusList2021): base64 / multibase text → GZIP → bits, read MSB-first.
 *
 * Pure functions over bytes: no I/O. Everything a list author controls is bounded, because
 * a status list is fetched from a URL the badge names, i.e. from anyone.
 */
import { decodeBase64 as decodeBase64Text } from '../../encoding/base64.js';
import { BadgeError } from '../../errors.js';
import type { FetchedResource } from '../fetcher.js';
import { gunzip } from './gunzip.js';

/**
 * Largest decompressed bitstring accepted, in bytes (16 MiB = 134 million entries). The W3C
 * minimum list is 16 KiB; real lists are far below this cap, a GZIP bomb is far above it.
 */
export const MAX_BITSTRING_BYTES = 16 * 1024 * 1024;

/**
 * Decode base64 or base64url (either alphabet, padding optional) into bytes. Anything else
 * (whitespace, stray characters, impossible lengths) is refused rather than skipped:
 * silently dropping characters would shift every bit after them.
 *
 * @example
 * ```ts
 * decodeBase64('H4sI'); // Uint8Array [0x1f, 0x8b, 0x08]
 * ```
 */
export function decodeBase64(text: string): Uint8Array {
  return decodeBase64Text(text, { code: 'RESOURCE_MALFORMED', alphabet: 'either', name: 'encodedList' });
}

/**
 * How an `encodedList` is written. Bitstring Status List v1.0 requires a multibase
 * base64url string (`u` prefix); StatusList2021 used base64url without a prefix. Lists in
 * the wild mix both, and the two cannot be confused: GZIP data always starts with
 * 0x1f 0x8b, which base64 writes `H4s…`, never `u…`.
 *
 * @example
 * ```ts
 * decodeEncodedList('uH4sIAAAAAAAA_-3BMQEAAAA…'); // GZIP bytes (multibase base64url)
 * decodeEncodedList('H4sIAAAAAAAAA-3BMQEAAAA…');  // the same, StatusList2021 style
 * ```
 */
export function decodeEncodedList(encodedList: string): Uint8Array {
  if (encodedList.length === 0) throw new BadgeError('RESOURCE_MALFORMED', 'encodedList is empty');
  const body = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  return decodeBase64(body);
}

/**
 * GZIP-decompress with an exact cap on the output (./gunzip.ts), once the data is known to be GZIP.
 *
 * @throws BadgeError `RESOURCE_MALFORMED` (not GZIP, corrupt, truncated) or
 *   `PAYLOAD_TOO_LARGE` (expands past `maxBytes`).
 * @example
 * ```ts
 * const bits = gunzipCapped(compressed, 16 * 1024 * 1024);
 * ```
 */
export function gunzipCapped(compressed: Uint8Array, maxBytes: number = MAX_BITSTRING_BYTES): Uint8Array {
  if (compressed.length < 18 || compressed[0] !== 0x1f || compressed[1] !== 0x8b) {
    throw new BadgeError('RESOURCE_MALFORMED', 'encodedList is not GZIP data');
  }
  return gunzip(compressed, maxBytes);
}

/**
 * Decoded bitstrings per fetched list. The resource object is shared by every verification
 * that fetched the same list (within one verification, and across a batch through the
 * shared resource cache), so one decode serves them all; entries go when the resource does.
 */
const decodedLists = new WeakMap<FetchedResource, { encodedList: string; maxBytes: number; value: Uint8Array | BadgeError }>();

/**
 * Decode a list's `encodedList`, remembering the answer (or the failure) for the fetched
 * resource it came from so a batch never decodes the same list twice.
 *
 * @example
 * ```ts
 * const bits = decodeListCached(resource, subject.encodedList);
 * readStatus(bits, 42, 1); // 0 or 1
 * ```
 */
export function decodeListCached(resource: FetchedResource | undefined, encodedList: string, maxBytes = MAX_BITSTRING_BYTES): Uint8Array {
  const known = resource ? decodedLists.get(resource) : undefined;
  let value: Uint8Array | BadgeError;
  if (known && known.encodedList === encodedList && known.maxBytes === maxBytes) {
    value = known.value;
  } else {
    try {
      value = gunzipCapped(decodeEncodedList(encodedList), maxBytes);
    } catch (error) {
      if (!(error instanceof BadgeError)) throw error;
      value = error;
    }
    if (resource) decodedLists.set(resource, { encodedList, maxBytes, value });
  }
  if (value instanceof BadgeError) throw value;
  return value;
}

/**
 * Read the status value of entry `index` when each entry is `size` bits wide. Bit 0 is the
 * left-most (most significant) bit of byte 0, as both specs require. Returns `undefined`
 * when the entry lies (partly) outside the list: the caller cannot tell its status.
 *
 * @example
 * ```ts
 * readStatus(new Uint8Array([0b1000_0000]), 0, 1); // 1
 * readStatus(new Uint8Array([0b0100_0000]), 0, 2); // 1 (bits 0-1 = 0b01)
 * ```
 */
export function readStatus(bitstring: Uint8Array, index: number, size: number): number | undefined {
  if (!Number.isSafeInteger(index) || index < 0 || !Number.isSafeInteger(size) || size < 1 || size > 32) return undefined;
  const first = index * size;
  if (!Number.isSafeInteger(first + size) || first + size > bitstring.length * 8) return undefined;
  let value = 0;
  for (let bit = first; bit < first + size; bit++) {
    const byte = bitstring[Math.floor(bit / 8)]!;
    value = value * 2 + ((byte >> (7 - (bit % 8))) & 1);
  }
  return value;
}

/**
 * Parse a `statusListIndex`: a non-negative integer, written as a decimal string by the
 * specs (numbers are accepted too, since lists in the wild use them). Anything else is
 * `undefined`.
 *
 * @example
 * ```ts
 * parseStatusIndex('94567'); // 94567
 * parseStatusIndex('-1');    // undefined
 * ```
 */
export function parseStatusIndex(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}
