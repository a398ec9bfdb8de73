import { describe, expect, it } from 'vitest';
import { BadgeError } from '../../src/errors.js';
import { readdirSync, readFileSync } from 'node:fs';
import { unbakeBytes } from '../../src/unbake/index.js';
import { CheckList, type VerifyContext } from '../../src/verify/context.js';
import { Fetcher } from '../../src/verify/fetcher.js';
import { assertVerifyInput, classifyText, detectInput, inputLabel, isHttpUrl } from '../../src/verify/input.js';
import { resolveOptions } from '../../src/verify/options.js';
import { codeOf } from '../helpers/codes.js';

const UNBAKE_FIXTURES = new URL('../fixtures/unbake/', import.meta.url);

function context(): VerifyContext {
  const fetch = (() => Promise.reject(new Error('no network in tests'))) as typeof globalThis.fetch;
  const options = resolveOptions({ fetch, now: new Date('2026-11-23T00:00:00Z') });
  return { options, fetcher: new Fetcher(options), checks: new CheckList(), nested: false };
}

/** What unbake() concludes for the bytes: 'passed', or the error code it throws. */
function unbakeVerdict(bytes: Uint8Array): string {
  try {
    unbakeBytes(bytes);
    return 'passed';
  } catch (error) {
    return (error as BadgeError).code;
  }
}


describe('classifyText', () => {
  it('reads JSON, after a byte-order mark and whitespace', () => {
    expect(classifyText('\uFEFF  {"a": 1}\n')).toEqual({ kind: 'json', value: { a: 1 } });
  });

  it('recognises a compact JWS', () => {
    expect(classifyText('eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln').kind).toBe('jws');
  });

  it('recognises an unsecured token (empty signature), so that verifying refuses its alg', () => {
    expect(classifyText('eyJhbGciOiJub25lIn0.e30.')).toEqual({ kind: 'jws', token: 'eyJhbGciOiJub25lIn0.e30.' });
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
    // Three base64url segments, but no JSON header with an alg: dotted text, not a token.
    ['JWS-shaped junk', 'abc.def.ghi', 'INPUT_UNRECOGNISED'],
    ['a header without alg', 'e30.e30.c2ln', 'INPUT_UNRECOGNISED'],
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

describe('detectInput unbakes images with the readers it loads on demand', () => {
  // The verifier loads the SVG reader and the inflater only when an image needs them; the
  // verdict must be the one unbake() gives, for every image fixture.
  const images = readdirSync(UNBAKE_FIXTURES).filter((name) => /\.(png|svg)$/.test(name));

  it.each(images)('reaches the same unbake verdict as unbake() for %s', async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, UNBAKE_FIXTURES)));
    const ctx = context();
    await detectInput(bytes, ctx);
    const check = ctx.checks.items.find((c) => c.id === 'unbake');
    const expected = unbakeVerdict(bytes);
    expect(check?.status === 'passed' ? 'passed' : check?.code).toBe(expected);
  });

  it('reads a compressed iTXt chunk (the inflater loads for it)', async () => {
    const ctx = context();
    const detected = await detectInput(new Uint8Array(readFileSync(new URL('itxt-compressed.png', UNBAKE_FIXTURES))), ctx);
    expect(detected.format).toBe('png');
    expect(ctx.checks.items.find((c) => c.id === 'unbake')?.status).toBe('passed');
  });

  it('reads a baked SVG (the SVG reader loads for it)', async () => {
    const ctx = context();
    const detected = await detectInput(new Uint8Array(readFileSync(new URL('ob3-default-ns.svg', UNBAKE_FIXTURES))), ctx);
    expect(detected.format).toBe('svg');
    expect(ctx.checks.items.find((c) => c.id === 'unbake')?.status).toBe('passed');
    expect(detected.payload).not.toBeNull();
  });
});

describe('detectInput tells SVG from other text that starts with <', () => {
  it('finds an SVG after a byte-order mark and whitespace', async () => {
    const svg = readFileSync(new URL('ob3-default-ns.svg', UNBAKE_FIXTURES));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20, 0x09, ...svg]);
    const ctx = context();
    const detected = await detectInput(bytes, ctx);
    expect(detected.format).toBe('svg');
    expect(ctx.checks.items.find((c) => c.id === 'unbake')?.status).toBe('passed');
  });

  it('refuses HTML as INPUT_UNRECOGNISED, with no format', async () => {
    const ctx = context();
    const detected = await detectInput(new TextEncoder().encode('  <!DOCTYPE html><html><body>hi</body></html>'), ctx);
    expect(detected).toEqual({ format: null, payload: null });
    expect(ctx.checks.items.find((c) => c.id === 'input')?.code).toBe('INPUT_UNRECOGNISED');
  });
});

describe('detectInput reads a Blob', () => {
  it('as its bytes', async () => {
    const ctx = context();
    const detected = await detectInput(new Blob(['{"type":"Assertion"}']), ctx);
    expect(detected).toEqual({ format: 'json', payload: { kind: 'object', value: { type: 'Assertion' } } });
  });

  it('reports one that cannot be read as INPUT_UNREADABLE', async () => {
    class BrokenBlob extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new Error('the file was moved'));
      }
    }
    const ctx = context();
    expect(await detectInput(new BrokenBlob(['x']), ctx)).toEqual({ format: null, payload: null });
    expect(ctx.checks.items.find((c) => c.id === 'input')?.code).toBe('INPUT_UNREADABLE');
  });
});

describe('detectInput refuses images', () => {
  it('with a zip bomb in a compressed chunk: PAYLOAD_TOO_LARGE', async () => {
    const ctx = context();
    await detectInput(new Uint8Array(readFileSync(new URL('zip-bomb.png', UNBAKE_FIXTURES))), ctx);
    expect(ctx.checks.items.find((c) => c.id === 'unbake')?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('with an entity expansion attack in an SVG: the code unbake() gives', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('billion-laughs.svg', UNBAKE_FIXTURES)));
    const ctx = context();
    await detectInput(bytes, ctx);
    expect(ctx.checks.items.find((c) => c.id === 'unbake')?.code).toBe(unbakeVerdict(bytes));
  });
});
