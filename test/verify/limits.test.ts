/**
 * The size and shape limits of verify(): hostile nesting ends in a coded result that still
 * survives JSON.stringify, and a large photo handed over as a Blob is verified, not refused.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/verify/verify.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/verify/json.js';
import { MAX_CANONICAL_VALUES } from '../../src/verify/ob3/data-integrity.js';
import { MAX_VALUES_PER_PROPERTY } from '../../src/verify/ob3/jsonld-node-maps.js';
import { crc32 } from '../../src/unbake/crc32.js';
import { Fetcher } from '../../src/verify/fetcher.js';
import { resolveOptions } from '../../src/verify/options.js';
import { bytesOf, jsonFetch, mapFetch } from '../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const EXAMPLES = new URL('../../examples/', import.meta.url);

const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A PNG chunk (length, type, data, CRC) as the PNG spec lays it out. */
function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

describe('nestsDeeperThan', () => {
  it('measures nesting without recursion', () => {
    expect(nestsDeeperThan(JSON.parse(nested(10)), 9)).toBe(true);
    expect(nestsDeeperThan(JSON.parse(nested(10)), 10)).toBe(false);
    expect(nestsDeeperThan([[[[]]]], 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });
});

describe('verify() limits', () => {
  it('reports JSON nested past the limit as PAYLOAD_TOO_LARGE, in a result JSON.stringify can write', async () => {
    const { fetch, calls } = jsonFetch({});
    const result = await verify(nested(5000), { fetch, now: NOW });
    expect(result.status).toBe('error');
    expect(result.errors.map((e) => e.code)).toContain('PAYLOAD_TOO_LARGE');
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(calls).toHaveLength(0);
  });

  it('accepts nesting up to the limit', async () => {
    const { fetch } = jsonFetch({});
    const result = await verify(nested(MAX_JSON_DEPTH - 1), { fetch, now: NOW });
    expect(result.errors.map((e) => e.code)).not.toContain('PAYLOAD_TOO_LARGE');
  });

  it('refuses a deeply nested object handed over directly', async () => {
    const { fetch } = jsonFetch({});
    const result = await verify(JSON.parse(nested(2000)) as Record<string, unknown>, { fetch, now: NOW });
    expect(result.status).toBe('error');
    expect(result.errors.map((e) => e.code)).toContain('PAYLOAD_TOO_LARGE');
  });

  it('treats a URL whose body nests past the limit like such text: an error', async () => {
    const url = 'https://badges.example.org/deep.json';
    const { fetch } = jsonFetch({ [url]: JSON.parse(nested(2000)) });
    const result = await verify(url, { fetch, now: NOW });
    expect(result.status).toBe('error');
    expect(result.errors.map((e) => e.code)).toContain('PAYLOAD_TOO_LARGE');
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('treats a linked document (issuer, key, status list) nested past the limit as RESOURCE_MALFORMED', async () => {
    const url = 'https://badges.example.org/issuer.json';
    const { fetch } = jsonFetch({ [url]: JSON.parse(nested(2000)) });
    const fetcher = new Fetcher(resolveOptions({ fetch }));
    await expect(fetcher.getJson(url)).rejects.toMatchObject({ code: 'RESOURCE_MALFORMED' });
  });

  it('verifies a 20 MB baked photo given as a Blob', async () => {
    const png = bytesOf(new URL('badges/ob2-valid.png', EXAMPLES));
    // An ancillary private chunk of 20 MiB before IEND stands in for a photo's image data.
    const iend = png.length - 12;
    const big = new Blob([png.subarray(0, iend), chunk('zzPh', new Uint8Array(20 * 1024 * 1024)), png.subarray(iend)]);
    const fetch = mapFetch([new URL('resources.json', EXAMPLES)]);
    const result = await verify(big, { fetch, now: NOW });
    expect(result.status).toBe('valid');
  });

  it('refuses a Blob larger than maxInputBytes before reading it', async () => {
    const { fetch } = jsonFetch({});
    const result = await verify(new Blob([new Uint8Array(2048)]), { fetch, now: NOW, maxInputBytes: 1024 });
    expect(result.errors.map((e) => e.code)).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});

describe('verify() with a documentLoader that never answers', () => {
  it('ends at the timeout, as cannot be checked (FETCH_TIMEOUT)', async () => {
    const credential = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('badges/ob3-valid.json', EXAMPLES), 'utf8')) as Record<string, unknown>;
    const contexts = [...(credential['@context'] as string[]), 'https://contexts.example.org/never.json'];
    const calls: string[] = [];
    const documentLoader = (url: string) => {
      calls.push(url);
      return new Promise<never>(() => {});
    };
    const { fetch } = jsonFetch({});
    const result = await verify({ ...credential, '@context': contexts }, { fetch, now: NOW, timeout: 50, documentLoader });
    expect(calls).toContain('https://contexts.example.org/never.json');
    // A context that could not be had: "cannot be checked", not "not genuine".
    expect([result.status, result.errors.map((e) => e.code)]).toEqual(['indeterminate', ['FETCH_TIMEOUT']]);
  });

  it('reports a loader that fails as a context that could not be had (FETCH_FAILED, indeterminate)', async () => {
    const credential = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('badges/ob3-valid.json', EXAMPLES), 'utf8')) as Record<string, unknown>;
    const contexts = [...(credential['@context'] as string[]), 'https://contexts.example.org/gone.json'];
    const documentLoader = async (url: string) => {
      throw new Error(`HTTP 404 for ${url}`);
    };
    const result = await verify({ ...credential, '@context': contexts }, { fetch: jsonFetch({}).fetch, now: NOW, documentLoader });
    expect([result.status, result.errors.map((e) => e.code)]).toEqual(['indeterminate', ['FETCH_FAILED']]);
  });

  it('ends when the caller aborts, as ABORTED', async () => {
    const credential = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('badges/ob3-valid.json', EXAMPLES), 'utf8')) as Record<string, unknown>;
    const contexts = [...(credential['@context'] as string[]), 'https://contexts.example.org/never.json'];
    const controller = new AbortController();
    const documentLoader = () => {
      setTimeout(() => controller.abort(), 10);
      return new Promise<never>(() => {});
    };
    const result = await verify({ ...credential, '@context': contexts }, { fetch: jsonFetch({}).fetch, now: NOW, timeout: 60_000, signal: controller.signal, documentLoader });
    expect(result.status).toBe('indeterminate');
    expect(result.errors.map((e) => e.code)).toContain('ABORTED');
  });
});

describe('verify() with a credential too large to canonicalise', () => {
  const credential = async () => JSON.parse(await (await import('node:fs/promises')).readFile(new URL('badges/ob3-valid.json', EXAMPLES), 'utf8')) as Record<string, unknown>;
  const evidence = (n: number) => Array.from({ length: n }, (_, i) => ({ type: ['Evidence'], name: `e${i}` }));
  const offline = () => jsonFetch({}).fetch;
  const outcome = (result: Awaited<ReturnType<typeof verify>>) => [result.status, result.errors.map((e) => e.code)];

  it('stops a property collecting more than MAX_VALUES_PER_PROPERTY values: PAYLOAD_TOO_LARGE', async () => {
    const result = await verify({ ...(await credential()), evidence: evidence(MAX_VALUES_PER_PROPERTY + 1) }, { fetch: offline(), now: NOW });
    expect(outcome(result)).toEqual(['error', ['PAYLOAD_TOO_LARGE']]);
  });

  it('counts the values that nodes sharing an id merge, though no JSON array is long', async () => {
    const parts = Array.from({ length: 300 }, (_, i) => ({ id: 'urn:example:one', type: ['Evidence'], name: Array.from({ length: 10 }, (_, j) => `n${i}-${j}`) }));
    const result = await verify({ ...(await credential()), evidence: parts }, { fetch: offline(), now: NOW });
    expect(outcome(result)).toEqual(['error', ['PAYLOAD_TOO_LARGE']]);
  });

  it('refuses more than MAX_CANONICAL_VALUES values before any JSON-LD work', async () => {
    const many = Array.from({ length: MAX_CANONICAL_VALUES / 2 }, (_, i) => i);
    const result = await verify({ ...(await credential()), 'https://ext.example/many': [many, many] }, { fetch: offline(), now: NOW });
    expect(outcome(result)).toEqual(['error', ['PAYLOAD_TOO_LARGE']]);
    expect(result.checks.find((c) => c.id === 'proof')?.message).toContain(`more than ${MAX_CANONICAL_VALUES} JSON values`);
  });

  it('still checks the proof at the limit (here: changed after signing, so invalid)', async () => {
    const result = await verify({ ...(await credential()), evidence: evidence(MAX_VALUES_PER_PROPERTY) }, { fetch: offline(), now: NOW });
    expect(outcome(result)).toEqual(['invalid', ['PROOF_INVALID']]);
  });
});
