import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzip } from 'pako';
import { describe, expect, it } from 'vitest';
import type { FetchedResource } from '../../../src/verify/fetcher.js';
import {
  decodeBase64,
  decodeEncodedList,
  decodeListCached,
  gunzipCapped,
  parseStatusIndex,
  readStatus,
} from '../../../src/verify/status/bitstring.js';
import { STATUS_FIXTURES } from '../../helpers/corpus-fetch.js';
import { codeOf } from '../../helpers/codes.js';


const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const toBase64Url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('decodeBase64', () => {
  it('decodes standard base64 with and without padding', () => {
    expect([...decodeBase64('AQID')]).toEqual([1, 2, 3]);
    expect([...decodeBase64('AQI=')]).toEqual([1, 2]);
    expect([...decodeBase64('AQI')]).toEqual([1, 2]);
    expect([...decodeBase64('AQ==')]).toEqual([1]);
  });

  it('reads the base64url alphabet and the standard one alike', () => {
    expect([...decodeBase64('-_8')]).toEqual([...decodeBase64('+/8=')]);
  });

  it('round-trips any bytes in either alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect([...decodeBase64(toBase64(bytes))]).toEqual([...bytes]);
        expect([...decodeBase64(toBase64Url(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  describe('refuses', () => {
    it('characters outside both alphabets, whitespace included', () => {
      expect(codeOf(() => decodeBase64('AQ!D'))).toBe('RESOURCE_MALFORMED');
      expect(codeOf(() => decodeBase64('AQ ID'))).toBe('RESOURCE_MALFORMED');
      expect(codeOf(() => decodeBase64('AQIé'))).toBe('RESOURCE_MALFORMED');
    });

    it('a length no base64 text can have', () => {
      expect(codeOf(() => decodeBase64('AQIDB'))).toBe('RESOURCE_MALFORMED');
    });
  });
});

describe('decodeEncodedList', () => {
  it('strips the multibase base64url prefix and accepts unprefixed base64 (StatusList2021)', () => {
    const gz = gzip(new Uint8Array(16));
    expect([...decodeEncodedList(`u${toBase64Url(gz)}`)]).toEqual([...gz]);
    expect([...decodeEncodedList(toBase64Url(gz))]).toEqual([...gz]);
    expect([...decodeEncodedList(toBase64(gz))]).toEqual([...gz]);
  });

  it('refuses an empty list', () => {
    expect(codeOf(() => decodeEncodedList(''))).toBe('RESOURCE_MALFORMED');
  });
});

describe('gunzipCapped', () => {
  it('decompresses a GZIP stream', () => {
    const plain = new Uint8Array(20000).map((_, i) => (i * 7) & 0xff);
    expect(gunzipCapped(gzip(plain))).toEqual(plain);
  });

  it('accepts output exactly at the cap', () => {
    expect(gunzipCapped(gzip(new Uint8Array(4096)), 4096)).toHaveLength(4096);
  });

  describe('failures', () => {
    it('reports a GZIP bomb as PAYLOAD_TOO_LARGE', () => {
      // 32 MiB of zeros in 32 KiB (fixture made by scripts/make-status-fixtures.mjs).
      const list = JSON.parse(readFileSync(new URL('lists/gzip-bomb.json', STATUS_FIXTURES), 'utf8'));
      const bomb = decodeEncodedList(list.credentialSubject.encodedList);
      expect(codeOf(() => gunzipCapped(bomb, 1024 * 1024))).toBe('PAYLOAD_TOO_LARGE');
      expect(gunzipCapped(bomb, 64 * 1024 * 1024)).toHaveLength(32 * 1024 * 1024);
      expect(codeOf(() => gunzipCapped(bomb))).toBe('PAYLOAD_TOO_LARGE'); // the default 16 MiB cap
    });

    it('refuses data that is not GZIP (zlib included)', () => {
      expect(codeOf(() => gunzipCapped(new TextEncoder().encode('plainly not compressed at all, no')))).toBe('RESOURCE_MALFORMED');
      const zlib = gzip(new Uint8Array(100)).slice(); // start from GZIP, then break the magic
      zlib[0] = 0x78;
      expect(codeOf(() => gunzipCapped(zlib))).toBe('RESOURCE_MALFORMED');
    });

    it('refuses a truncated stream', () => {
      const gz = gzip(new Uint8Array(100000).map((_, i) => i & 0xff));
      expect(codeOf(() => gunzipCapped(gz.subarray(0, gz.length - 20)))).toBe('RESOURCE_MALFORMED');
    });

    it('refuses a corrupt stream', () => {
      const gz = gzip(new Uint8Array(5000).map((_, i) => (i * 31) & 0xff)).slice();
      for (let i = 12; i < 60; i++) gz[i] = 0xff;
      expect(codeOf(() => gunzipCapped(gz))).toBe('RESOURCE_MALFORMED');
    });
  });
});

describe('readStatus', () => {
  it('reads index 0 from the left-most (most significant) bit', () => {
    const bits = new Uint8Array([0b1000_0000, 0b0000_0001]);
    expect(readStatus(bits, 0, 1)).toBe(1);
    expect(readStatus(bits, 1, 1)).toBe(0);
    expect(readStatus(bits, 7, 1)).toBe(0);
    expect(readStatus(bits, 15, 1)).toBe(1);
  });

  it('reads multi-bit entries most significant bit first', () => {
    const bits = new Uint8Array([0b0001_1011]);
    expect([0, 1, 2, 3].map((i) => readStatus(bits, i, 2))).toEqual([0, 1, 2, 3]);
    expect(readStatus(new Uint8Array([0xab, 0xcd]), 1, 8)).toBe(0xcd);
  });

  it('finds exactly the bits that were set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 4095 }), { maxLength: 50 }), fc.integer({ min: 0, max: 4095 }), (set, probe) => {
        const bits = new Uint8Array(512);
        for (const i of set) bits[i >> 3]! |= 0x80 >> (i & 7);
        expect(readStatus(bits, probe, 1)).toBe(set.includes(probe) ? 1 : 0);
      }),
    );
  });

  it('answers undefined outside the list, for odd sizes and bad indexes', () => {
    const bits = new Uint8Array(2);
    expect(readStatus(bits, 16, 1)).toBeUndefined();
    expect(readStatus(bits, 8, 2)).toBeUndefined();
    expect(readStatus(bits, 5, 3)).toBeUndefined(); // bits 15..17: runs past the end
    expect(readStatus(bits, -1, 1)).toBeUndefined();
    expect(readStatus(bits, 0.5, 1)).toBeUndefined();
    expect(readStatus(bits, 0, 0)).toBeUndefined();
    expect(readStatus(bits, Number.MAX_SAFE_INTEGER, 8)).toBeUndefined();
  });
});

describe('parseStatusIndex', () => {
  it('accepts decimal strings and non-negative integers', () => {
    expect(parseStatusIndex('0')).toBe(0);
    expect(parseStatusIndex('94567')).toBe(94567);
    expect(parseStatusIndex(23)).toBe(23);
  });

  it('refuses anything else', () => {
    for (const bad of ['', '-1', '1.5', '0x10', '01', ' 1', '1e3', '99999999999999999', -1, 1.5, NaN, null, undefined, {}, [1]]) {
      expect(parseStatusIndex(bad)).toBeUndefined();
    }
  });
});

describe('decodeListCached', () => {
  const resource = (): FetchedResource => ({ requestedUrl: 'https://l/', url: 'https://l/', status: 200, contentType: 'application/json', bytes: new Uint8Array() });

  it('decodes a list once per fetched resource', () => {
    const encoded = `u${toBase64Url(gzip(new Uint8Array(2048)))}`;
    const r = resource();
    const first = decodeListCached(r, encoded);
    expect(decodeListCached(r, encoded)).toBe(first);
    expect(decodeListCached(resource(), encoded)).not.toBe(first);
  });

  it('remembers a failure too, and still reports it', () => {
    const r = resource();
    expect(codeOf(() => decodeListCached(r, 'u!!'))).toBe('RESOURCE_MALFORMED');
    expect(codeOf(() => decodeListCached(r, 'u!!'))).toBe('RESOURCE_MALFORMED');
  });
});
