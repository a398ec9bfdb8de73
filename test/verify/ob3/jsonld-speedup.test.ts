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

describe('jsonld.js speed-ups, failure cases', () => {
  const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:key:z6MkoVH41zZyxwLQDdfzz8uDTqrEAJz4Hj5cS6paGZEPC2CS#z6MkoVH41zZyxwLQDdfzz8uDTqrEAJz4Hj5cS6paGZEPC2CS', created: '2026-01-15T00:00:00Z' };
  const credential = corpusJson('1EdTech-digital-credentials-public-validator/test-resources/ob30/complete.json');

  // The one place jsonld.js reads the `protected` set a cloned context inherits: a context
  // with protected terms (VC 2.0's, inherited through every clone) cannot be nullified.
  it.each([
    ['at the top of a nested node', (c: Record<string, unknown>) => ({ ...c, credentialSubject: { ...(c.credentialSubject as object), '@context': null } })],
    ['inside a typed node', (c: Record<string, unknown>) => {
      const subject = c.credentialSubject as Record<string, unknown>;
      return { ...c, credentialSubject: { ...subject, achievement: { ...(subject.achievement as object), '@context': null } } };
    }],
  ])('still refuse to nullify protected terms %s', async (_where, edit) => {
    await expect(canonicalForms(edit(credential), proof)).rejects.toMatchObject({ details: { code: 'invalid context nullification' } });
  });
});
