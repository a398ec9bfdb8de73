/**
 * CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320, reflected), used
 * to check the chunks we read and to sign the chunk we write.
 *
 * @packageDocumentation
 */

// Built once at load: a read-only lookup table, not mutable state.
const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 of `bytes[start, end)`, without copying the range.
 *
 * @example
 * ```ts
 * crc32(new TextEncoder().encode('IEND')) === 0xae426082
 * ```
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) {
    c = TABLE[(c ^ (bytes[i] as number)) & 0xff]! ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}
