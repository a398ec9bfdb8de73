// Status-list decompression: pako in Node and bundlers (src/verify/status/gunzip.ts), the
// unbake layer's inflater in the browser build (src/shims/gunzip.ts). Both must give the
// same bytes for the same GZIP data and the same error code for the same defect.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzip } from 'pako';
import { describe, expect, it } from 'vitest';
import { gunzip as withInflater } from '../../src/shims/gunzip.js';
import { gunzip as withPako } from '../../src/verify/status/gunzip.js';
import { decodeEncodedList } from '../../src/verify/status/bitstring.js';
import { crc32 } from '../../src/unbake/crc32.js';
import { codeOf } from '../helpers/codes.js';
import { STATUS_FIXTURES } from '../helpers/corpus-fetch.js';

const MiB = 1024 * 1024;

/**
 * The same member with every optional header field (RFC 1952 §2.3.1): FEXTRA, FNAME,
 * FCOMMENT and a correct FHCRC (pako writes none of them).
 */
function withHeaderFields(gz: Uint8Array): Uint8Array {
  const latin1 = (text: string) => [...text].map((c) => c.charCodeAt(0));
  const header = [...gz.subarray(0, 10), 4, 0, 0xaa, 0xbb, 0xcc, 0xdd, ...latin1('list.bin'), 0, ...latin1('status list'), 0];
  header[3] = 0x02 | 0x04 | 0x08 | 0x10;
  const hcrc = crc32(Uint8Array.from(header)) & 0xffff;
  return Uint8Array.from([...header, hcrc & 0xff, hcrc >> 8, ...gz.subarray(10)]);
}

/** The answer of one implementation: the bytes, or the error code. */
function answer(gunzip: typeof withPako, data: Uint8Array, max: number): Uint8Array | string {
  try {
    return gunzip(data, max);
  } catch {
    return codeOf(() => gunzip(data, max));
  }
}

describe.each([
  ['pako', withPako],
  ['the unbake inflater', withInflater],
])('gunzip with %s', (_name, gunzip) => {
  it('decompresses what pako compressed, at every level and with every header field', () => {
    const plain = new Uint8Array(70000).map((_, i) => (i % 3 === 0 ? i & 0xff : 0));
    for (const level of [0, 1, 6, 9] as const) expect(gunzip(gzip(plain, { level }), MiB)).toEqual(plain);
    expect(gunzip(withHeaderFields(gzip(plain)), MiB)).toEqual(plain);
  });

  it('accepts output exactly at the cap and refuses one byte more as PAYLOAD_TOO_LARGE', () => {
    const data = gzip(new Uint8Array(4096));
    expect(gunzip(data, 4096)).toHaveLength(4096);
    expect(codeOf(() => gunzip(data, 4095))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('stops a GZIP bomb at the cap', () => {
    // 32 MiB of zeros in 32 KiB (fixture made by scripts/make-status-fixtures.mjs).
    const list = JSON.parse(readFileSync(new URL('lists/gzip-bomb.json', STATUS_FIXTURES), 'utf8'));
    const bomb = decodeEncodedList(list.credentialSubject.encodedList);
    expect(codeOf(() => gunzip(bomb, MiB))).toBe('PAYLOAD_TOO_LARGE');
    expect(gunzip(bomb, 64 * MiB)).toHaveLength(32 * MiB);
  });

  it.each([
    ['a zlib stream', (gz: Uint8Array) => Uint8Array.of(0x78, 0x9c, ...gz.subarray(10))],
    ['a truncated stream', (gz: Uint8Array) => gz.subarray(0, gz.length - 20)],
    ['a missing trailer', (gz: Uint8Array) => gz.subarray(0, gz.length - 8)],
    ['a wrong CRC-32', (gz: Uint8Array) => gz.map((b, i) => (i === gz.length - 8 ? b ^ 1 : b))],
    ['a wrong length', (gz: Uint8Array) => gz.map((b, i) => (i === gz.length - 4 ? b ^ 1 : b))],
    ['reserved header flags', (gz: Uint8Array) => gz.map((b, i) => (i === 3 ? 0x20 : b))],
    ['a header CRC that does not match', (gz: Uint8Array) => Uint8Array.of(...gz.subarray(0, 3), 0x02, ...gz.subarray(4, 10), 0x12, 0x34, ...gz.subarray(10))],
    ['corrupt compressed data', (gz: Uint8Array) => gz.map((b, i) => (i >= 12 && i < 60 ? 0xff : b))],
  ])('refuses %s as RESOURCE_MALFORMED', (_what, damage) => {
    const gz = gzip(new Uint8Array(5000).map((_, i) => (i * 31) & 0xff));
    expect(codeOf(() => gunzip(damage(gz), MiB))).toBe('RESOURCE_MALFORMED');
  });
});

describe('both gunzip implementations agree', () => {
  // (With a damaged byte the cap is generous: a stream both corrupt and too large may be
  // reported as either, depending on which the decoder meets first.)
  it('on any data and cap, and on any single damaged byte', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 }))),
        (plain, max, damage) => {
          const gz = gzip(plain).slice();
          if (damage) gz[damage[0] % gz.length]! ^= damage[1];
          const cap = damage ? MiB : max;
          expect(answer(withInflater, gz, cap)).toEqual(answer(withPako, gz, cap));
        },
      ),
      { numRuns: 400 },
    );
  });
});
