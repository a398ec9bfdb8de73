import { describe, expect, it } from 'vitest';
import { BadgeError } from '../../src/errors.js';
import { assertVerifyInput, classifyText, inputLabel, isHttpUrl } from '../../src/verify/input.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BadgeError ? e.code : 'not a BadgeError';
  }
  return undefined;
}

describe('classifyText', () => {
  it('reads JSON, after a byte-order mark and whitespace', () => {
    expect(classifyText('\uFEFF  {"a": 1}\n')).toEqual({ kind: 'json', value: { a: 1 } });
  });

  it('recognises a compact JWS', () => {
    expect(classifyText('eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln').kind).toBe('jws');
  });

  it('recognises an http(s) URL', () => {
    expect(classifyText(' https://example.org/a.json ')).toEqual({ kind: 'url', url: 'https://example.org/a.json' });
  });
});

describe('classifyText refuses', () => {
  it.each([
    ['broken JSON', '{"a":', 'JSON_MALFORMED'],
    ['plain words', 'hello', 'INPUT_UNRECOGNISED'],
    ['a file URL', 'file:///etc/passwd', 'INPUT_UNRECOGNISED'],
    ['a javascript URL', 'javascript:alert(1)', 'INPUT_UNRECOGNISED'],
    ['two JWS segments', 'abc.def', 'INPUT_UNRECOGNISED'],
  ])('%s with %s', (_name, text, code) => {
    expect(codeOf(() => classifyText(text))).toBe(code);
  });
});

describe('inputLabel and isHttpUrl', () => {
  it('labels inputs as the contract says', () => {
    expect(inputLabel('https://example.org/a')).toBe('https://example.org/a');
    expect(inputLabel('{"a":1}')).toBe('<text>');
    expect(inputLabel(new Uint8Array(1))).toBe('<bytes>');
    expect(inputLabel(new Blob(['x']))).toBe('<bytes>');
    expect(inputLabel({ a: 1 })).toBe('<object>');
  });

  it('accepts only absolute http(s) URLs without spaces', () => {
    expect(isHttpUrl('https://example.org/x')).toBe(true);
    expect(isHttpUrl('HTTP://EXAMPLE.ORG')).toBe(true);
    expect(isHttpUrl('https://exa mple.org')).toBe(false);
    expect(isHttpUrl('ftp://example.org')).toBe(false);
    expect(isHttpUrl('/relative')).toBe(false);
  });
});

describe('assertVerifyInput', () => {
  it('accepts bytes, blobs, strings and plain objects', () => {
    for (const ok of [new Uint8Array(), new ArrayBuffer(1), new DataView(new ArrayBuffer(1)), new Blob([]), '', {}, Object.create(null)]) {
      expect(() => assertVerifyInput(ok)).not.toThrow();
    }
  });

  it('throws TypeError for everything else', () => {
    for (const bad of [1, null, undefined, true, [], new Date(), () => 1, Symbol('x')]) {
      expect(() => assertVerifyInput(bad)).toThrow(TypeError);
    }
  });
});
