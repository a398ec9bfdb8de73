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

/** The verdict on an entry that is itself malformed: the badge's own data is wrong. */
export function malformedEntry(property: string, message: string): StatusVerdict {
  return { status: 'failed', code: 'INVALID_PROPERTY', message, property: `credentialStatus.${property}` };
}

/**
 * The verdict a 1-bit revocation or suspension status says, shared by both bitstring list
 * formats (Bitstring Status List and StatusList2021).
 *
 * @example
 * ```ts
 * bitVerdict('revocation', 1, 'https://issuer.example/status/1 index 7') // failed, REVOKED
 * ```
 */
export function bitVerdict(purpose: 'revocation' | 'suspension', bit: number, where: string): StatusVerdict {
  if (purpose === 'revocation') {
    return bit === 1
      ? { status: 'failed', code: 'REVOKED', message: `the issuer revoked this credential (${where})` }
      : { status: 'passed', message: `not revoked (${where})` };
  }
  return bit === 1
    ? { status: 'failed', code: 'SUSPENDED', message: `the issuer suspended this credential (${where})` }
    : { status: 'passed', message: `not suspended (${where})` };
}
