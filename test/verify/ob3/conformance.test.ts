/**
 * The OB 3.0 / VC cases of the conformance corpus (../shared/conformance/INDEX.md), through
 * verify() with a fetch that answers only from the corpus, at 2026-11-23. Where our verdict
 * differs from INDEX's "expected (source)" the `why` column says why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResultStatus } from '../../../src/errors.js';
import { verify } from '../../../src/verify/verify.js';
import { CORPUS, corpusFetch, corpusJson } from '../../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/';
const VC = 'digitalcredentials-verifier-core/credentials/';
const SPEC = '1EdTech-openbadges-specification/ob_v3p0/';

interface Case {
  file: string;
  status: ResultStatus;
  /** A code that must appear among the failed checks (or, for `valid`, among warnings). */
  code?: string;
  why?: string;
  /**
   * The verdict with `trustEmbeddedKeys` (1EdTech's reading), for cases whose key only the
   * credential vouches for (a URL-fragment Multikey, a JWT header jwk).
   */
  trusted?: ResultStatus;
}

const EMBEDDED =
  "1EdTech trusts the key in the URL fragment / JWT header; the issuer's document is not in the corpus, so ownership cannot be confirmed: indeterminate by default";

const CASES: Case[] = [
  { file: `${DCPV}clr20/simple.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: `CLR 2.0 is a VC but not an Open Badge (structure warning). ${EMBEDDED}` },
  { file: `${DCPV}ob30/bit-string-list/credential-status-revoked-blank-nodes.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'revoked', why: EMBEDDED },
  { file: `${DCPV}ob30/bit-string-list/credential-status-revoked.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'revoked', why: EMBEDDED },
  { file: `${DCPV}ob30/complete.json`, status: 'indeterminate', code: 'STATUS_UNAVAILABLE', why: 'INDEX: INVALID (schema ref 404). Its 1EdTechRevocationList is a live service not in the corpus, so status cannot be told; schema is the status helper\'s check' },
  { file: `${DCPV}ob30/complete_v1.json`, status: 'expired', code: 'EXPIRED', why: 'INDEX: INVALID (schema ref). Key document unreachable (indeterminate) and expired: expired wins' },
  { file: `${DCPV}ob30/credential-status-revoked.json`, status: 'indeterminate', code: 'DID_UNRESOLVED', why: 'INDEX: revoked via a live 1EdTech endpoint and a live did:web, neither in the corpus' },
  { file: `${DCPV}ob30/endorsement-err-schema-status-refresh.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/endorsement-valid.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/sd/derivedcredential.json`, status: 'invalid', code: 'UNSUPPORTED_PROOF', why: 'INDEX: VALID. ecdsa-sd-2023 is not in our accepted suite list (brief: unsupported proof → invalid)' },
  { file: `${DCPV}ob30/simple-context-alias.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple-context-version.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: `INDEX: a context-version probe fires (older 3.0.2 context). ${EMBEDDED}` },
  { file: `${DCPV}ob30/simple-did-key-method.json`, status: 'invalid', code: 'KEY_NOT_OWNED', why: 'INDEX: VALID. The did:key is not the issuer (urn:uuid): the issuer does not control the key' },
  { file: `${DCPV}ob30/simple-did-web-method.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple-eddsa-2022.json`, status: 'invalid', code: 'UNSUPPORTED_PROOF', why: 'INDEX: VALID with warning. Legacy cryptosuite name eddsa-2022 is not accepted (brief)' },
  { file: `${DCPV}ob30/simple-err-context.json`, status: 'invalid', code: 'INVALID_CONTEXT' },
  { file: `${DCPV}ob30/simple-err-credential-subject-achievement-result-description-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-credential-subject-identifier-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-credential-subject-profile-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-credential-subject-result-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-credential-subject-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-evidence-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-expired.json`, status: 'expired', code: 'EXPIRED' },
  { file: `${DCPV}ob30/simple-err-issued.json`, status: 'not-yet-valid', code: 'NOT_YET_VALID' },
  { file: `${DCPV}ob30/simple-err-issuer-otheridentifier-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-issuer-parentorg-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-issuer-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-issuer.json`, status: 'invalid', code: 'MISSING_PROPERTY' },
  { file: `${DCPV}ob30/simple-err-proof-method-no-scheme.json`, status: 'invalid', code: 'KEY_UNSUPPORTED' },
  { file: `${DCPV}ob30/simple-err-proof-method-unknown-did-method.json`, status: 'invalid', code: 'KEY_UNSUPPORTED' },
  { file: `${DCPV}ob30/simple-err-proof-method-unknown-scheme.json`, status: 'invalid', code: 'KEY_UNSUPPORTED' },
  { file: `${DCPV}ob30/simple-err-proof-method.json`, status: 'invalid', code: 'KEY_MALFORMED' },
  { file: `${DCPV}ob30/simple-err-proof-value.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-err-type.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${DCPV}ob30/simple-multiple-proofs.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: `The unknown SomeProofType is a proof warning while the issuer\'s proof is undecided. ${EMBEDDED}` },
  { file: `${DCPV}ob30/simple-noproof.json`, status: 'invalid', code: 'PROOF_MISSING' },
  { file: `${DCPV}ob30/simple.1ob`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple_v1.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  ...['achievementAlignmentCase', 'achievementAlignmentCe', 'basicOpenBadgeCredential', 'skillAssertionCase', 'skillAssertionCtdl', 'endorsement', 'fullOpenBadge'].map(
    (name): Case => ({ file: `${SPEC}examples-extracted/${name}.json`, status: 'invalid', code: 'PROOF_MISSING', why: 'spec examples without proof: not verifiable' }),
  ),
  { file: `${VC}eddsa/v2/safeModeBreaker.json`, status: 'invalid', code: 'KEY_NOT_OWNED', why: 'FATAL in verifier-core (safe mode); its VM is not the issuer\'s, and the safe-mode failure is tested on its own below' },
  { file: `${VC}eddsa/v2/v2EddsaWithValidStatus.json`, status: 'valid' },
  { file: `${VC}eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json`, status: 'indeterminate', code: 'STATUS_UNAVAILABLE', why: 'signature verifies; status list not found → cannot tell' },
  { file: `${VC}eddsaAndEd25519/v2/v2DoubleSigWithValidStatus.json`, status: 'valid' },
  { file: `${VC}v1/testVC.json`, status: 'invalid', code: 'PROOF_INVALID' },
  { file: `${VC}v1/v1Expired.json`, status: 'expired', code: 'EXPIRED' },
  { file: `${VC}v1/v1ExpiredWithValidStatus.json`, status: 'expired', code: 'EXPIRED' },
  { file: `${VC}v1/v1NoStatus.json`, status: 'valid' },
  { file: `${VC}v1/v1OBv3SpecExample.json`, status: 'valid' },
  { file: `${VC}v1/v1Revoked.json`, status: 'revoked', code: 'REVOKED' },
  { file: `${VC}v1/v1RevokedAndExpired.json`, status: 'revoked', code: 'EXPIRED' },
  { file: `${VC}v1/v1SimpleIssuerId.json`, status: 'valid' },
  { file: `${VC}v1/v1WithValidStatus.json`, status: 'valid' },
  { file: `${VC}v2/didWeb/v2WithBadDidWeb.json`, status: 'indeterminate', code: 'DID_UNRESOLVED', why: 'verifier-core: fatal DID_WEB_UNRESOLVED. CONTRACT: a DID that cannot be resolved is indeterminate' },
  { file: `${VC}v2/didWeb/v2didWebMultikeyWithValidStatus.json`, status: 'valid' },
  { file: `${VC}v2/didWeb/v2didWebWithValidStatus.json`, status: 'valid' },
  { file: `${VC}v2/v2Expired.json`, status: 'expired', code: 'EXPIRED' },
  { file: `${VC}v2/v2ExpiredWithValidStatus.json`, status: 'expired', code: 'EXPIRED' },
  { file: `${VC}v2/v2NoStatus.json`, status: 'valid' },
  { file: `${VC}v2/v2OBv3SpecExample.json`, status: 'valid' },
  { file: `${VC}v2/v2Revoked.json`, status: 'revoked', code: 'REVOKED' },
  { file: `${VC}v2/v2RevokedAndExpired.json`, status: 'revoked', code: 'EXPIRED' },
  { file: `${VC}v2/v2SimpleIssuerId.json`, status: 'valid' },
  { file: `${VC}v2/v2WithValidStatus.json`, status: 'valid' },
  { file: 'w3c-ccg-vc-ed/plugfest-2-2022/signed_badge_example-p2.json', status: 'valid' },
  { file: 'w3c-ccg-vc-ed/plugfest-3-2023/signed_badge_example-p3.json', status: 'invalid', code: 'UNSUPPORTED_PROOF' },
  { file: `${SPEC}impl/test-vectors/obv3p0-extracted/signed-credential.json`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  // VC-JWT
  { file: `${DCPV}clr20/simple.jwt`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple.jwt`, status: 'indeterminate', code: 'FETCH_FAILED', why: 'no key in the header; the issuer profile that would hold it is not in the corpus' },
  { file: `${DCPV}ob30/velocity.jwt`, status: 'invalid', code: 'KEY_UNSUPPORTED', why: 'did:velocity is not a DID method we resolve (1EdTech: INVALID for a context reason)' },
  // Baked OB 3.0
  { file: `${DCPV}ob30/simple-json.png`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple-json.svg`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple-jwt.png`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple-jwt.svg`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple-jwt_v1.png`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
  { file: `${DCPV}ob30/simple-jwt_v1.svg`, status: 'indeterminate', code: 'FETCH_FAILED', trusted: 'valid', why: EMBEDDED },
];

function input(file: string): Uint8Array | string {
  const bytes = new Uint8Array(readFileSync(new URL(file, CORPUS)));
  return /\.(png|svg)$/.test(file) ? bytes : new TextDecoder().decode(bytes);
}

async function check(value: unknown, options: Parameters<typeof verify>[1] = {}) {
  const { fetch } = corpusFetch();
  return verify(value as never, { fetch, now: NOW, ...options });
}

function codes(result: Awaited<ReturnType<typeof verify>>): string[] {
  return result.checks.filter((c) => c.status === 'failed' || c.status === 'warning').map((c) => c.code ?? '');
}

describe('OB 3.0 conformance corpus through verify()', () => {
  it.each(CASES)('$file is $status', async ({ file, status, code }) => {
    const result = await check(input(file));
    expect(result.status).toBe(status);
    expect(result.version).toBe('3.0');
    if (code) expect(codes(result)).toContain(code);
    if (status === 'valid') expect(result.badge?.issuer.id).toBeTruthy();
  });

  it.each(CASES.filter((c) => c.trusted))('$file is $trusted with trustEmbeddedKeys, with a key warning', async ({ file, trusted }) => {
    const result = await check(input(file), { trustEmbeddedKeys: true });
    expect(result.status).toBe(trusted);
    expect(result.checks).toContainEqual(expect.objectContaining({ id: 'key', status: 'warning', code: 'KEY_NOT_OWNED' }));
  });

  it('reports the achievement of a valid credential in the normalised badge', async () => {
    const result = await check(input(`${DCPV}ob30/simple.json`));
    expect(result.badge?.name).toBeTruthy();
    expect(result.badge?.issuer.id).toBe('https://example.com/issuers/876543');
    expect(result.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['structure', 'proof', 'status', 'expiry', 'issued', 'recipient', 'schema', 'endorsements']));
  });

  it('does not take a key from the verification method URL (1EdTech convention) on its word: the unreachable issuer document leaves it indeterminate', async () => {
    const result = await check(input(`${DCPV}ob30/simple.json`));
    expect(result.status).toBe('indeterminate');
    expect(result.checks).toContainEqual(expect.objectContaining({ id: 'proof', status: 'failed', code: 'FETCH_FAILED' }));
  });

  it('accepts a key taken from the verification method URL with trustEmbeddedKeys, with a warning that the issuer does not confirm it', async () => {
    const result = await check(input(`${DCPV}ob30/simple.json`), { trustEmbeddedKeys: true });
    expect(result.status).toBe('valid');
    expect(result.checks).toContainEqual(expect.objectContaining({ id: 'key', status: 'warning', code: 'KEY_NOT_OWNED' }));
  });
});

describe('derived negative cases (verifier-core)', () => {
  const bases = [`${VC}v1/v1NoStatus.json`, `${VC}v2/v2NoStatus.json`, `${VC}v1/v1Expired.json`, `${VC}v2/v2Expired.json`];

  it.each(bases)('reports PROOF_INVALID when the name of %s is tampered', async (file) => {
    const credential = { ...corpusJson<Record<string, unknown>>(file), name: 'tampered!' };
    const result = await check(credential);
    expect(result.status).toBe('invalid');
    expect(codes(result)).toContain('PROOF_INVALID');
  });

  it.each(bases.slice(0, 2))('reports PROOF_MISSING when the proof of %s is deleted', async (file) => {
    const credential = corpusJson(file);
    delete credential.proof;
    const result = await check(credential);
    expect(result.status).toBe('invalid');
    expect(codes(result)).toContain('PROOF_MISSING');
  });

  it.each(bases.slice(0, 2))('refuses a credential id that is not a URI (%s)', async (file) => {
    const result = await check({ ...corpusJson<Record<string, unknown>>(file), id: '0923lksjf' });
    expect(result.status).toBe('invalid');
    expect(codes(result)).toContain('INVALID_PROPERTY');
  });

  it.each(bases.slice(0, 2))('refuses %s without @context', async (file) => {
    const credential = corpusJson(file);
    delete credential['@context'];
    const result = await check(credential);
    expect(result.status).toBe('invalid');
    expect(codes(result)).toContain('INVALID_CONTEXT');
  });

  it.each(bases.slice(0, 2))('refuses %s without the VC context', async (file) => {
    const credential = corpusJson(file);
    credential['@context'] = (credential['@context'] as string[]).slice(1);
    const result = await check(credential);
    expect(result.status).toBe('invalid');
    expect(codes(result)).toContain('INVALID_CONTEXT');
  });
});
