import { deflate } from 'pako';
import { describe, expect, it } from 'vitest';
import { unbakeBytes } from '../../src/unbake/index.js';
import { inflateZlib } from '../../src/unbake/inflate.js';
import { makeITXtChunk, walkPngChunks } from '../../src/unbake/png.js';

const inflateCapped = (data: Uint8Array, cap: number): Uint8Array => inflateZlib(data, cap, 'PNG_MALFORMED');
import { codeOf, corpus, fixture, json } from './helpers.js';

const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/';

describe('unbaking the PNG badges of the conformance corpus', () => {
  it('reads the OB 2.0 assertion JSON from the iTXt chunk "openbadges" of simple-badge.png', () => {
    const badge = unbakeBytes(corpus(`${DCPV}ob20/simple-badge.png`));
    expect(badge).toMatchObject({
      container: 'png',
      source: 'iTXt:openbadges',
      keyword: 'openbadges',
      chunk: 'iTXt',
      compressed: false,
      payloadType: 'json',
      version: '2.0',
    });
    const assertion = json(badge.payload);
    expect(assertion['type']).toBe('Assertion');
    expect(assertion['@context']).toBe('https://w3id.org/openbadges/v2');
  });

  it('reads the OB 3.0 credential JSON from the iTXt chunk "openbadgecredential" of simple-json.png', () => {
    const badge = unbakeBytes(corpus(`${DCPV}ob30/simple-json.png`));
    expect(badge).toMatchObject({ source: 'iTXt:openbadgecredential', payloadType: 'json', version: '3.0' });
    const credential = json(badge.payload);
    expect(credential['type']).toContain('OpenBadgeCredential');
    expect(credential['proof']).toBeDefined();
  });

  it.each(['simple-jwt.png', 'simple-jwt_v1.png'])('reads the VC-JWT baked after the image data of %s', (name) => {
    const badge = unbakeBytes(corpus(`${DCPV}ob30/${name}`));
    expect(badge).toMatchObject({ container: 'png', keyword: 'openbadgecredential', payloadType: 'jws' });
    expect(badge.payload.split('.')).toHaveLength(3);
  });

  it.each([
    `${DCPV}ob20/assets/robotics-badge.png`,
    `${DCPV}ob20/assets/beths-robot-badge.png`,
    'mozilla-openbadges-bakery/test/unbaked.png',
  ])('reports NOT_BAKED for the plain image %s', (path) => {
    expect(codeOf(() => unbakeBytes(corpus(path)))).toBe('NOT_BAKED');
  });
});

describe('unbaking our own PNG fixtures', () => {
  it('walks a tiny valid PNG from IHDR to IEND', () => {
    const types = [...walkPngChunks(fixture('tiny.png'))].map((c) => c.type);
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('reports NOT_BAKED for the tiny PNG with nothing baked', () => {
    expect(codeOf(() => unbakeBytes(fixture('tiny.png')))).toBe('NOT_BAKED');
  });

  it('reads a URL baked in a Latin-1 tEXt chunk', () => {
    expect(unbakeBytes(fixture('text-url.png'))).toMatchObject({
      source: 'tEXt:openbadges',
      compressed: false,
      payload: 'https://example.org/assertions/tEXt',
      payloadType: 'url',
    });
  });

  it('inflates a zTXt chunk', () => {
    const badge = unbakeBytes(fixture('ztxt-json.png'));
    expect(badge).toMatchObject({ source: 'zTXt:openbadges', compressed: true, payloadType: 'json' });
    expect(json(badge.payload)['id']).toBe('https://example.org/assertions/zTXt');
  });

  it('inflates an iTXt chunk that sets the compression flag the spec forbids', () => {
    const badge = unbakeBytes(fixture('itxt-compressed.png'));
    expect(badge).toMatchObject({ source: 'iTXt:openbadgecredential', compressed: true, payloadType: 'json' });
    expect(json(badge.payload)['name']).toBe('Compressed iTXt – ünïcödé');
  });

  it('reads the clrcredential keyword as an OB 3.0 family container', () => {
    expect(unbakeBytes(fixture('clr.png'))).toMatchObject({ keyword: 'clrcredential', version: '3.0' });
  });

  it('lets the first badge chunk in file order win when there are two', () => {
    expect(unbakeBytes(fixture('two-chunks.png')).payload).toBe('https://example.org/first');
  });

  it('finds a badge chunk placed after the image data', () => {
    expect(unbakeBytes(fixture('after-idat.png')).payload).toBe('https://example.org/after-idat');
  });

  it('ignores bytes after IEND', () => {
    expect(unbakeBytes(fixture('trailing-garbage.png')).payloadType).toBe('url');
  });
});

describe('refusing broken PNGs', () => {
  it('reports PNG_MALFORMED for a bad CRC on the badge chunk', () => {
    expect(codeOf(() => unbakeBytes(fixture('bad-crc.png')))).toBe('PNG_MALFORMED');
  });

  it('reports PNG_MALFORMED for a file truncated inside the image data', () => {
    expect(codeOf(() => unbakeBytes(fixture('truncated.png')))).toBe('PNG_MALFORMED');
  });

  it('reports PNG_MALFORMED for a chunk whose length runs past the end', () => {
    expect(codeOf(() => unbakeBytes(fixture('length-overrun.png')))).toBe('PNG_MALFORMED');
  });

  it('reports PNG_MALFORMED for a file cut inside its signature', () => {
    expect(codeOf(() => unbakeBytes(fixture('tiny.png').subarray(0, 5)))).toBe('PNG_MALFORMED');
  });

  it('reports PNG_MALFORMED when the first chunk is not IHDR', () => {
    const bytes = fixture('tiny.png').slice();
    bytes[12] = 0x69; // 'IHDR' -> 'iHDR'
    expect(codeOf(() => unbakeBytes(bytes))).toBe('PNG_MALFORMED');
  });

  it('reports PNG_MALFORMED for a corrupt zlib stream in a zTXt chunk', () => {
    expect(codeOf(() => unbakeBytes(fixture('ztxt-corrupt.png')))).toBe('PNG_MALFORMED');
  });

  it('reports PAYLOAD_UNRECOGNISED for a badge chunk holding plain words', () => {
    expect(codeOf(() => unbakeBytes(fixture('words.png')))).toBe('PAYLOAD_UNRECOGNISED');
  });

  it('reports PAYLOAD_TOO_LARGE for the iTXt zip bomb, with memory bounded by the cap', () => {
    const before = process.memoryUsage().arrayBuffers;
    expect(codeOf(() => unbakeBytes(fixture('zip-bomb.png')))).toBe('PAYLOAD_TOO_LARGE');
    // The bomb inflates to 100 MB; stopping at the 4 MiB cap keeps growth far below that.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('reports PAYLOAD_TOO_LARGE for a stored payload above a caller-chosen cap', () => {
    expect(codeOf(() => unbakeBytes(corpus(`${DCPV}ob30/simple-jwt.png`), { maxPayloadBytes: 1000 }))).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('stops inflating as soon as the output passes the cap', () => {
    const stream = deflate(new Uint8Array(256 * 1024).fill(0x20));
    expect(codeOf(() => inflateCapped(stream, 1024))).toBe('PAYLOAD_TOO_LARGE');
    expect(inflateCapped(stream, 256 * 1024)).toHaveLength(256 * 1024);
  });
});

describe('writing iTXt chunks', () => {
  it('writes an uncompressed iTXt chunk whose CRC the reader accepts', () => {
    const chunk = makeITXtChunk('openbadges', 'https://example.org/a');
    expect(String.fromCharCode(...chunk.subarray(4, 8))).toBe('iTXt');
    // compression flag and method right after "openbadges\0"
    expect([...chunk.subarray(8 + 11, 8 + 13)]).toEqual([0, 0]);
  });
});
