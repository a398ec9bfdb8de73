/**
 * Property tests: whatever arrives, verify() resolves to a well-formed, serialisable result
 * that is never `valid` without a network, and never throws (only misuse throws).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESULT_STATUSES } from '../../src/errors.js';
import type { VerificationResult } from '../../src/result.js';
import { verify } from '../../src/verify/verify.js';
import { mapFetch } from '../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const OB2 = 'https://w3id.org/openbadges/v2';

function wellFormed(result: VerificationResult): void {
  expect(RESULT_STATUSES).toContain(result.status);
  expect(result.verified).toBe(result.status === 'valid');
  // -0 in the caller's data becomes 0 in JSON, so compare serialisations.
  const text = JSON.stringify(result);
  expect(JSON.stringify(JSON.parse(text))).toBe(text);
  for (const error of result.errors) expect(typeof error.code).toBe('string');
}

/** Objects shaped like OB 2.0 assertions, with every property free to be anything. */
const assertionish = fc.record(
  {
    '@context': fc.oneof(fc.constant(OB2), fc.jsonValue()),
    type: fc.oneof(fc.constant('Assertion'), fc.jsonValue()),
    id: fc.oneof(fc.constant('https://badges.example.org/a.json'), fc.constant('urn:uuid:1'), fc.jsonValue()),
    recipient: fc.oneof(fc.record({ type: fc.jsonValue(), identity: fc.jsonValue(), hashed: fc.jsonValue(), salt: fc.jsonValue() }), fc.jsonValue()),
    badge: fc.oneof(fc.constant('https://badges.example.org/b.json'), fc.jsonValue(), fc.record({ name: fc.jsonValue(), issuer: fc.jsonValue(), image: fc.jsonValue() })),
    verification: fc.oneof(fc.record({ type: fc.constantFrom('hosted', 'signed', 'HostedBadge', 42), creator: fc.jsonValue() }), fc.jsonValue()),
    verify: fc.jsonValue(),
    issuedOn: fc.oneof(fc.constant('2020-01-01'), fc.jsonValue()),
    expires: fc.jsonValue(),
    revoked: fc.jsonValue(),
    uid: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('verify on arbitrary input', () => {
  it('never throws and never reports valid without a network, for OB-shaped objects', async () => {
    await fc.assert(
      fc.asyncProperty(assertionish, async (input) => {
        const result = await verify(input as Record<string, unknown>, { fetch: mapFetch([]), now: NOW });
        wellFormed(result);
        expect(result.status).not.toBe('valid');
      }),
      { numRuns: 150 },
    );
  });

  it('never throws for arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.constant('eyJhbGciOiJSUzI1NiJ9.')), async (text) => {
        const result = await verify(text, { fetch: mapFetch([]), now: NOW });
        wellFormed(result);
        expect(result.status).not.toBe('valid');
      }),
      { numRuns: 150 },
    );
  });

  it('never throws for arbitrary bytes, including ones that start like a PNG or SVG', async () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([...png, ...b])),
      fc.string().map((s) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg">${s}</svg>`)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        const result = await verify(input, { fetch: mapFetch([]), now: NOW });
        wellFormed(result);
        expect(result.status).not.toBe('valid');
      }),
      { numRuns: 150 },
    );
  });

  it('never throws whatever the issuer documents contain', async () => {
    const answer = fc.oneof(assertionish, fc.jsonValue(), fc.string());
    await fc.assert(
      fc.asyncProperty(assertionish, answer, async (input, body) => {
        const fetch = async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
        const result = await verify(input as Record<string, unknown>, { fetch, now: NOW });
        wellFormed(result);
      }),
      { numRuns: 150 },
    );
  });
});
