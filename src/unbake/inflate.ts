/**
 * A small, bounded DEFLATE decoder (RFC 1951) with the zlib (RFC 1950) wrapper: compressed
 * PNG text chunks (zTXt, iTXt with the compression flag) are rare and small, and unbaking sits
 * on the element's synchronous, size-budgeted path, so a general-purpose library (pako, 30 KB
 * minified) is not worth shipping in every page. (OB 3.0 status lists are inflated by it too,
 * inside a GZIP wrapper: src/verify/status/gunzip.ts.)
 *
 * Everything is bounded by the caller's cap: output stops as soon as it would pass
 * `maxBytes` (PAYLOAD_TOO_LARGE), and the output buffer never grows beyond it, so a
 * "zip bomb" costs at most `maxBytes` of memory whatever it claims to expand to. Any other
 * defect (bad header, invalid code, distance too far back, truncation, checksum mismatch)
 * is the caller's "malformed" code. Synchronous, no I/O, no state between calls.
 *
 * The Huffman decoding is canonical-code walking (count of codes per length, symbols in
 * code order), as in zlib's reference decoder "puff": compact and easy to check, and fast
 * enough for inputs of this size.
 *
 * @packageDocumentation
 */
import { BadgeError, type ErrorCode } from './shared.js';

/** The longest Huffman code DEFLATE allows. */
const MAX_BITS = 15;

// RFC 1951 §3.2.5: base values and extra bits of the length (257..285) and distance codes.
const LENGTH_BASE = new Uint16Array([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]);
const LENGTH_EXTRA = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
const DIST_BASE = new Uint16Array([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
]);
const DIST_EXTRA = new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
// RFC 1951 §3.2.7: the order in which code length code lengths are sent.
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] as const;

/** Thrown inside the decoder; the wrappers turn it into the caller's BadgeError. */
class Malformed extends Error {}
class TooLarge extends Error {}

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  count: Uint16Array;
  symbol: Uint16Array;
}

/**
 * Build a canonical code from code lengths. Returns how many codes are left unused: 0 for a
 * complete code, more for an incomplete one, negative for an over-subscribed (invalid) one.
 */
function buildHuffman(lengths: Uint8Array, into: Huffman): number {
  const { count, symbol } = into;
  count.fill(0);
  for (let s = 0; s < lengths.length; s++) count[lengths[s]!]!++;
  if (count[0] === lengths.length) return 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = left * 2 - count[len]!;
    if (left < 0) return left;
  }
  const offsets = new Uint16Array(MAX_BITS + 1);
  for (let len = 1; len < MAX_BITS; len++) offsets[len + 1] = offsets[len]! + count[len]!;
  for (let s = 0; s < lengths.length; s++) if (lengths[s] !== 0) symbol[offsets[lengths[s]!]!++] = s;
  return left;
}

function huffman(size: number): Huffman {
  return { count: new Uint16Array(MAX_BITS + 1), symbol: new Uint16Array(size) };
}

/** The fixed codes of RFC 1951 §3.2.6, built on first use. */
let fixed: { lengths: Huffman; distances: Huffman } | undefined;
function fixedCodes(): { lengths: Huffman; distances: Huffman } {
  if (!fixed) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    const lengths = huffman(288);
    buildHuffman(l, lengths);
    const distances = huffman(30);
    buildHuffman(new Uint8Array(30).fill(5), distances);
    fixed = { lengths, distances };
  }
  return fixed;
}

/** Decoder state: input position and bit buffer, output and its cap. */
class Inflater {
  #in: Uint8Array;
  #pos: number;
  #bitBuf = 0;
  #bitCount = 0;
  #out: Uint8Array;
  #outLen = 0;
  readonly #max: number;

  constructor(input: Uint8Array, start: number, maxBytes: number) {
    this.#in = input;
    this.#pos = start;
    this.#max = maxBytes;
    // A first guess from the input size, never past the cap; grown by doubling as needed.
    this.#out = new Uint8Array(Math.min(maxBytes, Math.max(1024, (input.length - start) * 4)));
  }

  /** Position of the first input byte after the DEFLATE stream (once it has ended). */
  get position(): number {
    return this.#pos;
  }

  /** The output, in a buffer of its own size (callers may keep it). */
  get output(): Uint8Array {
    return this.#out.length === this.#outLen ? this.#out : this.#out.slice(0, this.#outLen);
  }

  #bits(n: number): number {
    let buf = this.#bitBuf;
    while (this.#bitCount < n) {
      if (this.#pos >= this.#in.length) throw new Malformed('the compressed data ends early');
      buf |= this.#in[this.#pos++]! << this.#bitCount;
      this.#bitCount += 8;
    }
    this.#bitBuf = buf >>> n;
    this.#bitCount -= n;
    return buf & ((1 << n) - 1);
  }

  #decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= this.#bits(1);
      const count = h.count[len]!;
      if (code - count < first) return h.symbol[index + (code - first)]!;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Malformed('an invalid Huffman code');
  }

  /** Room for `n` more bytes, or TooLarge when they would pass the cap. */
  #reserve(n: number): void {
    const need = this.#outLen + n;
    if (need > this.#max) throw new TooLarge();
    if (need > this.#out.length) {
      const grown = new Uint8Array(Math.min(this.#max, Math.max(need, this.#out.length * 2)));
      grown.set(this.#out.subarray(0, this.#outLen));
      this.#out = grown;
    }
  }

  /** Decode DEFLATE blocks until the final one ends. */
  run(): void {
    let last = 0;
    while (last === 0) {
      last = this.#bits(1);
      const type = this.#bits(2);
      if (type === 0) this.#stored();
      else if (type === 1) this.#codes(fixedCodes().lengths, fixedCodes().distances);
      else if (type === 2) this.#dynamic();
      else throw new Malformed('an invalid block type');
    }
    // Hand back the bytes the bit buffer read ahead of the stream's end.
    this.#pos -= this.#bitCount >>> 3;
    this.#bitBuf = 0;
    this.#bitCount = 0;
  }

  #stored(): void {
    // The rest of the current byte is padding; the bit buffer holds no whole unread byte here.
    this.#bitBuf = 0;
    this.#bitCount = 0;
    const p = this.#pos;
    if (p + 4 > this.#in.length) throw new Malformed('the compressed data ends early');
    const len = this.#in[p]! | (this.#in[p + 1]! << 8);
    const nlen = this.#in[p + 2]! | (this.#in[p + 3]! << 8);
    if (len !== (~nlen & 0xffff)) throw new Malformed('a stored block with a corrupt length');
    if (p + 4 + len > this.#in.length) throw new Malformed('the compressed data ends early');
    this.#reserve(len);
    this.#out.set(this.#in.subarray(p + 4, p + 4 + len), this.#outLen);
    this.#outLen += len;
    this.#pos = p + 4 + len;
  }

  #dynamic(): void {
    const nlen = this.#bits(5) + 257;
    const ndist = this.#bits(5) + 1;
    const ncode = this.#bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new Malformed('too many length or distance codes');
    const codeLengths = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) codeLengths[CODE_LENGTH_ORDER[i]!] = this.#bits(3);
    const lencode = huffman(19);
    if (buildHuffman(codeLengths, lencode) !== 0) throw new Malformed('an incomplete code length code');

    const lengths = new Uint8Array(nlen + ndist);
    for (let i = 0; i < nlen + ndist; ) {
      const symbol = this.#decode(lencode);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      let value = 0;
      let repeat: number;
      if (symbol === 16) {
        if (i === 0) throw new Malformed('a repeated length with no previous length');
        value = lengths[i - 1]!;
        repeat = 3 + this.#bits(2);
      } else if (symbol === 17) repeat = 3 + this.#bits(3);
      else repeat = 11 + this.#bits(7);
      if (i + repeat > nlen + ndist) throw new Malformed('too many code lengths');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new Malformed('no end-of-block code');

    const litlen = huffman(nlen);
    const litLeft = buildHuffman(lengths.subarray(0, nlen), litlen);
    // An incomplete code is accepted only when it is one code of length 1 (as zlib does):
    // RFC 1951 allows a single distance code, and encoders emit one.
    if (litLeft < 0 || (litLeft > 0 && nlen !== litlen.count[0]! + litlen.count[1]!)) throw new Malformed('an invalid literal/length code');
    const dist = huffman(ndist);
    const distLeft = buildHuffman(lengths.subarray(nlen), dist);
    if (distLeft < 0 || (distLeft > 0 && ndist !== dist.count[0]! + dist.count[1]!)) throw new Malformed('an invalid distance code');
    this.#codes(litlen, dist);
  }

  #codes(litlen: Huffman, dist: Huffman): void {
    for (;;) {
      const symbol = this.#decode(litlen);
      if (symbol < 256) {
        this.#reserve(1);
        this.#out[this.#outLen++] = symbol;
      } else if (symbol === 256) {
        return;
      } else {
        const l = symbol - 257;
        if (l >= 29) throw new Malformed('an invalid length code');
        const length = LENGTH_BASE[l]! + this.#bits(LENGTH_EXTRA[l]!);
        const d = this.#decode(dist);
        if (d >= 30) throw new Malformed('an invalid distance code');
        const distance = DIST_BASE[d]! + this.#bits(DIST_EXTRA[d]!);
        if (distance > this.#outLen) throw new Malformed('a distance too far back');
        this.#reserve(length);
        const out = this.#out;
        let o = this.#outLen;
        // Byte by byte: the source may overlap the bytes being written (a run).
        for (let i = 0; i < length; i++, o++) out[o] = out[o - distance]!;
        this.#outLen = o;
      }
    }
  }
}

/** What the caller calls a corrupt stream, and what it is (for messages). */
export interface Failure {
  code: ErrorCode;
  what: string;
}

/**
 * Inflate the raw DEFLATE stream that starts at `data[start]`: the output, and where the
 * stream ended (the first byte after it), for a wrapper to check its trailer.
 */
export function inflateFrom(data: Uint8Array, start: number, maxBytes: number, failure: Failure): { output: Uint8Array; end: number } {
  const inflater = new Inflater(data, start, maxBytes);
  try {
    inflater.run();
  } catch (error) {
    if (error instanceof TooLarge) throw new BadgeError('PAYLOAD_TOO_LARGE', `${failure.what} inflates past ${maxBytes} bytes`);
    if (error instanceof Malformed) throw new BadgeError(failure.code, `${failure.what} is corrupt: ${error.message}`);
    throw error;
  }
  return { output: inflater.output, end: inflater.position };
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552: the most bytes before the sums can pass 2^32 (zlib's NMAX).
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const readU32BE = (d: Uint8Array, p: number): number => ((d[p]! << 24) | (d[p + 1]! << 16) | (d[p + 2]! << 8) | d[p + 3]!) >>> 0;

/**
 * Inflate a zlib stream (RFC 1950, as PNG's compressed text chunks carry), checking its
 * header and Adler-32, with output capped at `maxBytes`.
 *
 * @param malformed the code for a corrupt or truncated stream (`PNG_MALFORMED` by default).
 * @throws BadgeError `PAYLOAD_TOO_LARGE` when the output would pass `maxBytes`, `malformed` otherwise.
 * @example
 * ```ts
 * const text = new TextDecoder().decode(inflateZlib(chunkData, 4 << 20));
 * ```
 */
export function inflateZlib(data: Uint8Array, maxBytes: number, malformed: ErrorCode = 'PNG_MALFORMED'): Uint8Array {
  const what = 'the zlib stream';
  if (data.length < 2) throw new BadgeError(malformed, `${what} is too short`);
  const cmf = data[0]!;
  const flg = data[1]!;
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0) throw new BadgeError(malformed, `${what} has an invalid header`);
  // A preset dictionary is something PNG never uses and we could not supply.
  if (flg & 0x20) throw new BadgeError(malformed, `${what} needs a preset dictionary`);
  const { output, end } = inflateFrom(data, 2, maxBytes, { code: malformed, what });
  if (end + 4 > data.length) throw new BadgeError(malformed, `${what} ends before its checksum`);
  if (readU32BE(data, end) !== adler32(output)) throw new BadgeError(malformed, `${what} fails its Adler-32 check`);
  return output;
}
