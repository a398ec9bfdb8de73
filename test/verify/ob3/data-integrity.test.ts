import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Fetcher } from '../../../src/verify/fetcher.js';
import { resolveOptions, type DocumentLoader } from '../../../src/verify/options.js';
import { ACCEPTED_SUITES, canonicalForms, verifyDataIntegrity } from '../../../src/verify/ob3/data-integrity.js';
import { verify } from '../../../src/verify/verify.js';
import { corpusFetch, corpusJson } from '../../helpers/corpus-fetch.js';

const FIXTURES = new URL('../../fixtures/ob3/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<string, unknown>;
const env = () => ({ fetcher: new Fetcher(resolveOptions({ fetch: corpusFetch().fetch })) });
const EXTRA_CONTEXT = 'https://example.org/contexts/extra.json';
const extraLoader: DocumentLoader = async (url) => {
  if (url === EXTRA_CONTEXT) return { documentUrl: url, document: { '@context': { extraNote: 'https://example.org/vocab#extraNote' } } };
  throw new Error(`not here: ${url}`);
};

describe('Data Integrity proofs', () => {
  it('accepts exactly eddsa-rdfc-2022 and Ed25519Signature2020', () => {
    expect(ACCEPTED_SUITES).toEqual([{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }, { type: 'Ed25519Signature2020' }]);
  });

  it('passes a proof set when one proof by the issuer verifies, and reports the others', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const other = fixture('key-not-owned.json').proof;
    const out = await verifyDataIntegrity({ ...credential, proof: [other, credential.proof] }, env());
    expect(out.verified).toBe(true);
    expect(out.results.map((r) => r.code ?? 'OK')).toEqual(['KEY_NOT_OWNED', 'OK']);
  });
});

describe('Data Integrity failures', () => {
  it('cannot even canonicalise the verifier-core safe-mode breaker (JSON-LD safe mode), so it never verifies', async () => {
    const credential = corpusJson('digitalcredentials-verifier-core/credentials/eddsa/v2/safeModeBreaker.json');
    const [proof] = credential.proof as Record<string, unknown>[];
    await expect(canonicalForms(credential, proof!)).rejects.toThrow();
    const out = await verifyDataIntegrity(credential, env());
    expect(out.verified).toBe(false);
  });

  it('refuses a context that is not bundled with CONTEXT_NOT_ALLOWED, before any canonicalisation', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const out = await verifyDataIntegrity({ ...credential, '@context': [...(credential['@context'] as string[]), EXTRA_CONTEXT] }, env());
    expect(out.results.map((r) => r.code)).toEqual(['CONTEXT_NOT_ALLOWED']);
  });

  it('uses the caller\'s documentLoader for a context we do not bundle', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const asked: string[] = [];
    const loader: DocumentLoader = async (url) => {
      asked.push(url);
      return extraLoader(url);
    };
    // The extra context defines a term the credential does not use, so the signature still holds.
    const out = await verifyDataIntegrity({ ...credential, '@context': [...(credential['@context'] as string[]), EXTRA_CONTEXT] }, { ...env(), documentLoader: loader });
    expect(asked).toContain(EXTRA_CONTEXT);
    expect(out.verified).toBe(true);
  });

  it('still refuses a context a previous call\'s loader supplied (no leak through jsonld\'s shared cache)', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const withExtra = { ...credential, '@context': [...(credential['@context'] as string[]), EXTRA_CONTEXT] };
    await verifyDataIntegrity(withExtra, { ...env(), documentLoader: extraLoader });
    const out = await verifyDataIntegrity(withExtra, env());
    expect(out.results.map((r) => r.code)).toEqual(['CONTEXT_NOT_ALLOWED']);
  });

  it('makes an unknown context indeterminate through verify()', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const result = await verify({ ...credential, '@context': [...(credential['@context'] as string[]), EXTRA_CONTEXT] } as never, { fetch: corpusFetch().fetch, now: '2026-11-23T00:00:00Z' });
    expect(result.status).toBe('indeterminate');
    expect(result.errors.map((e) => e.code)).toContain('CONTEXT_NOT_ALLOWED');
  });

  it.each([
    ['a proof purpose other than assertionMethod', { proofPurpose: 'authentication' }, 'PROOF_INVALID'],
    ['the pre-standard cryptosuite name eddsa-2022', { cryptosuite: 'eddsa-2022' }, 'UNSUPPORTED_PROOF'],
    ['ecdsa-sd-2023', { cryptosuite: 'ecdsa-sd-2023' }, 'UNSUPPORTED_PROOF'],
    ['Ed25519Signature2018', { type: 'Ed25519Signature2018' }, 'UNSUPPORTED_PROOF'],
    ['a proofValue that is not multibase', { proofValue: 'not-a-signature' }, 'PROOF_INVALID'],
    ['no verificationMethod', { verificationMethod: undefined }, 'KEY_UNSUPPORTED'],
  ])('reports %s', async (_what, change, code) => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const out = await verifyDataIntegrity({ ...credential, proof: { ...(credential.proof as object), ...change } }, env());
    expect(out.verified).toBe(false);
    expect(out.results[0]?.code).toBe(code);
  });

  it('judges a key met before against each credential\'s own issuer (the key memo holds keys, not verdicts)', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    expect((await verifyDataIntegrity(credential, env())).verified).toBe(true);
    const otherIssuer = { ...credential, issuer: { ...(credential.issuer as object), id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' } };
    const out = await verifyDataIntegrity(otherIssuer, env());
    expect(out.results.map((r) => r.code)).toEqual(['KEY_NOT_OWNED']);
    expect((await verifyDataIntegrity({ ...credential, name: 'tampered' }, env())).results.map((r) => r.code)).toEqual(['PROOF_INVALID']);
  });

  it('reports a proof that is not an object', async () => {
    const out = await verifyDataIntegrity({ ...fixture('valid-eddsa-rdfc-2022.json'), proof: ['nope'] }, env());
    expect(out.results[0]?.code).toBe('PROOF_INVALID');
  });

  it('bounds the number of proofs it will check', async () => {
    const credential = fixture('valid-eddsa-rdfc-2022.json');
    const out = await verifyDataIntegrity({ ...credential, proof: Array.from({ length: 50 }, () => credential.proof) }, env());
    expect(out.verified).toBe(false);
    expect(out.results).toHaveLength(1);
  });
});
