// Our bounded inflater against pako (the reference it replaces): every stream pako writes
// reads back byte for byte, and nothing thrown at it ends in anything but a coded BadgeError.
import fc from 'fast-check';
import { deflate, deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { isBadgeError } from '../../src/errors.js';
import { inflateZlib } from '../../src/unbake/inflate.js';
import { codeOf } from './helpers.js';

const CAP = 1 << 20;

/** Bytes from small alphabets and repeats as well as noise, so every block type turns up. */
const payload = fc.oneof(
  fc.uint8Array({ maxLength: 4000 }),
  fc.array(fc.constantFrom(...'{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}'), { maxLength: 6000 }).map((cs) => new TextEncoder().encode(cs.join(''))),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 2000 })).map(([unit, n]) => {
    const out = new Uint8Array(unit.length * n);
    for (let i = 0; i < n; i++) out.set(unit, i * unit.length);
    return out;
  }),
);
const level = fc.constantFrom(0, 1, 6, 9) as fc.Arbitrary<0 | 1 | 6 | 9>;
const strategy = fc.constantFrom(0, 1, 2, 3, 4);

/** Runs `f`; the outcome is its output or the code of the BadgeError it threw. Anything else fails. */
function outcome(f: () => Uint8Array): Uint8Array | string {
  try {
    return f();
  } catch (e) {
    if (isBadgeError(e)) return e.code;
    throw e;
  }
}

describe('inflating what pako deflates', () => {
  it('gives back the input of any zlib stream (stored, fixed and dynamic blocks, every strategy)', () => {
    fc.assert(
      fc.property(payload, level, strategy, (input, lvl, strat) => {
        expect(inflateZlib(deflate(input, { level: lvl, strategy: strat }), CAP)).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts output of exactly the cap', () => {
    const input = new Uint8Array(5000).fill(7);
    expect(inflateZlib(deflate(input), 5000)).toHaveLength(5000);
  });

});

describe('inflating bad input', () => {
  it('random bytes end in the caller-chosen malformed code or PAYLOAD_TOO_LARGE, never another error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (garbage) => {
        // A valid zlib header in front gets the garbage into the block decoder.
        const z = outcome(() => inflateZlib(new Uint8Array([0x78, 0x9c, ...garbage]), 64 * 1024));
        if (typeof z === 'string') expect(['PNG_MALFORMED', 'PAYLOAD_TOO_LARGE']).toContain(z);
      }),
      { numRuns: 2000 },
    );
  });

  it('a corrupted stream is refused or, when the damage is invisible to the checksum, read as the original', () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 255 }), (input, at, flip) => {
        const stream = deflate(input);
        stream[at % stream.length]! ^= flip;
        const result = outcome(() => inflateZlib(stream, CAP));
        if (typeof result === 'string') expect(['PNG_MALFORMED', 'PAYLOAD_TOO_LARGE']).toContain(result);
        else expect(result).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });

  it('a truncated stream is malformed', () => {
    fc.assert(
      fc.property(payload, fc.nat(), (input, cut) => {
        const stream = deflate(input);
        const short = stream.subarray(0, cut % stream.length);
        expect(outcome(() => inflateZlib(short, CAP, 'RESOURCE_MALFORMED'))).toBe('RESOURCE_MALFORMED');
      }),
      { numRuns: 300 },
    );
  });

  describe('reports', () => {
    it('PAYLOAD_TOO_LARGE one byte past the cap, and for a bomb without inflating it', () => {
      const input = new Uint8Array(5000).fill(7);
      expect(codeOf(() => inflateZlib(deflate(input), 4999))).toBe('PAYLOAD_TOO_LARGE');
      const bomb = deflate(new Uint8Array(64 * 1024 * 1024));
      const before = process.memoryUsage().arrayBuffers;
      const started = performance.now();
      expect(codeOf(() => inflateZlib(bomb, CAP))).toBe('PAYLOAD_TOO_LARGE');
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * CAP);
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it('the malformed code for a bad zlib header, a preset dictionary or a wrong Adler-32', () => {
      const stream = deflate(new TextEncoder().encode('hello hello hello'));
      expect(codeOf(() => inflateZlib(new Uint8Array([0x78, 0x9d, ...stream.subarray(2)]), CAP))).toBe('PNG_MALFORMED');
      expect(codeOf(() => inflateZlib(new Uint8Array([0x79, 0x9c, ...stream.subarray(2)]), CAP))).toBe('PNG_MALFORMED');
      const dictionary = new TextEncoder().encode('hello');
      expect(codeOf(() => inflateZlib(deflate(new TextEncoder().encode('hello'), { dictionary }), CAP))).toBe('PNG_MALFORMED');
      const badSum = stream.slice();
      badSum[badSum.length - 1]! ^= 1;
      expect(codeOf(() => inflateZlib(badSum, CAP, 'RESOURCE_MALFORMED'))).toBe('RESOURCE_MALFORMED');
    });

    it('the malformed code for an invalid block type and a distance before the start of the output', () => {
      expect(codeOf(() => inflateZlib(new Uint8Array([0x78, 0x9c, 0x07, 0, 0, 0, 0]), CAP))).toBe('PNG_MALFORMED');
      // A raw stream that refers back into a preset dictionary, wrapped as if it had none.
      const text = new TextEncoder().encode('verify-badge verify-badge');
      const raw = deflateRaw(text, { dictionary: text });
      expect(codeOf(() => inflateZlib(new Uint8Array([0x78, 0x9c, ...raw, 0, 0, 0, 0]), CAP))).toBe('PNG_MALFORMED');
    });

  });
});
