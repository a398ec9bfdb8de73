/**
 * What verify-badge concludes for every case of the conformance corpus that has a verdict
 * (/work/shared/conformance/INDEX.md), run through the CLI with now = 2026-11-23 and the
 * corpus url-map.json as --resources.
 *
 * How INDEX wording maps to our statuses (CONTRACT.md):
 * - VALID / VERIFIED → `valid`; "VALID with WARNING" → `valid` plus at least one `warning` check.
 * - INVALID: revoked → `revoked`; expired → `expired`; not yet valid / issued in the future → `not-yet-valid`.
 * - A resource INDEX lists as unavailable (known_unavailable in url-map.json, or simply not in
 *   the corpus) → `indeterminate`: "can't tell" is never reported as valid, nor as invalid.
 * - UNSUPPORTED proof type → `invalid` UNSUPPORTED_PROOF. No proof at all → `invalid` PROOF_MISSING.
 * - INVALID for a JSON Schema reason only → `valid` with a schema warning (our default;
 *   `--strict-schema` makes it invalid). No case needs this today: simple-err-issuer.json is
 *   "INVALID: JSON schema" in INDEX but lacks `issuer`, which the VC data model itself requires,
 *   and OB 2.0 extension schemas are checked through the map's contexts (see below).
 * - A key only the credential vouches for (1EdTech's `<issuer URL>#<Multikey>` verification
 *   method, a VC-JWT header `jwk`) must be listed by the issuer's document; where that document
 *   is not in the corpus → `indeterminate` (FETCH_FAILED). `trusted` gives the verdict with
 *   `--trust-embedded-keys`, which reproduces INDEX (corpus.test.ts runs those cases again).
 * Every entry whose verdict is not INDEX's plain mapping says why in `differs`.
 * Files that are only dependencies (assets, contexts, schemas, DID documents, keys,
 * intermediates) are not inputs and are not listed.
 */
import type { ErrorCode, ResultStatus } from '../../src/errors.js';

export interface Expectation {
  /** Path relative to the corpus directory. */
  file: string;
  /** The status verify-badge must report. */
  status: ResultStatus;
  /** Other statuses accepted, only where INDEX itself allows two readings. */
  orElse?: ResultStatus[];
  /** For a status other than `valid`: at least one of these codes is among the result's errors. */
  codes?: ErrorCode[];
  /** A `valid` result must carry at least one `warning` check (INDEX "VALID with WARNING"). */
  warning?: boolean;
  /**
   * OB 2.0 hosted badges: the corpus file that is the hosted copy at the badge's `id`.
   * INDEX: "the hosted Assertion URLs themselves (e.g. https://example.org/beths-robotics-badge.json)
   * are the input files", and those ids are not in url-map.json; the suite serves the id
   * from this file through a per-case resources map. `'self'` = the input file itself.
   */
  hostedBy?: 'self' | string;
  /** One line citing INDEX (the source's test name or the offline check). */
  why: string;
  /** Set when our verdict is not INDEX's: the reason. */
  differs?: string;
  /**
   * The status with `--trust-embedded-keys`, for cases whose key only the credential vouches
   * for (a URL-fragment Multikey, a JWT header jwk): INDEX's verdict, which that flag reproduces.
   */
  trusted?: ResultStatus;
}

const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/';
const VC = 'digitalcredentials-verifier-core/credentials/';
const SPEC3 = '1EdTech-openbadges-specification/ob_v3p0/';

const KEY_NOT_OWNED_BY_ISSUER =
  'INDEX (and the source) check the signature only; the verification method is a did:key that the credential\'s issuer id does not name or control, and CONTRACT makes "key not owned by the issuer" invalid';
const EMBEDDED_KEY =
  "1EdTech's validator trusts the key in the URL fragment / JWT header; the issuer's document is not published, so ownership cannot be confirmed: indeterminate by default; --trust-embedded-keys reproduces INDEX";
const EDITED_AFTER_SIGNING = 'INDEX: INVALID type check; offline check: proof INVALID-SIGNATURE (edited after signing)';

/** Baked PNG and SVG images. */
const baked: Expectation[] = [
  { file: `${DCPV}ob20/simple-badge.png`, status: 'valid', hostedBy: `${DCPV}ob20/basic-assertion.json`, why: 'INDEX: VALID (testSimplePNGPlainValid); the iTXt holds basic-assertion.json, whose hosted copy is that file' },
  { file: `${DCPV}ob30/simple-json.png`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (testSimplePNGPlainValid); offline check proof VALID', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/simple-json.svg`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (testSimpleJsonSVGPlainValid); offline check proof VALID', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/simple-jwt.png`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (testSimplePNGJWTValid); JWS VALID with header jwk', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/simple-jwt.svg`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (testSimpleJsonSVGJWTValid); JWS VALID with header jwk', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/simple-jwt_v1.png`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', warning: true, why: 'INDEX: VALID with WARNING, outdated context (testSimpleV1PNGJWTValid)', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/simple-jwt_v1.svg`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', warning: true, why: 'INDEX: VALID with WARNING (testSimpleV1JsonSVGJWTValid)', differs: EMBEDDED_KEY },
  {
    file: 'mozilla-openbadges-bakery/test/bad-json.svg',
    status: 'indeterminate',
    orElse: ['error'],
    why: 'INDEX: "expect a JSON parse error (or fall back to verify attribute)"; the verify attribute http://example.org is not in the corpus',
  },
  { file: 'mozilla-openbadges-bakery/test/baked.svg', status: 'indeterminate', codes: ['FETCH_FAILED'], why: 'INDEX: extracts the assertion URL http://example.org, which url-map.json cannot serve (no file at the prefix root)' },
  { file: 'mozilla-openbadges-bakery/test/no-json.svg', status: 'indeterminate', codes: ['FETCH_FAILED'], why: 'INDEX: extracts the URL http://example.org (verify attribute only), unreachable offline' },
  { file: 'mozilla-openbadges-bakery/test/unbaked.png', status: 'error', codes: ['NOT_BAKED'], why: 'INDEX: extract -> unbaked error' },
  { file: 'mozilla-openbadges-bakery/test/unbaked.svg', status: 'error', codes: ['NOT_BAKED'], why: 'INDEX: extract -> IMAGE_UNBAKED error' },
];

/** OB 3.0 and other W3C verifiable credentials as JSON. */
const ob3: Expectation[] = [
  { file: `${DCPV}clr20/simple.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (CLR20Tests.testSimpleJsonValid)', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/bit-string-list/credential-status-revoked-blank-nodes.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'revoked', why: 'INDEX: INVALID: revoked (testRevokedWithBlankNodes); bit 23 of testlist is set', differs: `${EMBEDDED_KEY}; the status list is signed the same way, so its revocation bit is not trusted either (never reported as valid)` },
  { file: `${DCPV}ob30/bit-string-list/credential-status-revoked.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'revoked', why: 'INDEX: INVALID: revoked (testBitstringStatusListRevoked)', differs: `${EMBEDDED_KEY}; the status list is signed the same way, so its revocation bit is not trusted either (never reported as valid)` },
  {
    file: `${DCPV}ob30/complete.json`,
    status: 'indeterminate',
    codes: ['STATUS_UNAVAILABLE'],
    why: 'INDEX: INVALID because an inline credentialSchema reference 404s; proof VALID; 1EdTechRevocationList endpoint is known_unavailable',
    differs: 'we never fetch JSON Schemas (unknown schema URLs are skipped), and the revocation list is a live endpoint not in the corpus, so revocation cannot be checked: indeterminate',
  },
  {
    file: `${DCPV}ob30/complete_v1.json`,
    status: 'expired',
    codes: ['EXPIRED'],
    why: 'INDEX: INVALID (inline schema ref 404); also expired (expirationDate 2020); key https://1edtech.edu/issuers/565049#key-1 unresolvable offline',
    differs: 'schemas are not fetched; the unresolvable key makes the proof indeterminate, and expired outranks indeterminate in the contract order',
  },
  {
    file: `${DCPV}ob30/credential-status-revoked.json`,
    status: 'indeterminate',
    codes: ['STATUS_UNAVAILABLE', 'DID_UNRESOLVED', 'FETCH_FAILED'],
    why: 'INDEX: revoked, but only with the live 1EdTech revocation endpoint (known_unavailable) and a did:web not in the corpus',
    differs: 'the revocation list and the DID document are not in the corpus: revocation cannot be checked offline, so indeterminate (never valid)',
  },
  { file: `${DCPV}ob30/endorsement-err-schema-status-refresh.json`, status: 'invalid', codes: ['PROOF_INVALID'], why: 'INDEX: INVALID (fatal) (testEndorsementWithErrors); offline check proof INVALID-SIGNATURE' },
  { file: `${DCPV}ob30/endorsement-valid.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (Endorsement30Tests.testEndorsementWithoutErrors)', differs: EMBEDDED_KEY },
  {
    file: `${DCPV}ob30/sd/derivedcredential.json`,
    status: 'invalid',
    codes: ['UNSUPPORTED_PROOF'],
    why: 'INDEX: VALID (testDerivedCredentialValid); offline check UNSUPPORTED(DataIntegrityProof/ecdsa-sd-2023)',
    differs: 'ecdsa-sd-2023 is not in our accepted proof suites (Ed25519Signature2020, eddsa-rdfc-2022): an unsupported proof is invalid, never silently valid',
  },
  { file: `${DCPV}ob30/simple-context-alias.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (testSimpleJsonContextAlias)', differs: EMBEDDED_KEY },
  {
    file: `${DCPV}ob30/simple-context-version.json`,
    status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid',
    why: 'INDEX: a context-property probe reports an issue (testSimpleJsonContextVersion); offline check proof VALID, SCHEMA-OK',
    differs: `${EMBEDDED_KEY}. Besides, the credential uses the older OB context-3.0.2 with VC v2; the proof verifies and we have no rule pinning the OB context version to the VC version, so valid`,
  },
  {
    file: `${DCPV}ob30/simple-did-key-method.json`,
    status: 'invalid',
    codes: ['KEY_NOT_OWNED'],
    why: 'INDEX: VALID (testSimpleDidKeyMethodJsonValid); signed by did:key:z6MkjZRZ…, issuer id is urn:uuid:6f2e33e5…',
    differs: KEY_NOT_OWNED_BY_ISSUER,
  },
  { file: `${DCPV}ob30/simple-did-web-method.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID expected (test @Disabled); proof VALID; /proof must be array is a schema-copy artefact', differs: EMBEDDED_KEY },
  {
    file: `${DCPV}ob30/simple-eddsa-2022.json`,
    status: 'invalid',
    codes: ['UNSUPPORTED_PROOF'],
    why: 'INDEX: VALID with WARNING for the legacy cryptosuite name "eddsa-2022" (testEddsa2022Warning); offline check UNSUPPORTED',
    differs: '"eddsa-2022" is a pre-standard cryptosuite name, not in our explicit list of accepted suites: UNSUPPORTED_PROOF',
  },
  { file: `${DCPV}ob30/simple-err-context.json`, status: 'invalid', codes: ['INVALID_CONTEXT', 'PROOF_INVALID'], why: 'INDEX: INVALID: context (testSimpleJsonContextError); offline check INVALID-SIGNATURE' },
  { file: `${DCPV}ob30/simple-err-credential-subject-achievement-result-description-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-credential-subject-identifier-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-credential-subject-profile-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-credential-subject-result-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-credential-subject-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-evidence-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-expired.json`, status: 'expired', codes: ['EXPIRED'], why: 'INDEX: INVALID: expired (testSimpleJsonExpired); validUntil 2010-01-01, proof VALID' },
  { file: `${DCPV}ob30/simple-err-issued.json`, status: 'not-yet-valid', codes: ['NOT_YET_VALID'], why: 'INDEX: INVALID: not yet valid (testSimpleJsonNotIssued); validFrom 2040-01-01, proof VALID' },
  { file: `${DCPV}ob30/simple-err-issuer-otheridentifier-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-issuer-parentorg-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  { file: `${DCPV}ob30/simple-err-issuer-type.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_TYPE'], why: EDITED_AFTER_SIGNING },
  {
    file: `${DCPV}ob30/simple-err-issuer.json`,
    status: 'invalid',
    codes: ['MISSING_PROPERTY', 'KEY_NOT_OWNED', 'INVALID_PROPERTY'],
    why: 'INDEX: INVALID: JSON schema (testSimpleJsonSchemaError); proof VALID; the credential has no issuer',
  },
  { file: `${DCPV}ob30/simple-err-proof-method-no-scheme.json`, status: 'invalid', codes: ['KEY_UNSUPPORTED', 'KEY_MALFORMED'], why: 'INDEX: INVALID: 1 proof error (testSimpleJsonInvalidProofMethodNoScheme): verificationMethod has no scheme' },
  { file: `${DCPV}ob30/simple-err-proof-method-unknown-did-method.json`, status: 'invalid', codes: ['KEY_UNSUPPORTED'], why: 'INDEX: INVALID: 1 proof error (testSimpleJsonInvalidProofMethodUnknownDidMethod): did:example' },
  { file: `${DCPV}ob30/simple-err-proof-method-unknown-scheme.json`, status: 'invalid', codes: ['KEY_UNSUPPORTED'], why: 'INDEX: INVALID: 1 proof error (testSimpleJsonInvalidProofMethodUnknownScheme): xxx: scheme' },
  { file: `${DCPV}ob30/simple-err-proof-method.json`, status: 'invalid', codes: ['KEY_MALFORMED', 'KEY_UNSUPPORTED', 'PROOF_INVALID'], why: 'INDEX: INVALID: 1 error in proof check (testSimpleJsonInvalidProofMethod); fragment is not an Ed25519 multikey' },
  { file: `${DCPV}ob30/simple-err-proof-value.json`, status: 'invalid', codes: ['PROOF_INVALID'], why: 'INDEX: INVALID: signature (testSimpleJsonInvalidProofValue)' },
  { file: `${DCPV}ob30/simple-err-type.json`, status: 'invalid', codes: ['INVALID_TYPE', 'PROOF_INVALID', 'NOT_A_BADGE'], why: 'INDEX: INVALID (fatal): not an OB credential type (testSimpleJsonInvalidUnknownType); proof INVALID-SIGNATURE' },
  {
    file: `${DCPV}ob30/simple-multiple-proofs.json`,
    status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid',
    why: 'INDEX: exactly 1 error (undefined term SomeProofType) and the DataIntegrityProof verifies (testSimpleMultipleProofsJsonValid)',
    differs: `${EMBEDDED_KEY}. Besides, in a proof set one valid proof by the issuer is enough; the unknown extra proof is reported but does not make the badge invalid`,
  },
  { file: `${DCPV}ob30/simple-noproof.json`, status: 'invalid', codes: ['PROOF_MISSING'], why: 'INDEX: no test; expected not verifiable (no proof)' },
  { file: `${DCPV}ob30/simple.1ob`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (testSimple1ObValid); JSON despite the extension, detected by content', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/simple.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (OB30Tests.testSimpleJsonValid)', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob30/simple_v1.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', warning: true, why: 'INDEX: VALID with WARNING: outdated VC 1.1 context (testSimpleV1JsonValid)', differs: EMBEDDED_KEY },
  ...[
    'achievementAlignmentCase',
    'achievementAlignmentCe',
    'basicOpenBadgeCredential',
    'endorsement',
    'fullOpenBadge',
    'skillAssertionCase',
    'skillAssertionCtdl',
  ].map(
    (name): Expectation => ({
      file: `${SPEC3}examples-extracted/${name}.json`,
      status: 'invalid',
      codes: ['PROOF_MISSING'],
      why: 'INDEX: OB 3.0 spec example, schema-valid, "no proof -> not verifiable"',
    }),
  ),
  { file: `${VC}eddsa/v2/safeModeBreaker.json`, status: 'invalid', codes: ['PROOF_INVALID', 'INVALID_PROPERTY', 'KEY_NOT_OWNED'], why: 'INDEX: FATAL jsonld safe-mode error "Relative @type reference found."; offline check INVALID-SIGNATURE' },
  { file: `${VC}eddsa/v2/v2EddsaWithValidStatus.json`, status: 'valid', why: 'INDEX: VERIFIED; status bit 9 unset' },
  {
    file: `${VC}eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json`,
    status: 'indeterminate',
    codes: ['STATUS_UNAVAILABLE'],
    why: 'INDEX: signatures VERIFIED; revocation_status error STATUS_LIST_NOT_FOUND (known_unavailable URL)',
  },
  { file: `${VC}eddsaAndEd25519/v2/v2DoubleSigWithValidStatus.json`, status: 'valid', why: 'INDEX: VERIFIED (both proofs valid)' },
  { file: `${VC}v1/testVC.json`, status: 'invalid', codes: ['PROOF_INVALID'], why: 'INDEX: no expectation; offline check: BOTH signatures FAIL -> treat as INVALID' },
  { file: `${VC}v1/v1Expired.json`, status: 'expired', codes: ['EXPIRED'], why: 'INDEX: UNVERIFIED: expiration step false' },
  { file: `${VC}v1/v1ExpiredWithValidStatus.json`, status: 'expired', codes: ['EXPIRED'], why: 'INDEX: UNVERIFIED: expired; status valid' },
  { file: `${VC}v1/v1NoStatus.json`, status: 'valid', why: 'INDEX: VERIFIED (base of the derived negative cases)' },
  { file: `${VC}v1/v1OBv3SpecExample.json`, status: 'valid', why: 'INDEX: experimentation only; offline check signature VALID' },
  { file: `${VC}v1/v1Revoked.json`, status: 'revoked', codes: ['REVOKED'], why: 'INDEX: UNVERIFIED: revocation_status false; status bit 6 set' },
  { file: `${VC}v1/v1RevokedAndExpired.json`, status: 'revoked', codes: ['REVOKED'], why: 'INDEX: by data revoked + expired; revoked outranks expired (CONTRACT order)' },
  { file: `${VC}v1/v1SimpleIssuerId.json`, status: 'valid', why: 'INDEX: VERIFIED (presentation spec)' },
  { file: `${VC}v1/v1WithValidStatus.json`, status: 'valid', why: 'INDEX: VERIFIED incl. revocation_status valid' },
  {
    file: `${VC}v2/didWeb/v2WithBadDidWeb.json`,
    status: 'indeterminate',
    codes: ['DID_UNRESOLVED', 'FETCH_FAILED'],
    why: 'INDEX: FATAL DID_WEB_UNRESOLVED (did.json 404, known_unavailable)',
    differs: 'CONTRACT: a DID that cannot be resolved makes the result indeterminate, not invalid (verifier-core calls it fatal)',
  },
  { file: `${VC}v2/didWeb/v2didWebMultikeyWithValidStatus.json`, status: 'valid', why: 'INDEX: VERIFIED (did:web Multikey document in corpus)' },
  { file: `${VC}v2/didWeb/v2didWebWithValidStatus.json`, status: 'valid', why: 'INDEX: VERIFIED (did doc in corpus)' },
  { file: `${VC}v2/v2Expired.json`, status: 'expired', codes: ['EXPIRED'], why: 'INDEX: UNVERIFIED: expired (validUntil 2011)' },
  { file: `${VC}v2/v2ExpiredWithValidStatus.json`, status: 'expired', codes: ['EXPIRED'], why: 'INDEX: UNVERIFIED: expired; status valid' },
  { file: `${VC}v2/v2NoStatus.json`, status: 'valid', why: 'INDEX: VERIFIED (base of the derived negative cases)' },
  { file: `${VC}v2/v2OBv3SpecExample.json`, status: 'valid', why: 'INDEX: experimentation; offline check VALID' },
  { file: `${VC}v2/v2Revoked.json`, status: 'revoked', codes: ['REVOKED'], why: 'INDEX: UNVERIFIED: revoked; status bit 8 set' },
  { file: `${VC}v2/v2RevokedAndExpired.json`, status: 'revoked', codes: ['REVOKED'], why: 'INDEX: by data revoked + expired; revoked outranks expired (CONTRACT order)' },
  { file: `${VC}v2/v2SimpleIssuerId.json`, status: 'valid', why: 'INDEX: VERIFIED' },
  { file: `${VC}v2/v2WithValidStatus.json`, status: 'valid', why: 'INDEX: VERIFIED incl. status' },
  { file: 'w3c-ccg-vc-ed/plugfest-2-2022/signed_badge_example-p2.json', status: 'valid', why: 'INDEX: VALID signature (offline check, Ed25519Signature2020 by did:key)' },
  {
    file: 'w3c-ccg-vc-ed/plugfest-3-2023/signed_badge_example-p3.json',
    status: 'invalid',
    codes: ['UNSUPPORTED_PROOF'],
    why: 'INDEX: not an OB 3.0 proof format (Ed25519Signature2018) -> "unsupported proof type"',
  },
];

/** Compact JWS: OB 2.0 signed assertions and OB 3.0 / CLR VC-JWTs. */
const jws: Expectation[] = [
  { file: `${DCPV}clr20/simple.jwt`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (CLR20Tests.testSimpleJWTValid); header jwk', differs: EMBEDDED_KEY },
  { file: `${DCPV}ob20/simple-not-revoked.jwt`, status: 'valid', why: 'INDEX: VALID (testJWTNotRevoked); key2 via url-map prefix, empty revocation list' },
  { file: `${DCPV}ob20/simple-revoked.jwt`, status: 'revoked', codes: ['REVOKED'], why: 'INDEX: INVALID: revoked ("A good reason, for sure") (testJWTRevoked)' },
  { file: `${DCPV}ob20/simple.jwt`, status: 'valid', why: 'INDEX: VALID (testSimpleJWTValid); key1 via url-map prefix' },
  {
    file: `${DCPV}ob30/simple.jwt`,
    status: 'indeterminate',
    codes: ['FETCH_FAILED', 'DID_UNRESOLVED'],
    why: 'INDEX: key must come from the issuer profile https://example.edu/issuers/565049, not in the corpus -> cannot be verified offline',
  },
  {
    file: `${DCPV}ob30/velocity.jwt`,
    status: 'invalid',
    codes: ['KEY_UNSUPPORTED', 'INVALID_CONTEXT', 'MISSING_PROPERTY'],
    why: 'INDEX: INVALID in the 1EdTech validator (lacks OB context); kid is a did:velocity DID (no resolver, registry not in corpus)',
  },
  {
    file: '1EdTech-openbadges-specification/ob_v2p0/examples-extracted/signed-badge-example.jws',
    status: 'indeterminate',
    orElse: ['invalid'],
    why: 'INDEX: "INVALID/unverifiable": the key https://example.org/publicKey does not exist (404 through the url-map prefix)',
  },
];

/** OB 2.0 JSON (hosted assertions and standalone nodes). */
const ob2: Expectation[] = [
  { file: `${DCPV}ob20/assertion-with-data-image.json`, status: 'invalid', codes: ['INVALID_PROPERTY'], hostedBy: 'self', why: 'INDEX: INVALID: data URI not allowed for Assertion image (testDataImageInAssertion)' },
  { file: `${DCPV}ob20/assertion-with-endorsements.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (testEndorsementsInAssertion)' },
  { file: `${DCPV}ob20/assertion-with-extension-node-basic.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (testExtensionNode)' },
  {
    file: `${DCPV}ob20/assertion-with-extension-node-invalid.json`,
    status: 'invalid',
    codes: ['INVALID_PROPERTY'],
    hostedBy: 'self',
    // The extension context and its JSON Schema come from url-map.json, which the CLI hands
    // the library as its documentLoader; without them the library can only warn.
    why: 'INDEX: INVALID (testInvalidExtensionNode): the extension property is a number where the extension JSON Schema wants a string',
  },
  { file: `${DCPV}ob20/assertion-with-multiple-extensions.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (testMultipleExtensionNode)' },
  { file: `${DCPV}ob20/basic-assertion-expired-before-issued.json`, status: 'invalid', codes: ['INVALID_PROPERTY', 'EXPIRED'], hostedBy: 'self', why: 'INDEX: INVALID: expires before issuedOn (testExpiredBeforeIssued)' },
  { file: `${DCPV}ob20/basic-assertion-expired.json`, status: 'expired', codes: ['EXPIRED'], hostedBy: 'self', why: 'INDEX: INVALID: expired 2022-11-15 (testExpired)' },
  { file: `${DCPV}ob20/basic-assertion-in-future.json`, status: 'not-yet-valid', codes: ['NOT_YET_VALID'], hostedBy: 'self', why: 'INDEX: INVALID: issued in the future, 2100-12-31 (testIssuedInFuture)' },
  { file: `${DCPV}ob20/basic-assertion-invalid-context.json`, status: 'invalid', codes: ['INVALID_CONTEXT'], hostedBy: 'self', why: 'INDEX: INVALID (fatal): unknown @context (testSimpleJsonInvalidContext)' },
  { file: `${DCPV}ob20/basic-assertion-invalid-type.json`, status: 'invalid', codes: ['INVALID_TYPE', 'NOT_A_BADGE'], hostedBy: 'self', why: 'INDEX: INVALID (fatal): type OtherAssertion (testSimpleJsonInvalidType)' },
  { file: `${DCPV}ob20/basic-assertion-no-public-key.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID: hosted verification needs no key (testNoPublicKeyInIssuer)' },
  { file: `${DCPV}ob20/basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json`, status: 'invalid', codes: ['ID_OUT_OF_SCOPE'], hostedBy: 'self', why: 'INDEX: INVALID (testVerificationMultipleStartsWith): no startsWith matches' },
  { file: `${DCPV}ob20/basic-assertion-with-allowed-origins-invalid-starts-with.json`, status: 'invalid', codes: ['ID_OUT_OF_SCOPE'], hostedBy: 'self', why: 'INDEX: INVALID: assertion id does not match issuer startsWith (testVerificationStartsWith)' },
  { file: `${DCPV}ob20/basic-assertion-with-allowed-origins-valid-multiple-starts-with.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (testVerificationMultipleStartsWith)' },
  { file: `${DCPV}ob20/basic-assertion-with-allowed-origins-valid-starts-with.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (testVerificationStartsWith)' },
  { file: `${DCPV}ob20/basic-assertion-with-allowed-origins.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (testVerification): allowedOrigins lists example.org' },
  { file: `${DCPV}ob20/basic-assertion-with-language.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (testAssertionWithLanguage)' },
  { file: `${DCPV}ob20/basic-assertion.json`, status: 'valid', hostedBy: 'self', why: 'INDEX: VALID (OB20Tests.testSimpleJsonValid)' },
  { file: `${DCPV}ob20/warning-issuer-non-http.json`, status: 'valid', warning: true, hostedBy: 'self', why: 'INDEX: VALID with WARNING: non-HTTP(S) issuer id (WarningTests.testWarningIssuerNonHttps)' },
  { file: `${DCPV}ob20/warning-with-redirection.json`, status: 'valid', warning: true, hostedBy: 'self', why: 'INDEX: VALID with WARNING: BadgeClass id differs from its URL (WarningTests.testWarningRedirectionJsonValid)' },
  {
    file: '1EdTech-openbadges-specification/ob_v2p0/examples-extracted/revoked-hosted-assertion-410-body.json',
    status: 'revoked',
    codes: ['REVOKED'],
    hostedBy: 'self',
    why: 'INDEX: a verifier receiving this body (revoked: true) or HTTP 410 must report REVOKED',
  },
];

const NOT_AN_AWARD =
  'INDEX gives the 1EdTech validator\'s verdict on a standalone OB 2.0 node (BadgeClass, Issuer, AlignmentObject...); verify-badge verifies awarded badges (assertions and credentials), and CONTRACT defines `error` as "the input is not a badge at all"';

/** OB 2.0 nodes that are not assertions: validated by 1EdTech as documents, not badges to verify. */
const ob2Nodes: Expectation[] = [
  ['badge-class-with-language.json', 'VALID in validator-core validate_language (BadgeClass)'],
  ['issuer-compact-iri-validation.json', 'VALID (testCompactIriInIssuer) (Issuer)'],
  ['rdf-validation/badge-class-invalid-issuer-type.json', 'INVALID (testRdfValidation) (BadgeClass)'],
  ['rdf-validation/invalid-class.json', 'INVALID (testRdfValidation) (type NotAKnownClass)'],
  ['rdf-validation/invalid-empty-type.json', 'INVALID (testRdfValidation) (empty type)'],
  ['rdf-validation/invalid-one-invalid-class.json', 'INVALID (testRdfValidation) (Issuer + UNKNOWN)'],
  ['rdf-validation/valid-alignment-object.json', 'VALID (testRdfValidation) (AlignmentObject)'],
  ['rdf-validation/valid-badge-class-empty-criteria-type.json', 'VALID (testRdfValidation) (BadgeClass)'],
  ['rdf-validation/valid-badge-class.json', 'VALID (testRdfValidation) (BadgeClass)'],
  ['rdf-validation/valid-cool-class.json', 'VALID (testRdfValidation) (CoolClass)'],
  ['rdf-validation/valid-issuer-extension.json', 'VALID (testRdfValidation) (Issuer + extension class)'],
].map(
  ([name, verdict]): Expectation => ({
    file: `${DCPV}ob20/${name}`,
    status: 'error',
    codes: ['NOT_A_BADGE'],
    why: `INDEX: ${verdict}`,
    differs: NOT_AN_AWARD,
  }),
);

/** Why a status list credential given as the input is not valid, though INDEX calls it VALID. */
const STATUS_LIST_IS_NO_BADGE =
  'INDEX judges the file as a status list (its signature is good). Given to verify() as a badge, a VC of no Open Badges type is invalid INVALID_TYPE: CONTRACT makes "structure not a badge of its version" invalid, and 1EdTech\'s validator rejects an unknown credential type (simple-err-type.json). Its proof check still passes, and as a status list it is trusted (the status tests use it)';

/** Status list credentials and W3C / 1EdTech test vectors, verified as credentials in their own right. */
const vectors: Expectation[] = [
  { file: `${DCPV}ob30/bit-string-list/testlist`, status: 'invalid', codes: ['INVALID_TYPE'], why: 'INDEX: VALID (BitstringStatusListCredentialInspectorTest.testSimpleJsonValid); JSON without an extension', differs: `${STATUS_LIST_IS_NO_BADGE}. Its key is also one only the list vouches for (a URL-fragment Multikey): with --trust-embedded-keys it is invalid all the same` },
  { file: 'digitalbazaar-vc-status-list/tests/slCredentialRevocation.json', status: 'invalid', codes: ['INVALID_TYPE'], why: 'INDEX: StatusList2021Credential, signature VALID', differs: STATUS_LIST_IS_NO_BADGE },
  { file: 'digitalbazaar-vc-status-list/tests/slCredentialSuspension.json', status: 'invalid', codes: ['INVALID_TYPE'], why: 'INDEX: StatusList2021Credential, signature VALID', differs: STATUS_LIST_IS_NO_BADGE },
  { file: 'digitalcredentials-verifier-core/status/e5WK8CbZ1GjycuPombrj.json', status: 'invalid', codes: ['INVALID_TYPE'], why: 'INDEX: VALID list (BitstringStatusListCredential, Ed25519Signature2020)', differs: STATUS_LIST_IS_NO_BADGE },
  { file: `${SPEC3}impl/test-vectors/obv3p0-extracted/signed-credential.json`, status: 'indeterminate', codes: ['FETCH_FAILED'], trusted: 'valid', why: 'INDEX: VALID (official OB 3.0 test vector)', differs: EMBEDDED_KEY },
  { file: `${SPEC3}impl/test-vectors/obv3p0-extracted/credential.json`, status: 'invalid', codes: ['PROOF_MISSING'], why: 'INDEX: unsigned input of the OB 3.0 test vector (no proof -> not verifiable)' },
  {
    file: 'w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json',
    status: 'invalid',
    codes: ['KEY_NOT_OWNED'],
    why: 'INDEX: VALID (W3C Ed25519Signature2020 test vector); issuer https://vc.example/issuers/5678, signed by did:key:z6MkrJVn…',
    differs: KEY_NOT_OWNED_BY_ISSUER,
  },
  {
    file: 'w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json',
    status: 'invalid',
    codes: ['KEY_NOT_OWNED'],
    why: 'INDEX: VALID (W3C eddsa-rdfc-2022 test vector); issuer https://vc.example/issuers/5678, signed by did:key:z6MkrJVn…',
    differs: KEY_NOT_OWNED_BY_ISSUER,
  },
  {
    file: 'w3c-vc-di-eddsa/TestVectors/proof-set-chain/signedProofSet2.json',
    status: 'invalid',
    codes: ['KEY_NOT_OWNED'],
    why: 'INDEX: VALID (W3C proof set, both proofs); issuer https://vc.example/issuers/5678, signed by did:key:z6MkrJVn…',
    differs: KEY_NOT_OWNED_BY_ISSUER,
  },
  { file: 'w3c-vc-di-eddsa/TestVectors/unsigned.json', status: 'invalid', codes: ['PROOF_MISSING'], why: 'INDEX: unsigned input of the W3C vectors (no proof -> not verifiable)' },
];

export const EXPECTATIONS: readonly Expectation[] = [...baked, ...ob3, ...jws, ...ob2, ...ob2Nodes, ...vectors];

/** The batch cases: hosted OB 2.0 ones need per-case resource maps (shared ids), so batches take the others. */
export const BATCH_CASES: readonly Expectation[] = EXPECTATIONS.filter((e) => !e.hostedBy);

/**
 * The cases whose status is not one their expectation accepts, with what each got: [] when
 * every status (in the order of `cases`) is right.
 */
export function unexpectedStatuses(cases: readonly Expectation[], statuses: readonly ResultStatus[]): { file: string; expected: ResultStatus[]; got: ResultStatus | undefined }[] {
  return cases
    .map((e, i) => ({ file: e.file, expected: [e.status, ...(e.orElse ?? [])], got: statuses[i] }))
    .filter((c) => c.got === undefined || !c.expected.includes(c.got));
}

/** INDEX "Derived negative cases": built in the test from verifier-core files. */
export interface DerivedCase {
  name: string;
  base: string;
  /** Changes the parsed credential in place. */
  edit: (credential: Record<string, unknown>) => void;
  status: ResultStatus;
  codes: ErrorCode[];
  why: string;
}

const tamperName = (c: Record<string, unknown>) => {
  c['name'] = 'tampered!';
};

export const DERIVED: readonly DerivedCase[] = [
  ...['v1/v1NoStatus.json', 'v2/v2NoStatus.json', 'v1/v1Expired.json', 'v2/v2Expired.json'].map(
    (base): DerivedCase => ({
      name: `${base} with name changed to "tampered!"`,
      base: `${VC}${base}`,
      edit: tamperName,
      status: 'invalid',
      codes: ['PROOF_INVALID'],
      why: 'INDEX derived: name changed -> INVALID_SIGNATURE (fatal); invalid outranks expired',
    }),
  ),
  ...['v1/v1NoStatus.json', 'v2/v2NoStatus.json'].map(
    (base): DerivedCase => ({
      name: `${base} with its proof deleted`,
      base: `${VC}${base}`,
      edit: (c) => {
        delete c['proof'];
      },
      status: 'invalid',
      codes: ['PROOF_MISSING'],
      why: 'INDEX derived: proof deleted -> NO_PROOF ("not a Verifiable Credential - it does not have a digital signature")',
    }),
  ),
  ...['v1/v1NoStatus.json', 'v2/v2NoStatus.json'].map(
    (base): DerivedCase => ({
      name: `${base} with id "0923lksjf"`,
      base: `${VC}${base}`,
      edit: (c) => {
        c['id'] = '0923lksjf';
      },
      status: 'invalid',
      codes: ['INVALID_PROPERTY', 'PROOF_INVALID'],
      why: 'INDEX derived: id set to "0923lksjf" -> INVALID_CREDENTIAL_ID',
    }),
  ),
  ...['v1/v1NoStatus.json', 'v2/v2NoStatus.json'].map(
    (base): DerivedCase => ({
      name: `${base} with @context removed`,
      base: `${VC}${base}`,
      edit: (c) => {
        delete c['@context'];
      },
      status: 'invalid',
      codes: ['INVALID_CONTEXT', 'PROOF_INVALID', 'MISSING_PROPERTY'],
      why: 'INDEX derived: @context removed -> fatal context error',
    }),
  ),
  ...['v1/v1NoStatus.json', 'v2/v2NoStatus.json'].map(
    (base): DerivedCase => ({
      name: `${base} with the VC context removed from @context`,
      base: `${VC}${base}`,
      edit: (c) => {
        const contexts = Array.isArray(c['@context']) ? (c['@context'] as unknown[]) : [c['@context']];
        c['@context'] = contexts.filter(
          (ctx) => ctx !== 'https://www.w3.org/2018/credentials/v1' && ctx !== 'https://www.w3.org/ns/credentials/v2',
        );
      },
      status: 'invalid',
      codes: ['INVALID_CONTEXT', 'PROOF_INVALID'],
      why: 'INDEX derived: VC context removed -> fatal context error',
    }),
  ),
];
