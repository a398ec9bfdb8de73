import { RESULT_STATUSES, STATUS_OF_CODE, type ErrorCode, type ResultStatus } from './errors.js';

/** Open Badges versions we detect. */
export type BadgeVersion = '0.5' | '1.0' | '1.1' | '2.0' | '3.0';

/** What the input was. */
export type InputFormat = 'png' | 'svg' | 'json' | 'jwt' | 'url';

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

/**
 * One step of the verification. Every check that ran or was skipped appears, in order; an
 * id appears twice when a step runs twice (two proofs). Ids are stable: `input`, `unbake`,
 * `parse`, `structure`, `hosted`, `badgeclass`, `issuer`, `scope`, `key`, `proof`,
 * `recipient`, `extensions`, `expiry`, `issued` (validity has begun), `revocation` (OB 2.0),
 * `status` (OB 3.0 status lists), `schema`, `endorsements`.
 */
export interface Check {
  id: string;
  status: CheckStatus;
  /** Set on `failed` and `warning` checks. */
  code?: ErrorCode;
  message?: string;
  /** For MISSING_PROPERTY / INVALID_PROPERTY / INVALID_TYPE: the property concerned. */
  property?: string;
}

export interface BadgeIssuer {
  id: string | null;
  name: string | null;
  url: string | null;
  image: string | null;
}

export interface BadgeRecipient {
  id: string | null;
  name: string | null;
  /** The identity as issued: only when it is not hashed (a hash is no use for display). */
  identity: string | null;
  hashed: boolean;
}

export interface BadgeEndorsement {
  issuer: BadgeIssuer;
  claim: string | null;
  issuedOn: string | null;
  /** The endorsement's own verification status. */
  status: ResultStatus;
}

/** The badge normalised for display, whatever its version. */
export interface NormalisedBadge {
  name: string | null;
  description: string | null;
  /** An `https:`, `http:` or `data:image/*` URL, or null. */
  image: string | null;
  criteria: string | null;
  issuer: BadgeIssuer;
  recipient: BadgeRecipient;
  issuedOn: string | null;
  expiresOn: string | null;
  achievementType: string | null;
  evidence: unknown[];
  alignment: unknown[];
  endorsements: BadgeEndorsement[];
}

/**
 * The answer to "is this badge real, and is it still good?". Plain data: it survives
 * `JSON.stringify` unchanged, so the CLI, events and HTTP APIs carry it as is.
 */
export interface VerificationResult {
  /** What was given: a path, a URL, or "<object>" / "<bytes>" from the API. */
  input: string;
  /** True exactly when `status` is `valid`. */
  verified: boolean;
  status: ResultStatus;
  version: BadgeVersion | null;
  format: InputFormat | null;
  checks: Check[];
  badge: NormalisedBadge | null;
  /** The assertion or credential as verified (for OB 2.0 hosted: the hosted copy). */
  credential: unknown;
  errors: { code: ErrorCode; message: string }[];
}

/** The overall status implied by a list of checks: the first in precedence order wins. */
export function overallStatus(checks: readonly Check[]): ResultStatus {
  let best = RESULT_STATUSES.length - 1; // 'valid'
  for (const check of checks) {
    if (check.status !== 'failed' || check.code === undefined) continue;
    const rank = RESULT_STATUSES.indexOf(STATUS_OF_CODE[check.code]);
    if (rank < best) best = rank;
  }
  return RESULT_STATUSES[best]!;
}

/** Assemble a result from its checks, so `status`, `verified` and `errors` never disagree. */
export function buildResult(parts: {
  input: string;
  version: BadgeVersion | null;
  format: InputFormat | null;
  checks: Check[];
  badge: NormalisedBadge | null;
  credential: unknown;
}): VerificationResult {
  const status = overallStatus(parts.checks);
  const errors = parts.checks
    .filter((c): c is Check & { code: ErrorCode } => c.status === 'failed' && c.code !== undefined)
    .map((c) => ({ code: c.code, message: c.message ?? c.code }));
  return {
    input: parts.input,
    verified: status === 'valid',
    status,
    version: parts.version,
    format: parts.format,
    checks: parts.checks,
    badge: parts.badge,
    credential: parts.credential ?? null,
    errors,
  };
}
