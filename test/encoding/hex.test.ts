import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHex } from '../../src/encoding/hex.js';

describe('encodeHex', () => {
  it('writes two lower-case digits a byte, leading zeros kept', () => {
    expect(encodeHex(new Uint8Array([0, 10, 171, 255]))).toBe('000aabff');
    expect(encodeHex(new Uint8Array(0))).toBe('');
  });

  it('reads an ArrayBuffer (a WebCrypto digest) as its bytes', async () => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'));
    expect(encodeHex(digest)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('writes what Node writes for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(encodeHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
      }),
    );
  });
});
