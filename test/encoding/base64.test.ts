import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64Url, type Base64DecodeOptions } from '../../src/encoding/base64.js';
import { BadgeError } from '../../src/errors.js';
import { codeOf } from '../helpers/codes.js';


// The platform's codec is the reference: a binary string is one char per byte.
const toBinary = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const fromBinary = (binary: string) => Uint8Array.from(binary, (c) => c.charCodeAt(0));
const btoaUrl = (bytes: Uint8Array) => btoa(toBinary(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const bytesOf = (text: string, options: Base64DecodeOptions) => [...decodeBase64(text, options)];

const JWS = { code: 'JWS_MALFORMED', alphabet: 'base64url', padding: 'forbidden' } as const;
const KEY = { code: 'KEY_MALFORMED' } as const;

describe('decodeBase64', () => {
  it('decodes standard base64 with or without its padding', () => {
    expect(bytesOf('AQID', KEY)).toEqual([1, 2, 3]);
    expect(bytesOf('AQI=', KEY)).toEqual([1, 2]);
    expect(bytesOf('AQI', KEY)).toEqual([1, 2]);
    expect(bytesOf('AQ==', KEY)).toEqual([1]);
    expect(bytesOf('', KEY)).toEqual([]);
  });

  it('reads the alphabet it is asked for, or both', () => {
    expect(bytesOf('+/8', KEY)).toEqual([0xfb, 0xff]);
    expect(bytesOf('-_8', { ...KEY, alphabet: 'base64url' })).toEqual([0xfb, 0xff]);
    expect(bytesOf('-/8', { ...KEY, alphabet: 'either' })).toEqual([0xfb, 0xff]);
  });

  it('drops any run of trailing "=" when padding is ignored', () => {
    expect(bytesOf('aGk====', { ...KEY, padding: 'ignored' })).toEqual([104, 105]);
    expect(bytesOf('aGk', { ...KEY, padding: 'ignored' })).toEqual([104, 105]);
  });

  it('removes whitespace anywhere when asked to (PEM bodies)', () => {
    expect(bytesOf(' aG\r\n k= \t', { ...KEY, whitespace: 'ignore' })).toEqual([104, 105]);
  });

  it('agrees with the platform atob on any text, valid or not', () => {
    // atob is RFC 4648 with optional padding and ASCII whitespace removed (WHATWG forgiving-base64).
    const unit = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/+/=== \n\t-_!é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        let expected: number[] | undefined;
        try {
          expected = [...fromBinary(atob(text))];
        } catch {
          expected = undefined;
        }
        let actual: number[] | undefined;
        try {
          actual = bytesOf(text, { ...KEY, whitespace: 'ignore' });
        } catch (error) {
          expect(error).toBeInstanceOf(BadgeError);
          actual = undefined;
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes whatever btoa encodes, in either alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesOf(btoa(toBinary(bytes)), KEY)).toEqual([...bytes]);
        expect(bytesOf(btoaUrl(bytes), JWS)).toEqual([...bytes]);
        expect(bytesOf(btoaUrl(bytes), { ...KEY, alphabet: 'either' })).toEqual([...bytes]);
      }),
    );
  });

  describe('refuses', () => {
    it('characters outside the alphabet, with the code the caller chose', () => {
      expect(codeOf(() => decodeBase64('AQ!D', KEY))).toBe('KEY_MALFORMED');
      expect(codeOf(() => decodeBase64('AQIé', { ...KEY, alphabet: 'either' }))).toBe('KEY_MALFORMED');
      expect(codeOf(() => decodeBase64('-_8', { code: 'RESOURCE_MALFORMED' }))).toBe('RESOURCE_MALFORMED');
      expect(codeOf(() => decodeBase64('+/8', JWS))).toBe('JWS_MALFORMED');
    });

    it('whitespace unless told to ignore it', () => {
      expect(codeOf(() => decodeBase64('AQ ID', KEY))).toBe('KEY_MALFORMED');
      expect(codeOf(() => decodeBase64('AQID\n', KEY))).toBe('KEY_MALFORMED');
    });

    it('a length no base64 text can have', () => {
      expect(codeOf(() => decodeBase64('AQIDB', KEY))).toBe('KEY_MALFORMED');
      expect(codeOf(() => decodeBase64('A===', { ...KEY, padding: 'ignored' }))).toBe('KEY_MALFORMED');
    });

    it('any "=" when padding is forbidden', () => {
      expect(codeOf(() => decodeBase64('AQI=', JWS))).toBe('JWS_MALFORMED');
    });

    it('"=" that does not complete a group of four when padding is optional', () => {
      expect(codeOf(() => decodeBase64('AQI==', KEY))).toBe('KEY_MALFORMED');
      expect(codeOf(() => decodeBase64('AQ=', KEY))).toBe('KEY_MALFORMED');
      expect(codeOf(() => decodeBase64('A===', KEY))).toBe('KEY_MALFORMED');
      expect(codeOf(() => decodeBase64('AQ=D', KEY))).toBe('KEY_MALFORMED');
    });
  });
});

describe('encodeBase64Url', () => {
  it('writes the URL-safe alphabet without padding', () => {
    expect(encodeBase64Url(new TextEncoder().encode('hi'))).toBe('aGk');
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(encodeBase64Url(new Uint8Array(0))).toBe('');
  });

  it('writes what btoa writes, made URL-safe, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(encodeBase64Url(bytes)).toBe(btoaUrl(bytes));
      }),
    );
  });
});
