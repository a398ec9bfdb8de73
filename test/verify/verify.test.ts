import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bake } from '../../src/unbake/bake.js';
import { verify } from '../../src/verify/verify.js';
import { bytesOf, CORPUS, mapFetch, OB2_FIXTURES, OB2_MAP, textOf } from '../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const VALID_URL = 'https://badges.example.org/assertions/valid.json';
const validObject = () => JSON.parse(textOf(new URL('hosted/badges.example.org/assertions/valid.json', OB2_FIXTURES))) as Record<string, unknown>;
const refuse = () => mapFetch([]);
const codes = (r: Awaited<ReturnType<typeof verify>>) => r.errors.map((e) => e.code);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('verify', () => {
  it('labels the result with options.label, else by the kind of input', async () => {
    const fetch = mapFetch([OB2_MAP]);
    expect((await verify(VALID_URL, { fetch, now: NOW })).input).toBe(VALID_URL);
    expect((await verify(validObject(), { fetch, now: NOW })).input).toBe('<object>');
    expect((await verify(new Uint8Array([1]), { fetch, now: NOW })).input).toBe('<bytes>');
    expect((await verify('{}', { fetch, now: NOW })).input).toBe('<text>');
    expect((await verify('{}', { fetch, now: NOW, label: 'badge.json' })).input).toBe('badge.json');
  });

  it('accepts an ArrayBuffer and a DataView of image bytes', async () => {
    const bytes = bytesOf(new URL('baked/valid-json.png', OB2_FIXTURES));
    const fetch = mapFetch([OB2_MAP]);
    expect((await verify(bytes.buffer, { fetch, now: NOW })).status).toBe('valid');
    expect((await verify(new DataView(bytes.buffer), { fetch, now: NOW })).status).toBe('valid');
  });

  it('uses globalThis.fetch, looked up at call time, when no fetch is given', async () => {
    const stub = mapFetch([OB2_MAP]);
    vi.stubGlobal('fetch', stub);
    const result = await verify(VALID_URL, { now: NOW });
    expect(result.status).toBe('valid');
    expect(stub.calls[0]).toBe(VALID_URL);
  });

  it('hands OB 3.0 credentials to the OB 3.0 verifier', async () => {
    const credential = JSON.parse(readFileSync(new URL('1EdTech-digital-credentials-public-validator/test-resources/ob30/simple.json', CORPUS), 'utf8')) as Record<string, unknown>;
    const result = await verify(credential, { fetch: refuse(), now: NOW });
    expect(result.version).toBe('3.0');
  });

  it('produces a result that survives JSON.stringify unchanged', async () => {
    const result = await verify(VALID_URL, { fetch: mapFetch([OB2_MAP]), now: NOW });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('applies the caller clock', async () => {
    const fetch = mapFetch([OB2_MAP]);
    const url = 'https://badges.example.org/assertions/expires-later.json';
    expect((await verify(url, { fetch, now: '2029-12-31T00:00:00Z' })).status).toBe('valid');
    expect((await verify(url, { fetch, now: new Date('2030-01-02T00:00:00Z') })).status).toBe('expired');
  });
});

describe('verify with inputs that are not badges', () => {
  it.each([
    ['text that is nothing', 'hello world', 'INPUT_UNRECOGNISED'],
    ['broken JSON', '{"a": ', 'JSON_MALFORMED'],
    ['JSON that is not a badge', '{"a": 1}', 'NOT_A_BADGE'],
    ['a JSON array', '[1, 2]', 'NOT_A_BADGE'],
    ['an empty string', '   ', 'INPUT_UNREADABLE'],
    ['a relative path', 'badges/alice.png', 'INPUT_UNRECOGNISED'],
    // Shaped like a compact JWS but without a JSON header: baked, it is PAYLOAD_UNRECOGNISED.
    ['dotted text', 'abc.def.ghi', 'INPUT_UNRECOGNISED'],
  ])('reports %s as error %s', async (_name, input, code) => {
    const fetch = refuse();
    const result = await verify(input, { fetch, now: NOW });
    expect(result.status).toBe('error');
    expect(result.verified).toBe(false);
    expect(codes(result)).toContain(code);
    expect(result.badge).toBeNull();
    expect(fetch.calls).toEqual([]);
  });

  it('reports empty bytes as INPUT_UNREADABLE', async () => {
    const result = await verify(new Uint8Array(), { fetch: refuse(), now: NOW });
    expect([result.status, codes(result)]).toEqual(['error', ['INPUT_UNREADABLE']]);
  });

  it('reports bytes whose buffer was transferred away (detached) as INPUT_UNREADABLE', async () => {
    for (const make of [(b: ArrayBuffer) => b, (b: ArrayBuffer) => new DataView(b), (b: ArrayBuffer) => new Uint8Array(b)]) {
      const buffer = new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer;
      const input = make(buffer);
      structuredClone(buffer, { transfer: [buffer] });
      const result = await verify(input, { fetch: refuse(), now: NOW });
      expect([result.status, codes(result)]).toEqual(['error', ['INPUT_UNREADABLE']]);
    }
  });

  it('reports bytes that are neither image nor UTF-8 text as INPUT_UNRECOGNISED', async () => {
    const result = await verify(new Uint8Array([0xff, 0xfe, 0x00, 0x81]), { fetch: refuse(), now: NOW });
    expect([result.status, codes(result)]).toEqual(['error', ['INPUT_UNRECOGNISED']]);
  });

  it('reports an unbaked PNG as NOT_BAKED', async () => {
    const result = await verify(new Uint8Array(readFileSync(new URL('mozilla-openbadges-bakery/test/unbaked.png', CORPUS))), { fetch: refuse(), now: NOW });
    expect([result.status, result.format, codes(result)]).toEqual(['error', 'png', ['NOT_BAKED']]);
  });

  it('reports a baked payload over maxPayloadBytes as PAYLOAD_TOO_LARGE', async () => {
    const result = await verify(bytesOf(new URL('baked/valid-json.png', OB2_FIXTURES)), { fetch: refuse(), now: NOW, maxPayloadBytes: 50 });
    expect([result.status, codes(result)]).toEqual(['error', ['PAYLOAD_TOO_LARGE']]);
  });

  it('reports a URL that answers with an HTML page as not a badge, at the parse step', async () => {
    const fetch = mapFetch([], { 'https://example.org/page': { body: '<!doctype html><p>hi</p>', headers: { 'content-type': 'text/html' } } });
    const result = await verify('https://example.org/page', { fetch, now: NOW });
    expect(result.status).toBe('error');
    expect(result.checks.map((c) => [c.id, c.status, c.code])).toEqual([
      ['input', 'passed', undefined],
      ['parse', 'failed', 'INPUT_UNRECOGNISED'],
      ['structure', 'skipped', undefined],
    ]);
  });

  it('reports a JSON-LD context document as not a badge of any version, though it has an inline @context', async () => {
    const text = textOf(new URL('w3c-vc-data-model/contexts/credentials/v2.jsonld', CORPUS));
    const result = await verify(text, { fetch: refuse(), now: NOW });
    expect([result.status, result.version, codes(result)]).toEqual(['error', null, ['NOT_A_BADGE']]);
  });

  it('reads a mistyped assertion with an inline context as 2.0 (invalid), not as no badge', async () => {
    const mistyped = { '@context': { name: 'http://schema.org/name' }, type: 'OtherAssertion', id: 'urn:uuid:1', recipient: { type: 'email', identity: 'a@example.org' }, badge: 'https://example.org/b' };
    const result = await verify(mistyped, { fetch: refuse(), now: NOW });
    // Invalid (its inline context is not the OB 2.0 one), not "not a badge".
    expect([result.status, result.version, codes(result)]).toEqual(['invalid', '2.0', ['INVALID_CONTEXT']]);
  });

  it('still reads an OB 2.0 node with an inline copy of the context as 2.0 (a BadgeClass: not awarded)', async () => {
    const badgeClass = { '@context': { name: 'http://schema.org/name' }, type: 'BadgeClass', name: 'Robotics' };
    const result = await verify(badgeClass, { fetch: refuse(), now: NOW });
    expect([result.status, result.version, codes(result), result.badge?.name]).toEqual(['error', '2.0', ['NOT_A_BADGE'], 'Robotics']);
  });

  it('lists every check that ran or was skipped', async () => {
    const result = await verify('{"a": 1}', { fetch: refuse(), now: NOW });
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['input', 'passed'],
      ['parse', 'passed'],
      ['structure', 'failed'],
    ]);
  });
});

describe('verify judges a token the same, baked or as text', () => {
  it('refuses an unsecured token (alg none, empty signature) as ALG_NOT_ALLOWED either way', async () => {
    const unsecured = textOf(new URL('signed/alg-none.jws', OB2_FIXTURES)).trim();
    expect(unsecured.endsWith('.')).toBe(true);
    const png = bytesOf(new URL('mozilla-openbadges-bakery/test/unbaked.png', CORPUS));
    const baked = await bake(png, unsecured, { version: '2.0' });
    const verdicts = [];
    for (const input of [unsecured, baked]) {
      const result = await verify(input, { fetch: refuse(), now: NOW });
      verdicts.push([result.status, codes(result)]);
    }
    expect(verdicts).toEqual([
      ['invalid', ['ALG_NOT_ALLOWED']],
      ['invalid', ['ALG_NOT_ALLOWED']],
    ]);
  });
});

describe('verify when the network fails', () => {
  it('is indeterminate with FETCH_FAILED when fetch rejects', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('network down');
    });
    const result = await verify(validObject(), { fetch, now: NOW });
    expect(result.status).toBe('indeterminate');
    expect(codes(result)).toEqual(['FETCH_FAILED']);
  });

  it('is indeterminate with FETCH_TIMEOUT when a request outlives the timeout', async () => {
    const fetch = (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const result = await verify(VALID_URL, { fetch, now: NOW, timeout: 20 });
    expect(result.status).toBe('indeterminate');
    expect(codes(result)).toEqual(['FETCH_TIMEOUT']);
  });

  it('is indeterminate with RESPONSE_TOO_LARGE past maxResponseBytes', async () => {
    const result = await verify(VALID_URL, { fetch: mapFetch([OB2_MAP]), now: NOW, maxResponseBytes: 64 });
    expect(result.status).toBe('indeterminate');
    expect(codes(result)).toEqual(['RESPONSE_TOO_LARGE']);
  });

  it('refuses private addresses with URL_REFUSED, without calling fetch', async () => {
    const fetch = refuse();
    const viaUrl = await verify('http://127.0.0.1/assertion.json', { fetch, now: NOW, allowPrivateNetwork: false });
    expect([viaUrl.status, codes(viaUrl)]).toEqual(['indeterminate', ['URL_REFUSED']]);
    const viaId = await verify({ ...validObject(), id: 'http://169.254.169.254/latest/meta-data' }, { fetch, now: NOW, allowPrivateNetwork: false });
    expect([viaId.status, codes(viaId)]).toEqual(['indeterminate', ['URL_REFUSED']]);
    expect(fetch.calls).toEqual([]);
  });

  it('makes no request at all when offline', async () => {
    const fetch = refuse();
    const result = await verify(VALID_URL, { fetch, now: NOW, offline: true });
    expect([result.status, codes(result)]).toEqual(['indeterminate', ['FETCH_FAILED']]);
    expect(fetch.calls).toEqual([]);
  });

  it('reports ABORTED for a signal aborted before the call, fetching nothing', async () => {
    const fetch = refuse();
    const controller = new AbortController();
    controller.abort();
    const result = await verify(VALID_URL, { fetch, now: NOW, signal: controller.signal });
    expect([result.status, codes(result)]).toEqual(['indeterminate', ['ABORTED']]);
    expect(fetch.calls).toEqual([]);
  });

  it('reports ABORTED when the signal fires during a request', async () => {
    const controller = new AbortController();
    const fetch = (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        setTimeout(() => controller.abort(), 5);
      });
    const result = await verify(VALID_URL, { fetch, now: NOW, signal: controller.signal });
    expect(result.status).toBe('indeterminate');
    expect(codes(result)).toContain('ABORTED');
  });
});

describe('verify misuse', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array', [1, 2]],
    ['a function', () => 1],
    ['a Map', new Map()],
  ])('throws TypeError for %s as input', async (_name, input) => {
    await expect(verify(input as never)).rejects.toBeInstanceOf(TypeError);
  });

  it('throws TypeError for options of the wrong type', async () => {
    await expect(verify('{}', 'x' as never)).rejects.toBeInstanceOf(TypeError);
    await expect(verify('{}', { fetch: 'x' as never })).rejects.toBeInstanceOf(TypeError);
    await expect(verify('{}', { now: 'not a date' })).rejects.toBeInstanceOf(TypeError);
    await expect(verify('{}', { label: 5 as never })).rejects.toBeInstanceOf(TypeError);
  });
});
