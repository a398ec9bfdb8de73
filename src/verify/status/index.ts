/**
 * Credential status (revocation and suspension): dispatch on `credentialStatus.type`.
 */
import type { ErrorCode } from '../../errors.js';
import type { VerifyContext } from '../context.js';

/** What the status checks need from the OB 3.0 pipeline. */
export interface StatusDeps {
  /** Verifies the status-list credential's own proof AND validity period; provided by the OB 3.0 pipeline. Must not record into ctx.checks. */
  verifyListCredential(
    list: Record<string, unknown>,
    ctx: VerifyContext,
  ): Promise<{ ok: true } | { ok: false; code: ErrorCode; message: string }>;
}

/**
 * Records one `status` check (or several: one per entry, id `status`) on ctx.checks.
 * No credentialStatus → `skipped`.
 *
 * @example
 * ```ts
 * await checkCredentialStatus(credential, ctx, { verifyListCredential });
 * ```
 */
export async function checkCredentialStatus(
  credential: Record<string, unknown>,
  ctx: VerifyContext,
  deps: StatusDeps,
): Promise<void> {
  void deps;
  if (credential.credentialStatus === undefined) {
    ctx.checks.skip('status', 'the credential declares no credentialStatus');
    return;
  }
  // Work in progress: never claim a status we did not check.
  ctx.checks.fail('status', 'STATUS_UNSUPPORTED', 'credential status checking is not available yet');
}
