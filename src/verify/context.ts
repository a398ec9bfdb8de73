import { isBadgeError, type ErrorCode } from '../errors.js';
import type { BadgeVersion, Check, NormalisedBadge } from '../result.js';
import type { Fetcher } from './fetcher.js';
import type { ResolvedOptions } from './options.js';

/**
 * The checks of one verification, in the order they ran. Verifiers record through this
 * rather than pushing objects by hand, so every failed check carries a code.
 */
export class CheckList {
  readonly items: Check[] = [];

  pass(id: string, message?: string): void {
    this.items.push(message === undefined ? { id, status: 'passed' } : { id, status: 'passed', message });
  }

  fail(id: string, code: ErrorCode, message: string, property?: string): void {
    this.items.push(property === undefined ? { id, status: 'failed', code, message } : { id, status: 'failed', code, message, property });
  }

  warn(id: string, code: ErrorCode, message: string, property?: string): void {
    this.items.push(property === undefined ? { id, status: 'warning', code, message } : { id, status: 'warning', code, message, property });
  }

  skip(id: string, message: string): void {
    this.items.push({ id, status: 'skipped', message });
  }

  /** Record a thrown error as a failed check: a BadgeError keeps its code, anything else is `fallback`. */
  failFrom(id: string, error: unknown, fallback: ErrorCode): void {
    if (isBadgeError(error)) this.fail(id, error.code, error.message, error.property);
    else this.fail(id, fallback, error instanceof Error ? error.message : String(error));
  }

  /** True once any check has failed (warnings do not count). */
  get failed(): boolean {
    return this.items.some((c) => c.status === 'failed');
  }

  has(id: string): boolean {
    return this.items.some((c) => c.id === id);
  }
}

/** What a version-specific verifier gets: the options, the one fetcher, the check list. */
export interface VerifyContext {
  options: ResolvedOptions;
  fetcher: Fetcher;
  checks: CheckList;
  /**
   * True when verifying an embedded endorsement: no recipient matching, and the nested
   * result is reported in `badge.endorsements` rather than as the top-level result.
   */
  nested: boolean;
}

/** What a version-specific verifier hands back; the checks were recorded on the context. */
export interface VerifierOutcome {
  version: BadgeVersion | null;
  badge: NormalisedBadge | null;
  credential: unknown;
}
