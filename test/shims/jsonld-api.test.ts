// The API module our builds use in place of jsonld.js's (src/shims/jsonld-api.ts) gives
// jsonld.js's answers: the same expansion, the same RDF (and so the same canonical form and
// signatures), the same safe-mode refusals, the same initial contexts.
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { defaultDocumentLoader } from '../../src/contexts/index.js';
import api from '../../src/shims/jsonld-api.js';
import { CORPUS_URL } from '../helpers/corpus-dir.js';

const corpus = (file: string) => JSON.parse(readFileSync(new URL(file, CORPUS_URL), 'utf8'));
const reference = jsonld as unknown as typeof api;

const DOCUMENTS = [
  'digitalcredentials-verifier-core/credentials/v2/v2NoStatus.json',
  'digitalcredentials-verifier-core/credentials/v1/v1WithValidStatus.json',
  'digitalcredentials-verifier-core/credentials/eddsa/v2/v2EddsaWithValidStatus.json',
  '1EdTech-digital-credentials-public-validator/test-resources/ob30/simple.json',
  '1EdTech-digital-credentials-public-validator/test-resources/clr20/simple.json',
];

// As the suites canonicalise: safe mode, no base, i18n-datatype directions.
const SUITE_OPTIONS = { safe: true, base: null, rdfDirection: 'i18n-datatype', produceGeneralizedRdf: false, documentLoader: defaultDocumentLoader };

/** The outcome of a call: its value, or the name and message of what it threw. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await call() };
  } catch (error) {
    return { threw: (error as Error).name, message: (error as Error).message };
  }
}

describe('jsonld-api (our builds) against jsonld.js', () => {
  it.each(DOCUMENTS)('expands and converts %s to the same RDF', async (file) => {
    const doc = corpus(file);
    expect(await api.expand(doc, SUITE_OPTIONS)).toEqual(await reference.expand(doc, SUITE_OPTIONS));
    const nquads = await api.toRDF(doc, { ...SUITE_OPTIONS, format: 'application/n-quads' });
    expect(nquads).toBe(await reference.toRDF(doc, { ...SUITE_OPTIONS, format: 'application/n-quads' }));
    expect(String(nquads).split('\n').length).toBeGreaterThan(5);
    expect(await api.toRDF(doc, SUITE_OPTIONS)).toEqual(await reference.toRDF(doc, SUITE_OPTIONS));
  });

  it('converts already-expanded input as is (skipExpansion)', async () => {
    const expanded = await reference.expand(corpus(DOCUMENTS[0]!), SUITE_OPTIONS);
    const options = { ...SUITE_OPTIONS, skipExpansion: true, format: 'application/n-quads' };
    expect(await api.toRDF(expanded, options)).toBe(await reference.toRDF(expanded, options));
  });

  it.each([
    ['a term no context defines', { '@context': 'https://www.w3.org/ns/credentials/v2', unknownTerm: 'dropped?' }],
    ['a relative @type', { '@context': { '@vocab': null }, '@type': 'Relative', '@id': 'urn:x' }],
    ['a context that is not bundled', { '@context': 'https://evil.example/context.json', name: 'x' }],
  ])('refuses %s in safe mode as jsonld.js does', async (_what, doc) => {
    const ours = await outcome(() => api.toRDF(doc, SUITE_OPTIONS));
    expect(ours).toHaveProperty('threw');
    expect(ours).toEqual(await outcome(() => reference.toRDF(doc, SUITE_OPTIONS)));
  });

  it('hands out jsonld.js\'s own initial context (the one our speed-ups adjust)', async () => {
    expect(await api.processContext(null, null, {})).toBe(await reference.processContext(null, null, {}));
    const local = { '@context': { name: 'https://schema.org/name' } };
    const ours = (await api.processContext(await api.processContext(null, null, {}), local, {})) as { mappings: Map<string, unknown> };
    const theirs = (await reference.processContext(await reference.processContext(null, null, {}), local, {})) as { mappings: Map<string, unknown> };
    expect([...ours.mappings.keys()]).toEqual([...theirs.mappings.keys()]);
  });

  it('loads nothing without a loader, and refuses what it does not support', async () => {
    // (a context not met before: resolved contexts are shared between calls, as in jsonld.js)
    await expect(api.toRDF({ '@context': 'https://example.org/never-loaded/context.json', name: 'x' }, {})).rejects.toSatisfy(
      (error: { details?: { cause?: Error } }) => /no JSON-LD document without a loader/.test(String(error.details?.cause?.message)),
    );
    await expect(api.expand('https://example.org/doc.json')).rejects.toThrow(TypeError);
    await expect(api.toRDF({}, { format: 'text/turtle', documentLoader: defaultDocumentLoader })).rejects.toThrow(/Unknown output format/);
    expect(() => api.frame()).toThrow(/left out/);
  });
});
