/**
 * PNG baking as the Open Badges specs define it: the badge travels in a text chunk whose
 * keyword is `openbadges` (OB 1.x / 2.0), `openbadgecredential` (OB 3.0) or `clrcredential`
 * (CLR 2.0). Only the chunk *headers* are walked: image data is skipped by its length and
 * never copied, decompressed or CRC-checked, so a 20 MB photo costs about what a 2 KB icon
 * costs.
 *
 * @packageDocumentation
 */
import { BadgeError } from '../errors.js';
import { crc32 } from './crc32.js';
import { classifyPayload } from './payload.js';
import type { BadgeKeyword, ResolvedUnbakeOptions, UnbakedBadge } from './types.js';

/** The eight bytes every PNG starts with (PNG spec §5.2): `89 50 4E 47 0D 0A 1A 0A`. */
export const PNG_SIGNATURE: Uint8Array = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Keywords that carry a badge; the first chunk in file order with any of them wins. */
export const BADGE_KEYWORDS: readonly BadgeKeyword[] = ['openbadges', 'openbadgecredential', 'clrcredential'];

// PNG spec §5.3: a chunk length is at most 2^31 - 1.
const MAX_CHUNK_LENGTH = 0x7fffffff;
// PNG spec §11.3.4.2: keywords are 1 to 79 Latin-1 characters followed by a NUL.
const MAX_KEYWORD_LENGTH = 79;

/** Where one chunk lies in the file; offsets only, so walking never copies a byte. */
export interface PngChunkRef {
  /** The four-letter chunk type, e.g. `IDAT`. */
  type: string;
  /** Offset of the length field. */
  start: number;
  /** Offset of the first data byte. */
  dataStart: number;
  /** Offset just past the last data byte (where the CRC starts). */
  dataEnd: number;
  /** Offset just past the CRC. */
  end: number;
}

/**
 * True when `bytes` starts with the PNG signature, or is a non-empty prefix of it (a PNG
 * truncated inside its signature is still a PNG, just a malformed one).
 *
 * @example
 * ```ts
 * looksLikePng(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])) // true
 * ```
 */
export function looksLikePng(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, PNG_SIGNATURE.length);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return false;
  return true;
}

function malformed(message: string): BadgeError {
  return new BadgeError('PNG_MALFORMED', message);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] as number) << 24) |
      ((bytes[offset + 1] as number) << 16) |
      ((bytes[offset + 2] as number) << 8) |
      (bytes[offset + 3] as number)) >>>
    0
  );
}

function isChunkTypeByte(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * Walks the chunks from the signature to `IEND`, checking only what keeps the walk honest:
 * the signature, that `IHDR` comes first (with a good CRC), that every chunk type is four
 * letters and that no chunk runs past the end. Data after `IEND` is ignored, as decoders do.
 *
 * @throws BadgeError `PNG_MALFORMED` for a truncated or structurally broken file.
 * @example
 * ```ts
 * for (const c of walkPngChunks(bytes)) console.log(c.type, c.dataEnd - c.dataStart)
 * ```
 */
export function* walkPngChunks(bytes: Uint8Array): Generator<PngChunkRef, void, undefined> {
  if (bytes.length < PNG_SIGNATURE.length || !looksLikePng(bytes)) {
    throw malformed('The file does not start with a complete PNG signature.');
  }
  let offset = PNG_SIGNATURE.length;
  let first = true;
  for (;;) {
    if (offset + 8 > bytes.length) throw malformed('The PNG ends before its IEND chunk.');
    const length = u32(bytes, offset);
    if (length > MAX_CHUNK_LENGTH) throw malformed(`A chunk at byte ${offset} declares an impossible length.`);
    for (let i = offset + 4; i < offset + 8; i++) {
      if (!isChunkTypeByte(bytes[i] as number)) throw malformed(`The chunk at byte ${offset} has an invalid type.`);
    }
    const type = String.fromCharCode(
      bytes[offset + 4] as number,
      bytes[offset + 5] as number,
      bytes[offset + 6] as number,
      bytes[offset + 7] as number,
    );
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    const end = dataEnd + 4;
    if (end > bytes.length) throw malformed(`The ${type} chunk at byte ${offset} runs past the end of the file.`);
    const ref: PngChunkRef = { type, start: offset, dataStart, dataEnd, end };
    if (first) {
      // PNG spec §5.6: IHDR comes first. Checking it (13 bytes) makes "is this a PNG" honest.
      if (type !== 'IHDR' || length !== 13) throw malformed('The PNG does not start with an IHDR chunk.');
      checkCrc(bytes, ref);
      first = false;
    }
    yield ref;
    if (type === 'IEND') return;
    offset = end;
  }
}

function checkCrc(bytes: Uint8Array, c: PngChunkRef): void {
  if (crc32(bytes, c.start + 4, c.dataEnd) !== u32(bytes, c.dataEnd)) {
    throw malformed(`The ${c.type} chunk at byte ${c.start} has a bad CRC.`);
  }
}

/** The keyword of a text chunk when it is one of ours, else null; never throws. */
function badgeKeywordOf(bytes: Uint8Array, c: PngChunkRef): BadgeKeyword | null {
  if (c.type !== 'iTXt' && c.type !== 'tEXt' && c.type !== 'zTXt') return null;
  for (const kw of BADGE_KEYWORDS) {
    const n = kw.length;
    if (c.dataEnd - c.dataStart <= n || bytes[c.dataStart + n] !== 0) continue;
    let same = true;
    for (let i = 0; i < n; i++) {
      if (bytes[c.dataStart + i] !== kw.charCodeAt(i)) {
        same = false;
        break;
      }
    }
    if (same) return kw;
  }
  return null;
}

/**
 * Reads the badge baked into a PNG: the first `iTXt`, `tEXt` or `zTXt` chunk whose keyword is
 * `openbadges`, `openbadgecredential` or `clrcredential`. That chunk's CRC is checked; a
 * compressed one (zTXt, or an iTXt with its compression flag set, which the spec forbids but
 * readers must cope with) is inflated by `inflate`, which caps its output.
 *
 * @throws BadgeError `PNG_MALFORMED`, `NOT_BAKED`, `PAYLOAD_TOO_LARGE` or `PAYLOAD_UNRECOGNISED`.
 * @example
 * ```ts
 * const badge = unbakePng(bytes, { maxPayloadBytes: 4 << 20, maxDepth: 256 }, inflatePng)
 * badge.keyword // 'openbadgecredential'
 * ```
 */
export function unbakePng(bytes: Uint8Array, options: ResolvedUnbakeOptions, inflate: PngInflater): UnbakedBadge {
  let found: { ref: PngChunkRef; keyword: BadgeKeyword } | undefined;
  // Walk to IEND even after a match so a truncated file is reported as such, consistently.
  for (const ref of walkPngChunks(bytes)) {
    if (found !== undefined) continue;
    const keyword = badgeKeywordOf(bytes, ref);
    if (keyword !== null) found = { ref, keyword };
  }
  if (found === undefined) throw new BadgeError('NOT_BAKED', 'The PNG has no Open Badges text chunk.');
  const { ref, keyword } = found;
  checkCrc(bytes, ref);
  const { text, compressed } = readTextChunk(bytes, ref, keyword.length + 1, options.maxPayloadBytes, inflate);
  const payload = text.trim();
  if (payload === '') throw new BadgeError('NOT_BAKED', `The ${ref.type} chunk "${keyword}" is empty.`);
  const payloadType = classifyPayload(payload);
  if (payloadType === null) {
    throw new BadgeError(
      'PAYLOAD_UNRECOGNISED',
      `The ${ref.type} chunk "${keyword}" holds neither JSON, a compact JWS nor a URL.`,
    );
  }
  return {
    container: 'png',
    source: `${ref.type}:${keyword}`,
    keyword,
    chunk: ref.type as 'iTXt' | 'tEXt' | 'zTXt',
    compressed,
    payload,
    payloadType,
    version: keyword === 'openbadges' ? '2.0' : '3.0',
  };
}

/** Decodes the text after the keyword's NUL, per chunk type (PNG spec §11.3.4). */
function readTextChunk(
  bytes: Uint8Array,
  ref: PngChunkRef,
  afterKeyword: number,
  cap: number,
  inflate: PngInflater,
): { text: string; compressed: boolean } {
  let p = ref.dataStart + afterKeyword;
  const end = ref.dataEnd;
  if (ref.type === 'tEXt') {
    return { text: decodeLegacyText(capped(bytes.subarray(p, end), cap)), compressed: false };
  }
  if (ref.type === 'zTXt') {
    if (p >= end) throw malformed('The zTXt chunk has no compression method.');
    if (bytes[p] !== 0) throw malformed('The zTXt chunk uses an unknown compression method.');
    const inflated = inflate(capped(bytes.subarray(p + 1, end), cap), cap);
    return { text: decodeLegacyText(inflated), compressed: true };
  }
  // iTXt: compression flag, compression method, language tag\0, translated keyword\0, text.
  if (p + 2 > end) throw malformed('The iTXt chunk ends inside its header.');
  const flag = bytes[p] as number;
  const method = bytes[p + 1] as number;
  if (flag > 1) throw malformed('The iTXt chunk has an invalid compression flag.');
  if (flag === 1 && method !== 0) throw malformed('The iTXt chunk uses an unknown compression method.');
  p += 2;
  for (let field = 0; field < 2; field++) {
    // Search inside the chunk only: a missing NUL must not send us scanning the rest of the file.
    const nul = bytes.subarray(p, end).indexOf(0);
    if (nul < 0) throw malformed('The iTXt chunk ends inside its header.');
    p += nul + 1;
  }
  const raw = capped(bytes.subarray(p, end), cap);
  const data = flag === 1 ? inflate(raw, cap) : raw;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), compressed: flag === 1 };
  } catch (cause) {
    throw new BadgeError('PNG_MALFORMED', 'The iTXt text is not valid UTF-8.', { cause });
  }
}

function capped(data: Uint8Array, cap: number): Uint8Array {
  if (data.length > cap) {
    throw new BadgeError('PAYLOAD_TOO_LARGE', `The baked payload is larger than ${cap} bytes.`);
  }
  return data;
}

/**
 * tEXt and zTXt are Latin-1 by the spec, yet bakers routinely store UTF-8 JSON in them; valid
 * UTF-8 is read as such (pure ASCII reads the same either way), anything else as Latin-1.
 */
function decodeLegacyText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Not TextDecoder('latin1'): the Encoding Standard maps that label to windows-1252.
    let s = '';
    for (let i = 0; i < data.length; i += 8192) {
      s += String.fromCharCode(...data.subarray(i, i + 8192));
    }
    return s;
  }
}

/**
 * Inflates a zlib stream into at most `cap` bytes (src/unbake/inflate.ts's `inflateZlib` with
 * the `PNG_MALFORMED` code). Injected rather than imported: compressed text chunks are rare,
 * so the verifier loads the inflater only when a PNG has one (see src/verify/input.ts).
 *
 * @throws BadgeError `PAYLOAD_TOO_LARGE` past the cap, `PNG_MALFORMED` for a corrupt stream.
 * @example
 * ```ts
 * const inflate: PngInflater = (data, cap) => inflateZlib(data, cap, 'PNG_MALFORMED');
 * ```
 */
export type PngInflater = (data: Uint8Array, cap: number) => Uint8Array;

/**
 * Builds an uncompressed `iTXt` chunk (length, type, data, CRC). The OB specs say the badge
 * chunk MUST NOT be compressed, and the language tag and translated keyword stay empty.
 *
 * @example
 * ```ts
 * const chunk = makeITXtChunk('openbadgecredential', jwt)
 * ```
 */
export function makeITXtChunk(keyword: BadgeKeyword, text: string): Uint8Array {
  const textBytes = new TextEncoder().encode(text);
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0
  const headerLength = keyword.length + 5;
  const length = headerLength + textBytes.length;
  if (length > MAX_CHUNK_LENGTH) throw new BadgeError('PAYLOAD_TOO_LARGE', 'The payload does not fit in a PNG chunk.');
  const chunk = new Uint8Array(12 + length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, length);
  chunk.set([0x69, 0x54, 0x58, 0x74], 4); // "iTXt"
  for (let i = 0; i < keyword.length; i++) chunk[8 + i] = keyword.charCodeAt(i);
  // The five header bytes after the keyword are already zero.
  chunk.set(textBytes, 8 + headerLength);
  view.setUint32(8 + length, crc32(chunk, 4, 8 + length));
  return chunk;
}

/**
 * Returns a copy of the PNG with every existing badge text chunk removed and one uncompressed
 * `iTXt` chunk carrying `text` under `keyword` inserted just before `IEND`. Other chunks are
 * copied byte for byte; anything after `IEND` is dropped.
 *
 * @throws BadgeError `PNG_MALFORMED` when the image cannot be walked.
 * @example
 * ```ts
 * const baked = bakePng(png, 'openbadges', 'https://example.org/assertions/1')
 * ```
 */
export function bakePng(bytes: Uint8Array, keyword: BadgeKeyword, text: string): Uint8Array {
  const keep: PngChunkRef[] = [];
  let iend: PngChunkRef | undefined;
  for (const ref of walkPngChunks(bytes)) {
    if (ref.type === 'IEND') iend = ref;
    else if (badgeKeywordOf(bytes, ref) === null) keep.push(ref);
  }
  if (iend === undefined) throw malformed('The PNG has no IEND chunk.');
  const chunk = makeITXtChunk(keyword, text);
  let size = PNG_SIGNATURE.length + chunk.length + (iend.end - iend.start);
  for (const ref of keep) size += ref.end - ref.start;
  const out = new Uint8Array(size);
  out.set(PNG_SIGNATURE, 0);
  let o = PNG_SIGNATURE.length;
  for (const ref of keep) {
    out.set(bytes.subarray(ref.start, ref.end), o);
    o += ref.end - ref.start;
  }
  out.set(chunk, o);
  o += chunk.length;
  out.set(bytes.subarray(iend.start, iend.end), o);
  return out;
}
