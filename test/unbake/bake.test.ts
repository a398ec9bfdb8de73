import { describe, expect, it } from 'vitest';
import { bake, unbakeBytes } from '../../src/unbake/index.js';
import { walkPngChunks } from '../../src/unbake/png.js';
import { codeOf, corpus, fixture, json } from './helpers.js';

const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/';
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2lnbmF0dXJl';
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Baked ]]> here & there <tag>',
};

function pngTextChunks(bytes: Uint8Array): string[] {
  const dec = new TextDecoder('latin1');
  return [...walkPngChunks(bytes)]
    .filter((c) => c.type === 'iTXt' || c.type === 'tEXt' || c.type === 'zTXt')
    .map((c) => `${c.type}:${dec.decode(bytes.subarray(c.dataStart, bytes.indexOf(0, c.dataStart)))}`);
}

describe('baking PNGs', () => {
  it('bakes an OB 3.0 credential object into an uncompressed iTXt "openbadgecredential" before IEND', () => {
    const baked = bake(fixture('tiny.png'), credential, { version: '3.0' });
    expect([...walkPngChunks(baked)].map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    const badge = unbakeBytes(baked);
    expect(badge).toMatchObject({ source: 'iTXt:openbadgecredential', compressed: false, payloadType: 'json' });
    expect(json(badge.payload)).toEqual(credential);
  });

  it('bakes an OB 2.0 hosted URL under the keyword "openbadges"', () => {
    const badge = unbakeBytes(bake(fixture('tiny.png'), 'https://example.org/assertions/1', { version: '2.0' }));
    expect(badge).toMatchObject({ keyword: 'openbadges', payload: 'https://example.org/assertions/1', payloadType: 'url' });
  });

  it('replaces every existing badge chunk, compressed or not, so exactly one remains', () => {
    const once = bake(fixture('two-chunks.png'), JWS, { version: '3.0' });
    expect(pngTextChunks(once)).toEqual(['iTXt:openbadgecredential']);
    const twice = bake(bake(fixture('ztxt-json.png'), JWS, { version: '2.0' }), credential, { version: '3.0' });
    expect(pngTextChunks(twice)).toEqual(['iTXt:openbadgecredential']);
    expect(unbakeBytes(twice).payloadType).toBe('json');
  });

  it('keeps other chunks byte for byte, including text chunks that are not badges', () => {
    const original = fixture('after-idat.png');
    const baked = bake(original, JWS, { version: '3.0' });
    expect(pngTextChunks(baked)).toEqual(['tEXt:Software', 'iTXt:openbadgecredential']);
    const idat = (b: Uint8Array) => [...walkPngChunks(b)].filter((c) => c.type === 'IDAT').map((c) => [...b.subarray(c.start, c.end)]);
    expect(idat(baked)).toEqual(idat(original));
  });

  it('re-bakes a corpus badge with a new payload', () => {
    const baked = bake(corpus(`${DCPV}ob30/simple-jwt.png`), credential, { version: '3.0' });
    expect(json(unbakeBytes(baked).payload)['name']).toBe(credential.name);
  });
});

describe('baking SVGs', () => {
  it('bakes OB 3.0 JSON into CDATA right after the svg start tag, escaping "]]>"', () => {
    const baked = bake(corpus('mozilla-openbadges-bakery/test/unbaked.svg'), credential, { version: '3.0' });
    const text = new TextDecoder().decode(baked);
    expect(text).toContain('viewBox="0 0 512 512"><openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><![CDATA[');
    const badge = unbakeBytes(baked);
    expect(badge).toMatchObject({ source: 'svg:credential#text', payloadType: 'json', version: '3.0' });
    expect(json(badge.payload)).toEqual(credential);
  });

  it('bakes an OB 3.0 JWT into the verify attribute', () => {
    const badge = unbakeBytes(bake(fixture('ob3-prefix-ob.svg'), JWS, { version: '3.0' }));
    expect(badge).toMatchObject({ source: 'svg:credential@verify', payload: JWS });
  });

  it('bakes an OB 2.0 URL with an ampersand into an escaped verify attribute', () => {
    const url = 'https://example.org/a?x=1&y="2"';
    const baked = bake(fixture('nested-badge.svg'), url, { version: '2.0' });
    expect(new TextDecoder().decode(baked)).toContain('verify="https://example.org/a?x=1&#38;y=&#34;2&#34;"');
    expect(unbakeBytes(baked)).toMatchObject({ source: 'svg:assertion@verify', payload: url, payloadType: 'url' });
  });

  it('replaces the existing badge elements of both namespaces so exactly one remains', () => {
    const baked = bake(corpus('mozilla-openbadges-bakery/test/baked.svg'), credential, { version: '3.0' });
    const text = new TextDecoder().decode(baked);
    expect(text.match(/<openbadges:(assertion|credential)\b/g)).toEqual(['<openbadges:credential']);
    expect(text).toContain('<title>HTML5 Logo</title>');
  });

  it('accepts SVG markup as a string and opens a self-closing root', () => {
    const baked = bake('<svg xmlns="http://www.w3.org/2000/svg" />', JWS, { version: '2.0' });
    expect(new TextDecoder().decode(baked)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" ><openbadges:assertion .*<\/svg>$/);
    expect(unbakeBytes(baked).payload).toBe(JWS);
  });
});

describe('refusing what cannot be baked', () => {
  it('reports PAYLOAD_UNRECOGNISED for text that is neither JSON, JWS nor URL', () => {
    expect(codeOf(() => bake(fixture('tiny.png'), 'hello', { version: '2.0' }))).toBe('PAYLOAD_UNRECOGNISED');
  });

  it('reports PAYLOAD_UNRECOGNISED for a URL baked as OB 3.0', () => {
    expect(codeOf(() => bake(fixture('tiny.png'), 'https://example.org/a', { version: '3.0' }))).toBe('PAYLOAD_UNRECOGNISED');
  });

  it('reports PAYLOAD_TOO_LARGE above the cap', () => {
    expect(codeOf(() => bake(fixture('tiny.png'), credential, { version: '3.0', maxPayloadBytes: 10 }))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports INPUT_UNRECOGNISED for an image that is neither PNG nor SVG', () => {
    expect(codeOf(() => bake(fixture('not-an-image.txt'), JWS, { version: '2.0' }))).toBe('INPUT_UNRECOGNISED');
  });

  it('reports PNG_MALFORMED for a truncated PNG and SVG_UNSAFE for an SVG with a DTD subset', () => {
    expect(codeOf(() => bake(fixture('truncated.png'), JWS, { version: '2.0' }))).toBe('PNG_MALFORMED');
    expect(codeOf(() => bake(fixture('billion-laughs.svg'), JWS, { version: '2.0' }))).toBe('SVG_UNSAFE');
  });

  it('throws TypeError without a version', () => {
    expect(() => bake(fixture('tiny.png'), JWS, {} as never)).toThrow(TypeError);
  });
});
