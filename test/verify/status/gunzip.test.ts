// Status-list decompression (src/verify/status/gunzip.ts): our inflater in a strict GZIP
// wrapper, held to pako's output (pako is the reference, a devDependency) on every
// single-member stream, and refusing what a status list must not be.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzip, ungzip } from 'pako';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/unbake/crc32.js';
import { decodeEncodedList } from '../../../src/verify/status/bitstring.js';
import { gunzip } from '../../../src/verify/status/gunzip.js';
import { codeOf } from '../../helpers/codes.js';
import { STATUS_FIXTURES } from '../../helpers/corpus-fetch.js';

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

describe('gunzip (status lists)', () => {
  it('decompresses what pako compressed, at every level and with every header field', () => {
    const plain = new Uint8Array(70000).map((_, i) => (i % 3 === 0 ? i & 0xff : 0));
    for (const level of [0, 1, 6, 9] as const) expect(gunzip(gzip(plain, { level }), MiB)).toEqual(plain);
    expect(gunzip(withHeaderFields(gzip(plain)), MiB)).toEqual(plain);
  });

  it('gives pako\'s bytes for any data, and refuses exactly what pako refuses when one byte is damaged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 }))), (plain, damage) => {
        const gz = gzip(plain).slice();
        if (damage) gz[damage[0] % gz.length]! ^= damage[1];
        let reference: Uint8Array | undefined;
        try {
          reference = ungzip(gz);
        } catch {
          reference = undefined;
        }
        // Where pako reads more than one member or ignores trailing bytes, we refuse (below);
        // a single damaged byte of a single member never makes a second one.
        if (reference === undefined) expect(codeOf(() => gunzip(gz, MiB))).toBe('RESOURCE_MALFORMED');
        else expect(gunzip(gz, MiB)).toEqual(reference);
      }),
      { numRuns: 400 },
    );
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

  const one = gzip(new Uint8Array(100).fill(1));
  const two = gzip(new Uint8Array(50).fill(2));
  it.each([
    ['a zlib stream', (gz: Uint8Array) => Uint8Array.of(0x78, 0x9c, ...gz.subarray(10))],
    ['a truncated stream', (gz: Uint8Array) => gz.subarray(0, gz.length - 20)],
    ['a missing trailer', (gz: Uint8Array) => gz.subarray(0, gz.length - 8)],
    ['a wrong CRC-32', (gz: Uint8Array) => gz.map((b, i) => (i === gz.length - 8 ? b ^ 1 : b))],
    ['a wrong length', (gz: Uint8Array) => gz.map((b, i) => (i === gz.length - 4 ? b ^ 1 : b))],
    ['reserved header flags', (gz: Uint8Array) => gz.map((b, i) => (i === 3 ? 0x20 : b))],
    ['a header CRC that does not match', (gz: Uint8Array) => Uint8Array.of(...gz.subarray(0, 3), 0x02, ...gz.subarray(4, 10), 0x12, 0x34, ...gz.subarray(10))],
    ['corrupt compressed data', (gz: Uint8Array) => gz.map((b, i) => (i >= 12 && i < 60 ? 0xff : b))],
    // pako reads 150 bytes here; a status list is one member, and a second one is not guessed at.
    ['a second member', () => Uint8Array.of(...one, ...two)],
    ['an empty member followed by another', () => Uint8Array.of(...gzip(new Uint8Array(0)), ...two)],
    ['stray bytes after the member', () => Uint8Array.of(...one, 0x41, 0x42, 0x43)],
    ['zero padding after the member', () => Uint8Array.of(...one, 0, 0, 0, 0)],
  ])('refuses %s as RESOURCE_MALFORMED', (_what, damage) => {
    const gz = gzip(new Uint8Array(5000).map((_, i) => (i * 31) & 0xff));
    expect(codeOf(() => gunzip(damage(gz), MiB))).toBe('RESOURCE_MALFORMED');
  });
});
