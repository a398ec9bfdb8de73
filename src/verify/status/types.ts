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

/**
 * A plain JSON object (not an array, not null).
 *
 * @example
 * ```ts
 * isObject({}); // true
 * isObject([]); // false
 * ```
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `type` as a list of strings, whether written as a string or an array.
 *
 * @example
 * ```ts
 * typesOf('A'); // ['A']
 * typesOf(['A', 1]); // ['A']
 * ```
 */
export function typesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
  return [];
}

/**
 * Shorten text from a document for a message (it may be long or hostile).
 *
 * @example
 * ```ts
 * clip('x'.repeat(500)).length; // 201
 * ```
 */
export function clip(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
