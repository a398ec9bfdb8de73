// The browser build's digests (WebCrypto) give what the Node/ESM build's synchronous ones give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import SyncDigest, { sha256HexOfString } from '../../src/shims/message-digest.js';
import { sha256digest as syncSha256digest } from '../../src/shims/sha256digest.js';
import WebCryptoDigest, { sha256digest } from '../../src/shims/webcrypto-digest.js';

describe('WebCrypto digests (browser build)', () => {
  it('hash the FIPS 180-4 "abc" vector', async () => {
    const md = new WebCryptoDigest('SHA-256');
    md.update('a');
    md.update('bc');
    expect(await md.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agree with the synchronous digests on any text, as rdf-canonize and the suites use them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }), async (parts) => {
        const web = new WebCryptoDigest('sha256');
        const sync = new SyncDigest('sha256');
        for (const part of parts) {
          web.update(part);
          sync.update(part);
        }
        expect(await web.digest()).toBe(sync.digest());
        expect(await sha256digest({ string: parts.join('') })).toEqual(await syncSha256digest({ string: parts.join('') }));
        expect(sha256HexOfString(parts.join(''))).toBe(sync.digest());
      }),
      { numRuns: 200 },
    );
  });

  it('refuse any other algorithm, as the synchronous one does', () => {
    expect(() => new WebCryptoDigest('sha384')).toThrow(/Unsupported algorithm/);
    expect(() => new SyncDigest('sha384')).toThrow(/Unsupported algorithm/);
  });
});
