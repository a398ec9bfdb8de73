/**
 * Published test vectors: the 1EdTech OB 3.0 Linked Data Proof vector and the W3C
 * vc-di-eddsa vectors (eddsa-rdfc-2022, Ed25519Signature2020, proof set). We canonicalise
 * with the pipeline's own canonicalisation, sign with the published private key, and compare
 * bytes with the published N-Quads, hashes and signatures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalForms, verifyDataIntegrity } from '../../../src/verify/ob3/data-integrity.js';
import { base58btcDecode, base58btcEncode } from '../../../src/verify/keys/encoding.js';
import { Fetcher } from '../../../src/verify/fetcher.js';
import { resolveOptions, type DocumentLoader } from '../../../src/verify/options.js';
import { CORPUS, corpusFetch, corpusJson } from '../../helpers/corpus-fetch.js';

const OB = '1EdTech-openbadges-specification/ob_v3p0/impl/test-vectors/';
const W3C = 'w3c-vc-di-eddsa/TestVectors/';
const text = (path: string) => readFileSync(new URL(path, CORPUS), 'utf8');
const hex = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('hex');
const sha256 = async (s: string) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));

/** The W3C examples context is not bundled (it is @vocab only): the test supplies it, as a caller may. */
const examplesLoader: DocumentLoader = async (url) => {
  if (url === 'https://www.w3.org/ns/credentials/examples/v2') {
    return { documentUrl: url, document: JSON.parse(text('w3c-vc-data-model/contexts/credentials/examples/v2.jsonld')) };
  }
  throw new Error(`unexpected context ${url}`);
};

/** Import a 32-byte Ed25519 seed as a WebCrypto private key (PKCS#8 wrapping, RFC 8410). */
async function signingKey(seed: Uint8Array): Promise<CryptoKey> {
  const pkcs8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...seed]);
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
}

/** A multibase Ed25519 private key (multicodec 0x8026 + 32-byte seed). */
function seedOfMultibase(multibase: string): Uint8Array {
  const bytes = base58btcDecode(multibase.slice(1));
  expect([bytes[0], bytes[1]]).toEqual([0x80, 0x26]);
  return bytes.subarray(2, 34);
}

describe('1EdTech OB 3.0 Linked Data Proof test vector', () => {
  const vector = corpusJson<Record<string, string> & { proofConfig: Record<string, unknown> }>(`${OB}obv3p0-extracted/key-and-intermediates.json`);
  const credential = corpusJson(`${OB}obv3p0-extracted/credential.json`);

  it('reproduces the canonical N-Quads and hashes of document and proof configuration', async () => {
    const forms = await canonicalForms(credential, vector.proofConfig);
    expect(forms.document).toBe(text(`${OB}obv3p0/document-canon.txt`));
    expect(forms.proof).toBe(text(`${OB}obv3p0/proof-canon.txt`));
    expect(await sha256(forms.document)).toBe(vector.documentHashHex);
    expect(await sha256(forms.proof)).toBe(vector.proofHashHex);
    expect(hex(forms.verifyData)).toBe(vector.dataToSignHex);
  });

  it('signs to the published signature and proofValue with the published private key', async () => {
    const forms = await canonicalForms(credential, vector.proofConfig);
    const seed = Uint8Array.from(Buffer.from(vector.privateKeyHex!.slice(0, 64), 'hex'));
    const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', await signingKey(seed), new Uint8Array(forms.verifyData)));
    expect(hex(signature)).toBe(vector.signatureHex);
    expect('z' + base58btcEncode(signature)).toBe(vector.proofValue);
  });

  it('verifies the signed credential', async () => {
    const { fetch } = corpusFetch();
    const out = await verifyDataIntegrity(corpusJson(`${OB}obv3p0-extracted/signed-credential.json`), { fetcher: new Fetcher(resolveOptions({ fetch })) });
    expect(out.verified).toBe(true);
  });
});

describe('W3C vc-di-eddsa test vectors', () => {
  const unsigned = corpusJson(`${W3C}unsigned.json`);
  const { privateKeyMultibase } = corpusJson<Record<string, string>>(`${W3C}keyPair.json`);

  it.each([
    ['eddsa-rdfc-2022', 'proofConfigDataInt.json', 'canonDocDataInt.txt', 'proofCanonDataInt.txt', 'sigHexDataInt.txt', 'signedDataInt.json'],
    ['Ed25519Signature2020', 'proofConfigEdSig.json', 'canonDocEdSig.txt', 'proofCanonEdSig.txt', 'sigHexEdSig.txt', 'signedEdSig.json'],
  ])('%s: same canonical N-Quads, same signature, same proofValue', async (suite, config, canonDoc, canonProof, sigHex, signed) => {
    const dir = `${W3C}${suite}/`;
    const proofConfig = corpusJson(dir + config);
    const forms = await canonicalForms(unsigned, proofConfig, examplesLoader);
    expect(forms.document).toBe(text(dir + canonDoc));
    expect(forms.proof.trim()).toBe(text(dir + canonProof).trim());
    const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', await signingKey(seedOfMultibase(privateKeyMultibase!)), new Uint8Array(forms.verifyData)));
    expect(hex(signature)).toBe(text(dir + sigHex).trim());
    const published = corpusJson<{ proof: { proofValue: string } }>(dir + signed);
    expect('z' + base58btcEncode(signature)).toBe(published.proof.proofValue);
  });

  it('verifies each proof of the W3C proof set cryptographically, and refuses them as the issuer\'s (did:key is not https://vc.example/issuers/5678)', async () => {
    const { fetch } = corpusFetch();
    const out = await verifyDataIntegrity(corpusJson(`${W3C}proof-set-chain/signedProofSet2.json`), {
      fetcher: new Fetcher(resolveOptions({ fetch })),
      documentLoader: examplesLoader,
    });
    expect(out.verified).toBe(false);
    expect(out.results.map((r) => r.code)).toEqual(['KEY_NOT_OWNED', 'KEY_NOT_OWNED']);
  });

  it('holds each signature of the proof set over the canonical form', async () => {
    const credential = corpusJson(`${W3C}proof-set-chain/signedProofSet2.json`);
    // Each proof alone, as the credential of its own signer: the signatures themselves hold.
    for (const proof of credential.proof as Record<string, unknown>[]) {
      const forms = await canonicalForms(credential, proof, examplesLoader);
      const key = base58btcDecode(String(proof.verificationMethod).split('#')[1]!.slice(1)).subarray(2);
      const publicKey = await crypto.subtle.importKey('raw', new Uint8Array(key), 'Ed25519', false, ['verify']);
      const signature = base58btcDecode(String(proof.proofValue).slice(1));
      expect(await crypto.subtle.verify('Ed25519', publicKey, new Uint8Array(signature), new Uint8Array(forms.verifyData))).toBe(true);
    }
  });
});
