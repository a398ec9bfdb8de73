/**
 * GZIP decompression of a status list's bitstring, with a hard cap on the output: pako's
 * streaming inflater, fed in small slices so that the work per step stays bounded.
 *
 * The browser build (dist/browser/) replaces this module with src/shims/gunzip.ts, which
 * runs the unbake layer's small inflater instead of shipping pako's 10 KB (gzip) a second
 * time; both keep this contract, and test/shims/gunzip.test.ts holds them to the same answers.
 */
import { Inflate } from 'pako';
import { BadgeError } from '../../errors.js';

/**
 * Compressed input is fed to the inflater in slices this big, so that one slice can expand
 * to at most ~1 MiB (DEFLATE's ratio is bounded near 1032:1) before we look at the total
 * again: memory and CPU stay bounded however the stream is crafted.
 */
const INFLATE_SLICE_BYTES = 1024;

/**
 * Inflate one GZIP member, output capped at `maxBytes`. Output past the cap is dropped and
 * stops the work, so a bomb costs at most a slice's worth of inflation beyond the cap.
 *
 * @throws BadgeError `RESOURCE_MALFORMED` (not GZIP, corrupt, truncated) or
 *   `PAYLOAD_TOO_LARGE` (expands past `maxBytes`).
 * @example
 * ```ts
 * const bits = gunzip(compressed, 16 * 1024 * 1024);
 * ```
 */
export function gunzip(compressed: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  // 16 + 15: GZIP wrapper only (the specs say GZIP; a zlib or raw stream is malformed).
  const inflater = new Inflate({ windowBits: 31 });
  inflater.onData = (chunk) => {
    if (overflow) return;
    total += chunk.length;
    if (total > maxBytes) {
      overflow = true;
      chunks.length = 0;
      return;
    }
    // pako reuses nothing after handing a chunk over, but copy to be independent of it.
    chunks.push(chunk.slice());
  };
  inflater.onEnd = () => {};
  for (let offset = 0; offset < compressed.length && !inflater.ended; offset += INFLATE_SLICE_BYTES) {
    const last = offset + INFLATE_SLICE_BYTES >= compressed.length;
    inflater.push(compressed.subarray(offset, offset + INFLATE_SLICE_BYTES), last);
    if (overflow) {
      throw new BadgeError('PAYLOAD_TOO_LARGE', `the status list expands to more than ${maxBytes} bytes`);
    }
    if (inflater.err !== 0) throw new BadgeError('RESOURCE_MALFORMED', `encodedList is corrupt GZIP data (${inflater.msg || inflater.err})`);
  }
  if (!inflater.ended) throw new BadgeError('RESOURCE_MALFORMED', 'encodedList is truncated GZIP data');
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
