/**
 * Types shared by the status mechanisms. Kept apart from `index.ts` so that each mechanism
 * module can import them without importing the dispatcher.
 */
import type { ErrorCode } from '../../errors.js';
import type { VerifyContext } from '../context.js';

/** What the status checks need from the OB 3.0 pipeline. */
export interface StatusDeps {
  /**
   * Verifies the status-list credential's own proof AND validity period; provided by the
   * OB 3.0 pipeline. Must not record into ctx.checks.
   */
  verifyListCredential(
    list: Record<string, unknown>,
    ctx: VerifyContext,
  ): Promise<{ ok: true } | { ok: false; code: ErrorCode; message: string }>;
}

/**
 * The verdict on one `credentialStatus` entry, recorded as one `status` check. Failed
 * verdicts only ever carry REVOKED, SUSPENDED (the issuer said so), STATUS_UNAVAILABLE,
 * STATUS_UNSUPPORTED (we cannot tell) or INVALID_PROPERTY (the entry itself is malformed).
 */
export type StatusVerdict =
  | { status: 'passed'; message: string }
  | { status: 'failed'; code: ErrorCode; message: string; property?: string }
  | { status: 'warning'; code: ErrorCode; message: string };
