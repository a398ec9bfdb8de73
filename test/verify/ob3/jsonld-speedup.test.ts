/**
 * The jsonld.js speed-ups (shared term definitions, copy-on-write maps, type-scoped contexts
 * processed once) must not change a single canonical N-Quad. Compare our canonical form of
 * large corpus credentials with what an untouched jsonld.js computes in a separate process.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canonicalForms } from '../../../src/verify/ob3/data-integrity.js';
import { CORPUS, corpusJson } from '../../helpers/corpus-fetch.js';

const FILES = [
  '1EdTech-digital-credentials-public-validator/test-resources/ob30/complete.json',
  '1EdTech-digital-credentials-public-validator/test-resources/clr20/simple.json',
  'digitalcredentials-verifier-core/credentials/v1/v1WithValidStatus.json',
  'digitalcredentials-verifier-core/credentials/eddsaAndEd25519/v2/v2DoubleSigWithValidStatus.json',
];

/** Canonical N-Quads of a corpus file's document (proof removed), by plain jsonld.js in a fresh node. */
function referenceCanonical(file: string): string {
  const script = `
    import jsonld from 'jsonld';
    import { readFileSync } from 'node:fs';
    const corpus = new URL(${JSON.stringify(CORPUS.href)});
    const map = JSON.parse(readFileSync(new URL('url-map.json', corpus), 'utf8')).exact;
    const doc = JSON.parse(readFileSync(new URL(${JSON.stringify(file)}, corpus), 'utf8'));
    delete doc.proof;
    const documentLoader = async (url) => ({ documentUrl: url, document: JSON.parse(readFileSync(new URL(map[url], corpus), 'utf8')) });
    const nquads = await jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true, base: null, rdfDirection: 'i18n-datatype' });
    process.stdout.write(nquads);`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../../../', import.meta.url), encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

describe('jsonld.js speed-ups', () => {
  it.each(FILES)('leave the canonical N-Quads of %s unchanged', async (file) => {
    const credential = corpusJson(file);
    const proof = ([] as Record<string, unknown>[]).concat(credential.proof as never)[0]!;
    const ours = await canonicalForms(credential, proof);
    expect(ours.document).toBe(referenceCanonical(file));
  });
});
