import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentLoader } from '../../../src/verify/options.js';
import { validateJsonSchema } from '../../../src/verify/ob2/json-schema-lite.js';
import { verify } from '../../../src/verify/verify.js';
import { CORPUS, CORPUS_MAP, mapDocumentLoader, mapFetch } from '../../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const OB20 = '1EdTech-digital-credentials-public-validator/test-resources/ob20/';
const loader: DocumentLoader = mapDocumentLoader(CORPUS_MAP);

async function run(name: string, documentLoader?: DocumentLoader) {
  const file = new URL(`${OB20}${name}`, CORPUS);
  const text = readFileSync(file, 'utf8');
  const id = (JSON.parse(text) as { id: string }).id;
  const fetch = mapFetch([CORPUS_MAP], { [id]: { file } });
  const result = await verify(text, { fetch, now: NOW, ...(documentLoader ? { documentLoader } : {}) });
  return { result, extensions: result.checks.find((c) => c.id === 'extensions'), fetch };
}

describe('OB 2.0 extensions', () => {
  it('passes an extension whose compacted node fits its schema', async () => {
    const { result, extensions } = await run('assertion-with-extension-node-basic.json', loader);
    expect(result.status).toBe('valid');
    expect(extensions?.status).toBe('passed');
  });

  it('checks every schema of a node with two extension types', async () => {
    const { extensions, fetch } = await run('assertion-with-multiple-extensions.json', loader);
    expect(extensions?.status).toBe('passed');
    expect(fetch.calls).toEqual(expect.arrayContaining(['https://openbadgespec.org/extensions/exampleExtension/schema.json', 'https://openbadgespec.org/extensions/applyLinkExtension/schema.json']));
  });

  it('reports INVALID_PROPERTY for an extension that fails its schema, naming the node', async () => {
    const { result, extensions } = await run('assertion-with-extension-node-invalid.json', loader);
    expect(result.status).toBe('invalid');
    expect(extensions).toMatchObject({ status: 'failed', code: 'INVALID_PROPERTY', property: 'Assertion.extensions:exampleExtension' });
  });

  it('never fetches an extension context itself: without a loader it only warns', async () => {
    const { result, extensions, fetch } = await run('assertion-with-extension-node-invalid.json');
    expect(result.status).toBe('valid');
    expect(extensions?.status).toBe('warning');
    expect(fetch.calls.some((u) => u.includes('context.json'))).toBe(false);
  });
});

describe('validateJsonSchema', () => {
  it('checks type, required, properties, items, enum and bounds', () => {
    const schema = {
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { type: 'string', minLength: 2 }, b: { type: 'array', items: { type: 'integer', maximum: 3 } }, c: { enum: ['x', 'y'] } },
      additionalProperties: false,
    };
    expect(validateJsonSchema(schema, { a: 'ok', b: [1, 2] })).toEqual([]);
    expect(validateJsonSchema(schema, { a: 'k', b: [1, 4.5], c: 'z', d: 1 })).toEqual([
      '$.a is too short',
      '$.b[1] must be integer, not number',
      '$.c is not one of the allowed values',
      '$.d is not allowed',
    ]);
    expect(validateJsonSchema(schema, 'nope')).toEqual(['$ must be object, not string']);
  });

  it('supports anyOf and oneOf', () => {
    expect(validateJsonSchema({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toEqual(['$ matches none of anyOf']);
    expect(validateJsonSchema({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 3)).toEqual(['$ must match exactly one of oneOf']);
  });

  it('ignores pattern, so a hostile regular expression cannot stall it', () => {
    expect(validateJsonSchema({ type: 'string', pattern: '^(a+)+$' }, `${'a'.repeat(40)}!`)).toEqual([]);
  });

  it('stops at a bounded depth on a self-nesting schema', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 100; i++) {
      const next: Record<string, unknown> = {};
      cursor.items = next;
      cursor = next;
    }
    let value: unknown = 1;
    for (let i = 0; i < 100; i++) value = [value];
    expect(validateJsonSchema(deep, value)[0]).toMatch(/too deeply/);
  });
});
