import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/unbake/crc32.js';

describe('crc32', () => {
  it('matches the PNG CRC of an IEND chunk and the standard check value', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('covers only the requested range without copying', () => {
    const bytes = new TextEncoder().encode('xx123456789yy');
    expect(crc32(bytes, 2, 11)).toBe(0xcbf43926);
  });
});
