/**
 * Credential status (revocation and suspension): one `status` check per `credentialStatus`
 * entry, dispatched on the entry's `type` to the module named after its spec.
 *
 * "Cannot tell" is its own answer: an unknown mechanism, an unreachable or untrusted list,
 * an index outside the list are all `indeterminate` (STATUS_UNSUPPORTED / STATUS_UNAVAILABLE),
 * never a pass.
 */
import type { VerifyContext } from '../context.js';
import { checkBitstringStatusListEntry } from './bitstring-status-list.js';
import { check1EdTechRevocationList } from './revocation-list.js';
import { checkStatusList2021Entry } from './status-list-2021.js';
import { clip, isObject, typesOf } from '../json.js';
import type { StatusDeps, StatusVerdict } from './types.js';

export type { StatusDeps, StatusVerdict } from './types.js';
export { MAX_BITSTRING_BYTES } from './bitstring.js';

/**
 * Most entries checked per credential. Each entry can cost a fetch and a proof check, and
 * the credential may not have been verified yet when this runs: a bound keeps a hostile
 * badge from turning one verification into hundreds of requests.
 */
export const MAX_STATUS_ENTRIES = 8;

const CHECK_ID = 'status';

async function checkEntry(
  entry: unknown,
  credential: Record<string, unknown>,
  ctx: VerifyContext,
  deps: StatusDeps,
): Promise<StatusVerdict> {
  if (!isObject(entry)) {
    return { status: 'failed', code: 'INVALID_PROPERTY', message: 'a credentialStatus entry is not an object', property: 'credentialStatus' };
  }
  const types = typesOf(entry.type);
  if (types.includes('BitstringStatusListEntry')) return checkBitstringStatusListEntry(entry, ctx, deps);
  if (types.includes('StatusList2021Entry')) return checkStatusList2021Entry(entry, ctx, deps);
  if (types.includes('1EdTechRevocationList')) return check1EdTechRevocationList(entry, credential, ctx);
  return {
    status: 'failed',
    code: 'STATUS_UNSUPPORTED',
    message: types.length ? `credentialStatus type ${clip(types.join(', '), 80)} is not supported` : 'a credentialStatus entry has no type',
  };
}

/**
 * Records one `status` check (or several: one per entry, id `status`) on ctx.checks.
 * No credentialStatus → `skipped`.
 *
 * Supported: `BitstringStatusListEntry` (W3C Bitstring Status List v1.0), `StatusList2021Entry`
 * and `1EdTechRevocationList`. Status lists are fetched through `ctx.fetcher` only, their own
 * proof and validity are checked by `deps.verifyListCredential`, and their bitstrings are
 * decoded with a size cap.
 *
 * @example
 * ```ts
 * await checkCredentialStatus(credential, ctx, {
 *   verifyListCredential: (list, ctx) => verifyEmbeddedProofAndDates(list, ctx),
 * });
 * // ctx.checks.items → [{ id: 'status', status: 'failed', code: 'REVOKED', message: '…' }]
 * ```
 */
export async function checkCredentialStatus(
  credential: Record<string, unknown>,
  ctx: VerifyContext,
  deps: StatusDeps,
): Promise<void> {
  const declared = credential.credentialStatus;
  if (declared === undefined || declared === null) {
    ctx.checks.skip(CHECK_ID, 'the credential declares no credentialStatus');
    return;
  }
  const entries = Array.isArray(declared) ? declared : [declared];
  if (entries.length === 0) {
    ctx.checks.skip(CHECK_ID, 'the credential declares an empty credentialStatus');
    return;
  }
  if (entries.length > MAX_STATUS_ENTRIES) {
    ctx.checks.fail(CHECK_ID, 'STATUS_UNSUPPORTED', `the credential has ${entries.length} credentialStatus entries; at most ${MAX_STATUS_ENTRIES} are checked`);
    return;
  }
  for (const entry of entries) {
    let verdict: StatusVerdict;
    try {
      verdict = await checkEntry(entry, credential, ctx, deps);
    } catch (error) {
      // A bug or an unforeseen input must not turn into "not revoked".
      verdict = { status: 'failed', code: 'STATUS_UNAVAILABLE', message: `the status could not be checked: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (verdict.status === 'passed') ctx.checks.pass(CHECK_ID, verdict.message);
    else if (verdict.status === 'warning') ctx.checks.warn(CHECK_ID, verdict.code, verdict.message);
    else ctx.checks.fail(CHECK_ID, verdict.code, verdict.message, verdict.property);
  }
}
