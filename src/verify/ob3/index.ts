/**
 * Open Badges 3.0 verification, following the "Verification" steps of OB 3.0 (§8.2):
 * the credential's structure, its proof (Data Integrity or VC-JWT) by a key the issuer
 * controls, its status (revocation/suspension), its validity period, the recipient (when the
 * caller names one), its JSON Schema, and its endorsements, each recorded as a check.
 *
 * @packageDocumentation
 */
import { isBadgeError, STATUS_OF_CODE, type ErrorCode } from '../../errors.js';
import type { NormalisedBadge } from '../../result.js';
import { boundedLoader } from '../core.js';
import { CheckList, type VerifierOutcome, type VerifyContext } from '../context.js';
import { confirmFragmentKey, fragmentKeyOf } from '../keys/index.js';
import { checkCredentialStatus } from '../status/index.js';
import { checkSchema } from './schema.js';
import { verifyDataIntegrity, type DataIntegrityOutcome, type ProofResult } from './data-integrity.js';
import { verifyEndorsements } from './endorsements.js';
import { normaliseOb3 } from './normalise.js';
import { checkRecipient } from './recipient.js';
import { checkStructure } from './structure.js';
import { evaluateValidity, recordValidity } from './validity.js';
import { verifyVcJwt } from './vc-jwt.js';

export { ACCEPTED_SUITES, verifyDataIntegrity } from './data-integrity.js';
export type { AcceptedSuite, DataIntegrityOutcome, ProofResult } from './data-integrity.js';
export { normaliseOb3 } from './normalise.js';

/**
 * Proofs whose signature verifies but whose key's controller document could not be had:
 * they may yet be the issuer's, so they leave the verdict open rather than failing it.
 */
const UNDECIDED = new WeakSet<ProofResult>();

/**
 * A verified proof whose key only its own verification method URL vouches for (1EdTech's
 * `<issuer URL>#<Multikey>` convention): anyone can append their own key to a university's
 * URL, so the proof counts only once the document at that URL lists the key. Not listed →
 * KEY_NOT_OWNED (invalid); no document → its fetch error (indeterminate).
 */
async function confirmProofKey(result: ProofResult, ctx: VerifyContext): Promise<ProofResult> {
  if (!result.verified || typeof result.verificationMethod !== 'string') return result;
  const { label, verificationMethod } = result;
  try {
    const key = fragmentKeyOf(verificationMethod);
    if (!key) return result;
    await confirmFragmentKey(key, { fetcher: ctx.fetcher });
    return { label, verified: true, message: `${result.message}; ${key.controller} lists the key`, verificationMethod };
  } catch (error) {
    if (isBadgeError(error) && error.code === 'ABORTED') throw error;
    const code = isBadgeError(error) ? error.code : 'KEY_NOT_OWNED';
    const message = error instanceof Error ? error.message : String(error);
    const unconfirmed: ProofResult = { label, verified: false, code, message: `the key of ${verificationMethod} is not confirmed by its controller: ${message}`, verificationMethod };
    if (STATUS_OF_CODE[code] === 'indeterminate') UNDECIDED.add(unconfirmed);
    return unconfirmed;
  }
}

/**
 * Data Integrity verification under the OB 3.0 key rules (the credential and its status
 * lists alike): proofs by URL-fragment keys are confirmed against the controller document,
 * after their signature (so a tampered credential is invalid without any fetch), unless the
 * caller trusts embedded keys (then they count with a `key` warning, their `caution`).
 */
async function verifyProofs(credential: Record<string, unknown>, ctx: VerifyContext): Promise<DataIntegrityOutcome> {
  const documentLoader = boundedLoader(ctx.options.documentLoader, ctx.options.signal, ctx.options.timeout);
  const outcome = await verifyDataIntegrity(credential, { fetcher: ctx.fetcher, documentLoader });
  if (ctx.options.trustEmbeddedKeys) return outcome;
  const results: ProofResult[] = [];
  for (const result of outcome.results) results.push(await confirmProofKey(result, ctx));
  return { verified: results.some((r) => r.verified), results };
}

/** Record the outcome of Data Integrity verification as `proof` checks. */
function recordProofs(outcome: DataIntegrityOutcome, checks: CheckList): void {
  if (outcome.results.length === 0) {
    checks.fail('proof', 'PROOF_MISSING', 'the credential has no proof: it is not a verifiable credential');
    return;
  }
  if (outcome.verified) {
    for (const r of outcome.results) {
      if (r.verified && r.caution) {
        checks.pass('proof', r.message);
        checks.warn('key', 'KEY_NOT_OWNED', r.caution);
      } else if (r.verified) checks.pass('proof', r.message);
      // One valid proof by the issuer is enough (a proof set); the others are reported.
      else checks.warn('proof', r.code ?? 'PROOF_INVALID', r.message);
    }
    return;
  }
  // One proof by the issuer is enough, so while one is undecided (its signature verifies, its
  // key's owner could not be asked) the others' failures do not decide: they are reported.
  const undecided = outcome.results.some((r) => UNDECIDED.has(r));
  for (const r of outcome.results) {
    if (undecided && !UNDECIDED.has(r)) checks.warn('proof', r.code ?? 'PROOF_INVALID', r.message);
    else checks.fail('proof', r.code ?? 'PROOF_INVALID', r.message);
  }
}

/**
 * Verify a status-list credential (or any embedded credential) without recording: its
 * structure, proof and validity period must all hold. The status checks call this.
 */
async function verifyListCredential(
  list: Record<string, unknown>,
  ctx: VerifyContext,
): Promise<{ ok: true } | { ok: false; code: ErrorCode; message: string }> {
  const structure = checkStructure(list, 'list');
  if (structure.status === 'failed') return { ok: false, code: structure.code ?? 'INVALID_PROPERTY', message: `status list: ${structure.message}` };
  const proofs = await verifyProofs(list, ctx);
  if (!proofs.verified) {
    const first = proofs.results[0];
    return { ok: false, code: first?.code ?? 'PROOF_MISSING', message: `status list: ${first?.message ?? 'no proof'}` };
  }
  const bad = evaluateValidity(list, ctx.options.now).find((f) => f.status === 'failed');
  if (bad) return { ok: false, code: bad.code ?? 'INVALID_PROPERTY', message: `status list: ${bad.message}` };
  return { ok: true };
}

/** The checks after the proof, shared by the JSON-LD and JWT forms. */
async function afterProof(
  credential: Record<string, unknown>,
  ctx: VerifyContext,
  jwtTimes?: { nbf?: unknown; exp?: unknown },
): Promise<NormalisedBadge> {
  try {
    await checkCredentialStatus(credential, ctx, { verifyListCredential });
  } catch (error) {
    ctx.checks.failFrom('status', error, 'STATUS_UNAVAILABLE');
  }
  recordValidity(ctx.checks, evaluateValidity(credential, ctx.options.now, jwtTimes));
  if (ctx.nested) ctx.checks.skip('recipient', 'endorsements are not matched against the recipient');
  else await checkRecipient(credential, ctx.options.recipient, ctx.checks);
  try {
    await checkSchema(credential, ctx);
  } catch (error) {
    ctx.checks.failFrom('schema', error, 'SCHEMA_INVALID');
  }
  const badge = normaliseOb3(credential);
  if (!ctx.nested) badge.endorsements = await verifyEndorsements(credential, ctx, { credential: verifyOb3Credential, jwt: verifyOb3Jwt });
  return badge;
}

function recordStructure(credential: Record<string, unknown>, checks: CheckList): void {
  const structure = checkStructure(credential);
  if (structure.status === 'passed') checks.pass('structure', structure.message);
  else if (structure.status === 'warning') checks.warn('structure', structure.code ?? 'INVALID_TYPE', structure.message, structure.property);
  else checks.fail('structure', structure.code ?? 'INVALID_PROPERTY', structure.message, structure.property);
}

/**
 * Verify an OB 3.0 credential with an embedded proof (JSON-LD: OpenBadgeCredential,
 * AchievementCredential, EndorsementCredential; a CLR 2.0 is checked the same way with a
 * `structure` warning, any other VC fails `structure`). Records its checks on `ctx.checks`.
 *
 * @example
 * ```ts
 * const ctx = { options: resolveOptions({ now }), fetcher, checks: new CheckList(), nested: false };
 * const { badge } = await verifyOb3Credential(credential, ctx);
 * overallStatus(ctx.checks.items); // 'valid'
 * ```
 */
export async function verifyOb3Credential(credential: Record<string, unknown>, ctx: VerifyContext): Promise<VerifierOutcome> {
  recordStructure(credential, ctx.checks);
  recordProofs(await verifyProofs(credential, ctx), ctx.checks);
  const badge = await afterProof(credential, ctx);
  return { version: '3.0', badge, credential };
}

/**
 * Verify an OB 3.0 credential secured as a VC-JWT (compact JWS). Records its checks on
 * `ctx.checks`; the outcome's `credential` is the decoded credential.
 *
 * @example
 * ```ts
 * const { credential } = await verifyOb3Jwt(token, ctx);
 * ```
 */
export async function verifyOb3Jwt(token: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  const proofChecks = new CheckList();
  const { credential, times } = await verifyVcJwt(token, proofChecks, { fetcher: ctx.fetcher, trustEmbeddedKeys: ctx.options.trustEmbeddedKeys });
  if (!credential) {
    ctx.checks.items.push(...proofChecks.items);
    return { version: '3.0', badge: null, credential: token };
  }
  recordStructure(credential, ctx.checks);
  ctx.checks.items.push(...proofChecks.items);
  const badge = await afterProof(credential, ctx, times);
  return { version: '3.0', badge, credential };
}
