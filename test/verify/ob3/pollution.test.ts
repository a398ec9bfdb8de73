/**
 * A credential cannot reach the built-ins through jsonld.js's node map (src/verify/ob3/
 * jsonld-node-maps.ts): ids such as "__proto__" used to give Object.prototype an "@id", after
 * which every verification in the process failed.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import { guardNodeMaps } from '../../../src/verify/ob3/jsonld-node-maps.js';
import { verify } from '../../../src/verify/verify.js';

const NOW = '2026-11-23T00:00:00Z';
const credential = () => JSON.parse(readFileSync(new URL('../../../examples/badges/ob3-valid.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const offline = { fetch: (async (url: string) => { throw new TypeError(`offline test: ${url}`); }) as unknown as typeof fetch, now: NOW };

/** Own properties of the built-ins that a node map could write to. */
const builtins = () => [Object.prototype, Object, Object.prototype.toString, Object.prototype.hasOwnProperty].map((o) => Object.getOwnPropertyNames(o).sort().join());
const before = builtins();

afterEach(() => {
  for (const key of ['@id', '@type']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('ids that name built-ins', () => {
  it.each([
    ['refreshService', '__proto__'],
    ['refreshService', { id: '__proto__', type: 'X' }],
    ['evidence', [{ id: 'constructor', type: ['Evidence'] }]],
    ['termsOfUse', { id: 'toString', type: 'X' }],
    ['refreshService', { id: 'hasOwnProperty', type: 'X' }],
  ])('%s: %j leaves the built-ins alone, and the next badge verifies', async (property, value) => {
    const hostile = await verify({ ...credential(), [property]: value }, offline);
    // Changed after signing: the proof fails, and it fails cleanly.
    expect(hostile.status).toBe('invalid');
    expect(hostile.errors.map((e) => e.code)).toContain('PROOF_INVALID');
    expect(builtins()).toEqual(before);
    expect(({} as Record<string, unknown>)['@id']).toBeUndefined();
    const genuine = await verify(credential(), offline);
    expect([genuine.status, genuine.errors]).toEqual(['valid', []]);
  });
});

describe('guardNodeMaps', () => {
  it('keeps node ids as own keys of the node map, and the N-Quads unchanged', async () => {
    guardNodeMaps();
    guardNodeMaps(); // idempotent
    const node = (id: string) => ({ '@id': id, 'http://example.org/p': [{ '@value': id }] });
    const expanded = ['__proto__', 'constructor', 'toString', 'http://example.org/a'].map(node);
    const nquads = await jsonld.toRDF(expanded, { format: 'application/n-quads' });
    // Relative ids are not RDF (skipped); the absolute one is written as always.
    expect(nquads).toBe('<http://example.org/a> <http://example.org/p> "http://example.org/a" .\n');
    expect(builtins()).toEqual(before);
  });
});
