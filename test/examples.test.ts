/**
 * The sample badges in examples/badges/ (made by scripts/make-ob2-fixtures.mjs and
 * scripts/make-ob3-fixtures.mjs) verify to the status their file name promises, answered
 * only from examples/resources.json exactly as `verify-badge --resources` answers them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../src/verify/verify.js';
import type { ResultStatus } from '../src/errors.js';
import { mapFetch } from './helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const EXAMPLES = new URL('../examples/', import.meta.url);
const BADGES = new URL('badges/', EXAMPLES);
const files = readdirSync(BADGES).filter((name) => /\.(png|svg|json)$/.test(name)).sort();

/** The status a sample's name promises: `<version>-<status>[-variant].<ext>`, tampered meaning invalid. */
function promised(name: string): ResultStatus {
  const word = /^ob[23]-([a-z]+)/.exec(name)?.[1];
  if (word === 'tampered') return 'invalid';
  if (word === 'valid' || word === 'revoked' || word === 'expired') return word;
  throw new Error(`${name}: the file name promises no status`);
}

/** What the CLI reads: a .json file as text, an image as bytes. */
function input(name: string): string | Uint8Array {
  const bytes = new Uint8Array(readFileSync(new URL(name, BADGES)));
  return name.endsWith('.json') ? new TextDecoder().decode(bytes) : bytes;
}

async function verifySample(name: string) {
  const fetch = mapFetch([new URL('resources.json', EXAMPLES)]);
  return { result: await verify(input(name), { fetch, now: NOW, label: name }), calls: fetch.calls };
}

describe('the sample badges', () => {
  it('cover both versions, PNG and SVG, valid, revoked, expired and tampered', () => {
    for (const name of ['ob2-revoked.png', 'ob2-expired.png', 'ob2-tampered.svg', 'ob3-revoked.png', 'ob3-expired.png', 'ob3-tampered.svg', 'ob3-valid-jwt.png']) {
      expect(files).toContain(name);
    }
  });

  it.each(files)('%s verifies to the status in its name', async (name) => {
    const { result } = await verifySample(name);
    expect({ name, status: result.status }).toEqual({ name, status: promised(name) });
    expect(result.version).toBe(name.startsWith('ob2-') ? '2.0' : '3.0');
  });

  it.each(files)('%s still shows which badge it is', async (name) => {
    const { result } = await verifySample(name);
    expect(result.badge?.name).toBeTruthy();
    expect(result.badge?.issuer.name).toBeTruthy();
  });
});

describe('why the samples that are not valid are not', () => {
  it.each([
    ['ob2-revoked.png', 'hosted', 'REVOKED'],
    ['ob2-expired.png', 'expiry', 'EXPIRED'],
    ['ob2-tampered.svg', 'proof', 'PROOF_INVALID'],
    ['ob3-revoked.png', 'status', 'REVOKED'],
    ['ob3-expired.png', 'expiry', 'EXPIRED'],
    ['ob3-tampered.svg', 'proof', 'PROOF_INVALID'],
    ['ob3-tampered.json', 'proof', 'PROOF_INVALID'],
  ])('%s fails its %s check with %s', async (name, id, code) => {
    const { result } = await verifySample(name);
    expect(result.checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.code])).toContainEqual([id, code]);
  });

  it('gives the issuer reason for the revoked OB 2.0 sample', async () => {
    const { result } = await verifySample('ob2-revoked.png');
    expect(result.errors[0]?.message).toContain('Awarded by mistake');
  });

  it('reads the OB 3.0 status list from the resources map, and would be indeterminate without it', async () => {
    const { calls } = await verifySample('ob3-revoked.png');
    expect(calls).toEqual(['https://issuer.example.org/status/revocation.json']);
    const offline = await verify(input('ob3-revoked.png'), { offline: true, now: NOW });
    expect(offline.status).toBe('indeterminate');
  });
});
