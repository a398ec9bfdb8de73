import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { classifyPayload, unbake, unbakeBytes } from '../../src/unbake/index.js';
import { codeOf, codeOfAsync, fixture } from './helpers.js';

// Unbaking does no I/O at all: any attempt to reach the network fails the test.
beforeEach(() => {
  vi.stubGlobal('fetch', () => {
    throw new Error('unbake must not touch the network');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the unbake entry point', () => {
  it('accepts a Uint8Array, an ArrayBuffer and a Blob alike', async () => {
    const bytes = fixture('text-url.png');
    const copy = bytes.slice().buffer;
    const expected = unbakeBytes(bytes);
    expect(await unbake(bytes)).toEqual(expected);
    expect(await unbake(copy)).toEqual(expected);
    expect(await unbake(new Blob([bytes.slice()]))).toEqual(expected);
  });

  it('returns a plain object that survives JSON.stringify unchanged', async () => {
    const badge = await unbake(fixture('cdata-split.svg'));
    expect(JSON.parse(JSON.stringify(badge))).toEqual(badge);
  });

  it('classifies JSON objects, compact JWS and http(s) URLs, and nothing else', () => {
    expect(classifyPayload(' {"a":1} ')).toBe('json');
    expect(classifyPayload('eyJhbGciOiJFUzI1NiJ9.e30.c2ln')).toBe('jws');
    expect(classifyPayload('http://example.org')).toBe('url');
    expect(classifyPayload('[1,2]')).toBeNull();
    expect(classifyPayload('{not json}')).toBeNull();
    expect(classifyPayload('a.b.c')).toBeNull();
    // An unsecured token is still a JWS (verification refuses its alg); a detached payload is not.
    expect(classifyPayload('eyJhbGciOiJub25lIn0.e30.')).toBe('jws');
    expect(classifyPayload('eyJhbGciOiJFUzI1NiJ9..c2ln')).toBeNull();
    expect(classifyPayload('ftp://example.org/a')).toBeNull();
    expect(classifyPayload('https://exa mple.org')).toBeNull();
    expect(classifyPayload('')).toBeNull();
  });

  it('reads a JWS header in the base64url alphabet, and refuses one that is not UTF-8 JSON or has an impossible length', () => {
    // {"alg":"ES256","kid":"?>?"} and {"alg":"ES256","kid":"a?b>c~"}: '-' and '_' in the header.
    expect(classifyPayload('eyJhbGciOiJFUzI1NiIsImtpZCI6Ij8-PyJ9.e30.c2ln')).toBe('jws');
    expect(classifyPayload('eyJhbGciOiJFUzI1NiIsImtpZCI6ImE_Yj5jfiJ9.e30.c2ln')).toBe('jws');
    // The bytes FF FE FD: no UTF-8 text.
    expect(classifyPayload('__79.e30.c2ln')).toBeNull();
    // Five characters: no base64 text has a length of 4n + 1.
    expect(classifyPayload('eyJhb.e30.c2ln')).toBeNull();
    // A header without a string alg.
    expect(classifyPayload('eyJhbGciOjF9.e30.c2ln')).toBeNull();
  });

  it('documents every code it can throw in the shared error-code list', () => {
    for (const code of ['INPUT_UNREADABLE', 'INPUT_UNRECOGNISED', 'NOT_BAKED', 'PNG_MALFORMED', 'SVG_MALFORMED', 'SVG_UNSAFE', 'PAYLOAD_TOO_LARGE', 'PAYLOAD_UNRECOGNISED']) {
      expect(ERROR_CODES).toContain(code);
    }
  });
});

describe('refusing inputs that are not images', () => {
  it('reports INPUT_UNREADABLE for a value of the wrong kind', async () => {
    expect(await codeOfAsync(() => unbake('badge.png' as never))).toBe('INPUT_UNREADABLE');
    expect(codeOf(() => unbakeBytes(42 as never))).toBe('INPUT_UNREADABLE');
  });

  it('reports INPUT_UNREADABLE for empty input', async () => {
    expect(await codeOfAsync(() => unbake(new Uint8Array(0)))).toBe('INPUT_UNREADABLE');
    expect(await codeOfAsync(() => unbake(new Blob([])))).toBe('INPUT_UNREADABLE');
  });

  it('reports INPUT_UNREADABLE for a Blob that cannot be read', async () => {
    const broken = { size: 10, arrayBuffer: () => Promise.reject(new Error('gone')) };
    expect(await codeOfAsync(() => unbake(broken as unknown as Blob))).toBe('INPUT_UNREADABLE');
  });

  it('reports INPUT_UNREADABLE for bytes whose buffer was transferred away (detached)', async () => {
    const views = [(b: ArrayBuffer) => b, (b: ArrayBuffer) => new DataView(b), (b: ArrayBuffer) => new Uint8Array(b)];
    for (const view of views) {
      const { buffer } = fixture('tiny.png').slice();
      const input = view(buffer);
      structuredClone(buffer, { transfer: [buffer] });
      expect(await codeOfAsync(() => unbake(input as never))).toBe('INPUT_UNREADABLE');
      expect(codeOf(() => unbakeBytes(input as never))).toBe('INPUT_UNREADABLE');
    }
  });

  it('reports INPUT_UNRECOGNISED for bytes that are neither PNG nor SVG', () => {
    expect(codeOf(() => unbakeBytes(new TextEncoder().encode('{"type":"Assertion"}')))).toBe('INPUT_UNRECOGNISED');
  });

  it('throws TypeError for a nonsensical limit, which is a programming error', () => {
    expect(() => unbakeBytes(fixture('tiny.png'), { maxPayloadBytes: -1 })).toThrow(TypeError);
  });
});
