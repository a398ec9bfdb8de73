import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyMany } from '../../src/verify/batch.js';
import { CORPUS, CORPUS_MAP, mapFetch } from '../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const OB20 = new URL('1EdTech-digital-credentials-public-validator/test-resources/ob20/', CORPUS);
const text = (name: string) => readFileSync(new URL(name, OB20), 'utf8');

describe('verifyMany', () => {
  it('returns results in input order, labelled, with one request per URL for the whole batch', async () => {
    const fetch = mapFetch([CORPUS_MAP], { 'https://example.org/beths-robotics-badge.json': { file: new URL('basic-assertion.json', OB20) } });
    const results = await verifyMany(
      [
        { input: text('simple.jwt'), label: 'a.jwt' },
        { input: text('basic-assertion.json'), label: 'b.json' },
        text('simple-revoked.jwt'),
        'not a badge',
      ],
      { fetch, now: NOW, concurrency: 2 },
    );
    expect(results.map((r) => [r.input, r.status])).toEqual([
      ['a.jwt', 'valid'],
      ['b.json', 'valid'],
      ['<text>', 'revoked'],
      ['<text>', 'error'],
    ]);
    const counts = new Map<string, number>();
    for (const url of fetch.calls) counts.set(url, (counts.get(url) ?? 0) + 1);
    expect(counts.get('https://example.org/organization.json')).toBe(1);
    expect(counts.get('https://example.org/robotics-badge.json')).toBe(1);
  });

  it('never runs more verifications at once than the concurrency allows', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = async (): Promise<Response> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return new Response('nope', { status: 404 });
    };
    const inputs = Array.from({ length: 9 }, (_, i) => `https://badges.example.org/a/${i}.json`);
    const results = await verifyMany(inputs, { fetch: slow as typeof fetch, now: NOW, concurrency: 3 });
    expect(peak).toBeLessThanOrEqual(3);
    expect(results.map((r) => r.input)).toEqual(inputs);
    expect(results.every((r) => r.status === 'indeterminate')).toBe(true);
  });

  it('streams each result to onResult with its index', async () => {
    const seen: Array<[number, string]> = [];
    await verifyMany(['{}', 'x'], { now: NOW, fetch: mapFetch([]), onResult: (r, i) => seen.push([i, r.status]) });
    expect(seen.sort()).toEqual([
      [0, 'error'],
      [1, 'error'],
    ]);
  });

  it('resolves to an empty list for an empty batch', async () => {
    await expect(verifyMany([], { fetch: mapFetch([]) })).resolves.toEqual([]);
  });
});

describe('verifyMany misuse', () => {
  it('throws TypeError when inputs is not an array', async () => {
    await expect(verifyMany('a' as unknown as string[])).rejects.toBeInstanceOf(TypeError);
  });

  it('throws TypeError for an item of the wrong type', async () => {
    await expect(verifyMany([42 as unknown as string])).rejects.toBeInstanceOf(TypeError);
  });

  it('throws TypeError for a concurrency that is not a positive integer', async () => {
    await expect(verifyMany([], { concurrency: 0 })).rejects.toBeInstanceOf(TypeError);
    await expect(verifyMany([], { concurrency: 1.5 })).rejects.toBeInstanceOf(TypeError);
  });

  it('throws TypeError for bad verify options before doing any work', async () => {
    await expect(verifyMany(['{}'], { now: 'not a date' })).rejects.toBeInstanceOf(TypeError);
  });
});
