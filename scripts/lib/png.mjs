// The fixture scripts' one PNG writer (PNG spec §5: signature, length-type-data-CRC chunks).
// Kept apart from src/unbake/bake.ts on purpose: fixtures that test the reader must not be
// made by the code under test, and the scripts need layouts bake() never writes (chunks
// before IDAT, split IDAT, broken CRCs). Web-platform bytes (Uint8Array), so Buffer.concat
// and writeFileSync take the results as they are.
import { deflateSync } from 'node:zlib';

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309, as PNG uses it) of `bytes`. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Bytes of a Latin-1 string (chunk types, keywords). */
export const latin1 = (text) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** The parts (Uint8Array or arrays of bytes) one after another. */
export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** One chunk: length, type, data, CRC over type and data. */
export function pngChunk(type, data) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(latin1(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** IHDR data of an 8-bit truecolour (RGB), non-interlaced image. */
export function rgbHeader(width, height) {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, RGB, deflate, adaptive filtering, no interlace
  return ihdr;
}

/** Unfiltered scanlines (filter type 0 before each row) of `pixel(x, y) → [r, g, b]`. */
export function rgbScanlines(width, height, pixel) {
  const stride = 1 + width * 3;
  const raw = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * stride + 1 + x * 3);
  }
  return raw;
}

/** An uncompressed iTXt chunk (no language tag, no translated keyword) holding `text` as UTF-8. */
export function iTXtChunk(keyword, text) {
  return pngChunk('iTXt', concat(latin1(keyword), [0, 0, 0, 0, 0], new TextEncoder().encode(text)));
}

/**
 * A square RGB picture laid out as our samples are: signature, IHDR, then `chunks` (the baked
 * iTXt, or nothing for an unbaked picture), one IDAT (zlib level 9), IEND.
 */
export function rgbPng({ size, pixel, chunks = [] }) {
  return concat(
    PNG_SIGNATURE,
    pngChunk('IHDR', rgbHeader(size, size)),
    ...chunks,
    pngChunk('IDAT', deflateSync(rgbScanlines(size, size, pixel), { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  );
}
