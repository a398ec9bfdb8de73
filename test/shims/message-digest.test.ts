// The synchronous SHA-256 that replaces rdf-canonize's digest in our builds, against WebCrypto.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import MessageDigest, { sha256Bytes, sha256Hex, sha256HexOfString } from '../../src/shims/message-digest.js';
import { sha256digest } from '../../src/shims/sha256digest.js';

async function webCryptoHex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('SHA-256 for canonicalisation', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with WebCrypto on any bytes, including every length around a block boundary', async () => {
    for (const length of [55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      expect(sha256Hex(bytes)).toBe(await webCryptoHex(bytes));
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 700 }), async (bytes) => {
        expect(sha256Hex(bytes)).toBe(await webCryptoHex(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes strings as UTF-8 (Node\'s native hash here, ours in browsers: both agree with WebCrypto)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => {
        const expected = await webCryptoHex(new TextEncoder().encode(text));
        expect(sha256HexOfString(text)).toBe(expected);
        expect(sha256Hex(new TextEncoder().encode(text))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('hashes what was written to it, as rdf-canonize expects (UTF-8 strings in, hex out, synchronously)', async () => {
    const md = new MessageDigest('sha256');
    md.update('_:c14n0 <http://schema.org/name> "Zoë" .\n');
    md.update('_:c14n0 <http://schema.org/knows> _:c14n1 .\n');
    const expected = await webCryptoHex(new TextEncoder().encode('_:c14n0 <http://schema.org/name> "Zoë" .\n_:c14n0 <http://schema.org/knows> _:c14n1 .\n'));
    expect(md.digest()).toBe(expected);
    expect(Array.from(await sha256digest({ string: 'abc' }), (b) => b.toString(16).padStart(2, '0')).join('')).toBe(sha256Hex(new TextEncoder().encode('abc')));
  });

  describe('refuses', () => {
    it('any digest but SHA-256', () => {
      expect(() => new MessageDigest('sha384')).toThrow(Error);
    });
  });
});
