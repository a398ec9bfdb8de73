import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isBadgeError } from '../../src/errors.js';
import { bake, unbakeBytes } from '../../src/unbake/index.js';
import type { UnbakedBadge } from '../../src/unbake/index.js';
import { BADGE_KEYWORDS, walkPngChunks } from '../../src/unbake/png.js';
import { fixture } from './helpers.js';

const IMAGES = { png: fixture('after-idat.png'), svg: fixture('nested-badge.svg') } as const;

const base64url = (s: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const segment = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 1, maxLength: 200 });

/** Arbitrary JSON objects with any Unicode in keys and strings. */
const jsonPayload = fc
  .dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 })
  .map((o) => ({ text: JSON.stringify(o), type: 'json' as const }));
/** Compact JWS: a real base64url JSON header with `alg`, arbitrary payload and signature segments. */
const jwsPayload = fc
  .tuple(fc.constantFrom('RS256', 'ES256', 'EdDSA'), segment, segment)
  .map(([alg, p, s]) => ({ text: `${base64url(JSON.stringify({ alg, typ: 'JWT' }))}.${p}.${s}`, type: 'jws' as const }));
const urlPayload = fc
  .webUrl({ withQueryParameters: true, withFragments: true })
  .map((u) => ({ text: u, type: 'url' as const }));

const container = fc.constantFrom('png' as const, 'svg' as const);

/** The badge chunks (PNG) or badge elements (SVG) in a baked file. */
function badgeCount(bytes: Uint8Array): number {
  if (bytes[0] === 0x89) {
    const dec = new TextDecoder('latin1');
    return [...walkPngChunks(bytes)].filter((c) =>
      (BADGE_KEYWORDS as readonly string[]).includes(dec.decode(bytes.subarray(c.dataStart, c.dataStart + 20)).split('\0')[0] ?? ''),
    ).length;
  }
  return (new TextDecoder().decode(bytes).match(/<openbadges:(assertion|credential)\b/g) ?? []).length;
}

/** Runs unbake and says how it ended; anything but a result or a coded BadgeError fails. */
function outcome(bytes: Uint8Array): UnbakedBadge | string {
  try {
    return unbakeBytes(bytes);
  } catch (e) {
    if (isBadgeError(e) && ERROR_CODES.includes(e.code)) return e.code;
    throw e;
  }
}

describe('bake then unbake', () => {
  it('gives back any OB 2.0 payload (JSON, JWS or URL) from PNG and SVG', () => {
    fc.assert(
      fc.property(container, fc.oneof(jsonPayload, jwsPayload, urlPayload), (kind, p) => {
        const badge = unbakeBytes(bake(IMAGES[kind], p.text, { version: '2.0' }));
        expect(badge).toMatchObject({ container: kind, payload: p.text, payloadType: p.type, version: '2.0' });
      }),
      { numRuns: 150 },
    );
  });

  it('gives back any OB 3.0 payload (JSON or JWT) from PNG and SVG', () => {
    fc.assert(
      fc.property(container, fc.oneof(jsonPayload, jwsPayload), (kind, p) => {
        const badge = unbakeBytes(bake(IMAGES[kind], p.text, { version: '3.0' }));
        expect(badge).toMatchObject({ container: kind, payload: p.text, payloadType: p.type, version: '3.0' });
      }),
      { numRuns: 150 },
    );
  });

  it('replaces rather than duplicates when a badge is baked again', () => {
    fc.assert(
      fc.property(
        container,
        fc.array(fc.tuple(fc.oneof(jsonPayload, jwsPayload), fc.constantFrom('2.0' as const, '3.0' as const)), { minLength: 1, maxLength: 4 }),
        (kind, steps) => {
          let bytes: Uint8Array = IMAGES[kind];
          for (const [p, version] of steps) bytes = bake(bytes, p.text, { version });
          const [last, version] = steps[steps.length - 1]!;
          expect(badgeCount(bytes)).toBe(1);
          expect(unbakeBytes(bytes)).toMatchObject({ payload: last.text, version });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('damaged baked images', () => {
  const baked = {
    png: bake(IMAGES.png, { type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'x' }, { version: '3.0' }),
    svg: bake(IMAGES.svg, { type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'x' }, { version: '3.0' }),
  };

  it('end in a result or a coded BadgeError when truncated anywhere', () => {
    fc.assert(
      fc.property(container, fc.nat(), (kind, n) => {
        const bytes = baked[kind];
        outcome(bytes.subarray(0, n % bytes.length));
      }),
      { numRuns: 300 },
    );
  });

  it('end in a result or a coded BadgeError when bytes are flipped', () => {
    fc.assert(
      fc.property(
        container,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
        (kind, flips) => {
          const bytes = baked[kind].slice();
          for (const [at, mask] of flips) {
            const i = at % bytes.length;
            bytes[i] = (bytes[i] as number) ^ mask;
          }
          outcome(bytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('end in a result or a coded BadgeError for arbitrary bytes behind a PNG signature or an svg tag', () => {
    const prefixes = [baked.png.subarray(0, 33), new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">')];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 512 }), (prefix, tail) => {
        const bytes = new Uint8Array(prefix.length + tail.length);
        bytes.set(prefix);
        bytes.set(tail, prefix.length);
        outcome(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('end in a result or a coded BadgeError for arbitrary XML-ish text', () => {
    const xmlish = fc.array(
      fc.constantFrom('<', '>', '/', '=', '"', "'", '&', ';', '<![CDATA[', ']]>', '<!--', '-->', '<?', '?>', '<!DOCTYPE', '[', ']',
        'svg', 'ob:credential', 'xmlns:ob="https://purl.imsglobal.org/ob/v3p0"', 'verify', ' ', 'amp', '#x41', '{"a":1}'),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(xmlish, (parts) => {
        outcome(new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg">${parts.join('')}`));
      }),
      { numRuns: 400 },
    );
  });
});
