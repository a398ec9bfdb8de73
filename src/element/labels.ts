import type { ResultStatus } from '../errors.js';
import type { CheckStatus } from '../result.js';

/**
 * Every piece of text the element writes itself (badge text comes from the badge). Replace
 * some or all of them for another language through the element's `labels` property, or
 * for every element on the page through `VerifyBadgeElement.defaultLabels`.
 *
 * @example
 * ```ts
 * document.querySelector('verify-badge')!.labels = { verifyButton: 'Vérifier', status: { valid: 'Authentique' } };
 * ```
 */
export interface VerifyBadgeLabels {
  /** The overall status in words (shown next to the icon: status is never said by colour alone). */
  status: Record<ResultStatus, string>;
  /** One sentence explaining each status. */
  statusHint: Record<ResultStatus, string>;
  /** Each check outcome in words. */
  checkStatus: Record<CheckStatus, string>;
  loading: string;
  verifyButton: string;
  manualHint: string;
  dropzone: string;
  dropzoneHint: string;
  chooseFile: string;
  another: string;
  errorTitle: string;
  issuer: string;
  recipient: string;
  issued: string;
  expires: string;
  criteria: string;
  achievementType: string;
  endorsements: string;
  endorsedBy: string;
  checks: string;
  version: string;
  untitled: string;
  unknownIssuer: string;
}

/**
 * A partial override: top-level strings, or some entries of the nested maps.
 *
 * @example
 * ```ts
 * const fr: VerifyBadgeLabelsInput = { issuer: 'Émetteur', status: { valid: 'Authentique' } };
 * ```
 */
export type VerifyBadgeLabelsInput = {
  [K in keyof VerifyBadgeLabels]?: VerifyBadgeLabels[K] extends string ? string : Partial<VerifyBadgeLabels[K]>;
};

/**
 * English defaults.
 *
 * @example
 * ```ts
 * VerifyBadgeElement.defaultLabels = mergeLabels(DEFAULT_LABELS, { verifyButton: 'Check' });
 * ```
 */
export const DEFAULT_LABELS: VerifyBadgeLabels = {
  status: {
    valid: 'Verified',
    invalid: 'Not genuine',
    revoked: 'Revoked',
    suspended: 'Suspended',
    expired: 'Expired',
    'not-yet-valid': 'Not yet valid',
    indeterminate: 'Cannot be checked',
    error: 'Not a badge',
  },
  statusHint: {
    valid: 'The issuer vouches for this badge and it is current.',
    invalid: 'The badge failed a check: it may have been altered or was not issued as shown.',
    revoked: 'The issuer has withdrawn this badge.',
    suspended: 'The issuer has suspended this badge for now.',
    expired: 'This badge was genuine but its validity period is over.',
    'not-yet-valid': 'This badge only becomes valid at a later date.',
    indeterminate: 'Something needed to decide could not be reached or trusted, so the badge is not confirmed.',
    error: 'This file does not contain an Open Badge.',
  },
  checkStatus: { passed: 'passed', failed: 'failed', warning: 'warning', skipped: 'skipped' },
  loading: 'Verifying badge…',
  verifyButton: 'Verify badge',
  manualHint: 'Press the button to check this badge with its issuer.',
  dropzone: 'Drop a badge here',
  dropzoneHint: 'PNG, SVG, JSON or JWT. The file stays on your device.',
  chooseFile: 'Choose a badge file',
  another: 'Check another badge',
  errorTitle: 'The badge could not be verified',
  issuer: 'Issuer',
  recipient: 'Awarded to',
  issued: 'Issued',
  expires: 'Expires',
  criteria: 'Criteria',
  achievementType: 'Type',
  endorsements: 'Endorsements',
  endorsedBy: 'Endorsed by',
  checks: 'Checks',
  version: 'Open Badges',
  untitled: 'Untitled badge',
  unknownIssuer: 'Unknown issuer',
};

/**
 * Merge an override over a base, one level deep for the nested maps; unknown keys and
 * non-string values are ignored.
 *
 * @example
 * ```ts
 * mergeLabels(DEFAULT_LABELS, { status: { valid: 'Authentique' } }).status.revoked; // 'Revoked'
 * ```
 */
export function mergeLabels(base: VerifyBadgeLabels, override: VerifyBadgeLabelsInput | null | undefined): VerifyBadgeLabels {
  if (override === null || override === undefined || typeof override !== 'object') return base;
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base) as (keyof VerifyBadgeLabels)[]) {
    const value = override[key];
    const current = base[key];
    if (typeof current === 'string') {
      if (typeof value === 'string') merged[key] = value;
    } else if (value !== null && typeof value === 'object') {
      const nested: Record<string, string> = { ...current };
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && k in current) nested[k] = v;
      merged[key] = nested;
    }
  }
  return merged as unknown as VerifyBadgeLabels;
}
