/**
 * The validity period of a credential: VCDM 1.1 `issuanceDate` / `expirationDate`, VCDM 2.0
 * `validFrom` / `validUntil` (OB 3.0 §8.2 "Verification": the credential must not be
 * expired and must already be valid), and a VC-JWT's `nbf` / `exp`.
 */
import type { ErrorCode } from '../../errors.js';
import type { CheckList } from '../context.js';
import { parseDate } from '../dates.js';
import { clip } from '../json.js';

/** One finding, recorded as a check with id `expiry` or `issued`. */
export interface ValidityFinding {
  id: 'expiry' | 'issued';
  status: 'passed' | 'failed' | 'skipped';
  code?: ErrorCode;
  message: string;
  property?: string;
}

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';

/**
 * Judge the validity period against `now`, without recording anything (the status-list
 * check uses this on list credentials). Every date property present is checked; a date that
 * does not parse is INVALID_PROPERTY, since it cannot be compared.
 *
 * @example
 * ```ts
 * evaluateValidity({ validUntil: '2011-01-01T00:00:00Z' }, new Date()) // [{ id: 'expiry', status: 'failed', code: 'EXPIRED', … }, …]
 * ```
 */
export function evaluateValidity(credential: Record<string, unknown>, now: Date, jwt?: { nbf?: unknown; exp?: unknown }): ValidityFinding[] {
  const findings: ValidityFinding[] = [];
  const ends: { property: string; date: Date }[] = [];
  const starts: { property: string; date: Date }[] = [];
  const read = (property: string, into: typeof ends) => {
    const value = credential[property];
    if (value === undefined || value === null) return;
    const date = typeof value === 'string' ? parseDate(value) : null;
    if (!date) {
      findings.push({ id: into === ends ? 'expiry' : 'issued', status: 'failed', code: 'INVALID_PROPERTY', message: `${property} is not a date: ${clip(value, 40)}`, property });
      return;
    }
    into.push({ property, date });
  };
  read('validUntil', ends);
  read('expirationDate', ends);
  read('validFrom', starts);
  read('issuanceDate', starts);
  const numericDate = (claim: 'nbf' | 'exp', into: typeof ends) => {
    const value = jwt?.[claim];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      findings.push({ id: claim === 'exp' ? 'expiry' : 'issued', status: 'failed', code: 'INVALID_PROPERTY', message: `JWT ${claim} is not a NumericDate`, property: claim });
      return;
    }
    into.push({ property: `JWT ${claim}`, date: new Date(value * 1000) });
  };
  numericDate('exp', ends);
  numericDate('nbf', starts);

  const contexts = Array.isArray(credential['@context']) ? credential['@context'] : [credential['@context']];
  if (contexts[0] === VC_V1 && credential.issuanceDate === undefined && !jwt) {
    // VCDM 1.1 §4.6: issuanceDate is required.
    findings.push({ id: 'issued', status: 'failed', code: 'MISSING_PROPERTY', message: 'a VCDM 1.1 credential must have issuanceDate', property: 'issuanceDate' });
  }

  if (!findings.some((f) => f.id === 'expiry')) {
    const expired = ends.find((e) => e.date.getTime() < now.getTime());
    if (expired) findings.push({ id: 'expiry', status: 'failed', code: 'EXPIRED', message: `expired: ${expired.property} is ${expired.date.toISOString()}` });
    else if (ends.length) findings.push({ id: 'expiry', status: 'passed', message: `valid until ${ends.map((e) => e.date.toISOString()).sort()[0]}` });
    else findings.push({ id: 'expiry', status: 'skipped', message: 'the credential does not expire' });
  }
  if (!findings.some((f) => f.id === 'issued')) {
    const early = starts.find((s) => s.date.getTime() > now.getTime());
    if (early) findings.push({ id: 'issued', status: 'failed', code: 'NOT_YET_VALID', message: `not valid before ${early.date.toISOString()} (${early.property})` });
    else if (starts.length) findings.push({ id: 'issued', status: 'passed', message: 'the validity period has begun' });
    else findings.push({ id: 'issued', status: 'skipped', message: 'the credential states no start of validity' });
  }
  return findings.sort((a, b) => (a.id === b.id ? 0 : a.id === 'expiry' ? -1 : 1));
}

/**
 * Record {@link evaluateValidity}'s findings on a check list.
 *
 * @example
 * ```ts
 * recordValidity(ctx.checks, evaluateValidity(credential, ctx.options.now));
 * ```
 */
export function recordValidity(checks: CheckList, findings: readonly ValidityFinding[]): void {
  for (const f of findings) {
    if (f.status === 'passed') checks.pass(f.id, f.message);
    else if (f.status === 'skipped') checks.skip(f.id, f.message);
    else checks.fail(f.id, f.code ?? 'INVALID_PROPERTY', f.message, f.property);
  }
}
