/**
 * The steps OB 1.x/2.0 hosted and signed verification share: following the assertion's
 * BadgeClass and issuer Profile, the recipient, expiry and issue-date checks, and building
 * the normalised badge.
 */
import { BadgeError, isBadgeError } from '../../errors.js';
import type { NormalisedBadge } from '../../result.js';
import type { VerifyContext } from '../context.js';
import { isoDate, parseDate } from '../dates.js';
import { FetchError } from '../fetch-error.js';
import { asArray, emptyBadge, idOf, isHttpUrl, isObject, safeImageUrl, str, type JsonObject } from '../normalise-common.js';
import { goneDocument, revocationReasonOf } from './gone.js';
import type { LegacyVersion } from './model.js';
import { checkBadgeClass, checkProfile, type Issue } from './structure.js';

/**
 * Fetch a JSON object; anything else (HTML, an array, a number) is RESOURCE_MALFORMED.
 * @example
 * ```ts
 * const { doc } = await fetchObject(ctx, 'https://example.org/issuer.json', 'the issuer Profile');
 * ```
 */
export async function fetchObject(ctx: VerifyContext, url: string, what: string): Promise<{ doc: JsonObject; finalUrl: string }> {
  const { resource, json } = await ctx.fetcher.getJson(url);
  if (!isObject(json)) throw new FetchError('RESOURCE_MALFORMED', url, `${what} at ${url} is not a JSON object`, resource.status);
  return { doc: json, finalUrl: resource.url };
}

/**
 * Record the first error (or, failing that, the first warning) of a structure check.
 * @example
 * ```ts
 * recordIssues(ctx, 'badgeclass', checkBadgeClass(doc, '2.0'), 'BadgeClass ok');
 * ```
 */
export function recordIssues(ctx: VerifyContext, id: string, issues: Issue[], passMessage: string): boolean {
  const error = issues.find((i) => !i.warning);
  if (error) {
    ctx.checks.fail(id, error.code, issues.filter((i) => !i.warning).map((i) => i.message).join('; '), error.property);
    return false;
  }
  const warning = issues.find((i) => i.warning);
  if (warning) ctx.checks.warn(id, warning.code, issues.map((i) => i.message).join('; '), warning.property);
  else ctx.checks.pass(id, passMessage);
  return true;
}

/**
 * State of one OB 1.x/2.0 verification, filled in step by step.
 * @example
 * ```ts
 * const run = new Ob2Run(ctx, '2.0', assertion);
 * await run.badgeClassStep();
 * await run.issuerStep();
 * run.datesStep();
 * const badge = run.badge();
 * ```
 */
export class Ob2Run {
  badgeClass: JsonObject | null = null;
  issuer: JsonObject | null = null;
  /** Why the remaining steps cannot run, once a step made that so. */
  stopped: string | null = null;

  constructor(
    readonly ctx: VerifyContext,
    readonly version: LegacyVersion,
    public assertion: JsonObject,
  ) {}

  skip(id: string, reason = this.stopped ?? 'not applicable'): void {
    this.ctx.checks.skip(id, reason);
  }

  /** Resolve a linked document: an embedded object is used as is, an IRI is fetched. */
  async #resolve(checkId: string, value: unknown, what: string, authoritative = false): Promise<{ doc: JsonObject; mismatch: string | null } | null> {
    // The issuer Profile decides who may host assertions and which keys sign them, so an
    // embedded copy (written by whoever wrote the assertion) is not trusted: its own id is
    // fetched when it is a URL.
    if (isObject(value) && !(authoritative && isHttpUrl(value.id))) return { doc: value, mismatch: null };
    if (isObject(value)) value = value.id;
    if (typeof value !== 'string') {
      this.ctx.checks.fail(checkId, 'MISSING_PROPERTY', `no ${what} to check`, what === 'BadgeClass' ? 'Assertion.badge' : 'BadgeClass.issuer');
      return null;
    }
    if (!isHttpUrl(value)) {
      this.ctx.checks.fail(checkId, 'FETCH_FAILED', `the ${what} ${value} is not an http(s) URL, so it cannot be fetched`);
      return null;
    }
    try {
      const { doc, finalUrl } = await fetchObject(this.ctx, value, what);
      const id = str(doc.id);
      // 1EdTech reports a document whose id differs from where it was found (a redirect
      // or an alias) as a warning: the issuer still served it from its own URL.
      const mismatch = this.version === '2.0' && id !== null && id !== value && id !== finalUrl ? `the ${what} at ${value} has id ${id}` : null;
      return { doc, mismatch };
    } catch (error) {
      this.ctx.checks.failFrom(checkId, error, 'FETCH_FAILED');
      return null;
    }
  }

  /** `badgeclass`: follow Assertion.badge and check the BadgeClass. */
  async badgeClassStep(): Promise<void> {
    if (this.stopped) return this.skip('badgeclass');
    const resolved = await this.#resolve('badgeclass', this.assertion.badge, 'BadgeClass');
    if (!resolved) return;
    const { doc, mismatch } = resolved;
    this.badgeClass = doc;
    const issues = checkBadgeClass(doc, this.version);
    if (mismatch) issues.push({ code: 'HOSTED_MISMATCH', property: 'BadgeClass.id', message: mismatch, warning: true });
    recordIssues(this.ctx, 'badgeclass', issues, `BadgeClass ${str(doc.name) ?? idOf(doc) ?? ''}`.trim());
  }

  /** `issuer`: follow BadgeClass.issuer and check the Profile. */
  async issuerStep(): Promise<void> {
    if (this.stopped) return this.skip('issuer');
    if (!this.badgeClass) return this.skip('issuer', 'the BadgeClass could not be read');
    const resolved = await this.#resolve('issuer', this.badgeClass.issuer, 'issuer Profile', this.version === '2.0');
    if (!resolved) return;
    const { doc, mismatch } = resolved;
    this.issuer = doc;
    const issues = checkProfile(doc, this.version);
    if (mismatch) issues.push({ code: 'HOSTED_MISMATCH', property: 'Profile.id', message: mismatch, warning: true });
    recordIssues(this.ctx, 'issuer', issues, `issuer ${str(doc.name) ?? idOf(doc) ?? ''}`.trim());
  }

  /** `recipient`: only when the caller named the expected recipient. */
  async recipientStep(): Promise<void> {
    const expected = this.ctx.options.recipient;
    if (expected === undefined || this.ctx.nested) return;
    const recipient = this.assertion.recipient;
    if (!isObject(recipient) || typeof recipient.identity !== 'string') {
      this.ctx.checks.fail('recipient', 'RECIPIENT_MISMATCH', 'the badge names no recipient identity to compare with', 'Assertion.recipient');
      return;
    }
    const claim = {
      identity: recipient.identity,
      hashed: recipient.hashed === true,
      salt: typeof recipient.salt === 'string' ? recipient.salt : null,
      type: typeof recipient.type === 'string' ? recipient.type : null,
    };
    // Loaded here: only callers that name a recipient need the comparison (and its MD5).
    const { identityMatches } = await import('../recipient.js');
    if (await identityMatches(expected, claim)) this.ctx.checks.pass('recipient', `issued to ${expected}`);
    else this.ctx.checks.fail('recipient', 'RECIPIENT_MISMATCH', `the badge was not issued to ${expected}`);
  }

  /** `expiry` and `issued`: against the caller's clock. */
  datesStep(): void {
    const now = this.ctx.options.now;
    const issued = parseDate(this.assertion.issuedOn);
    const expires = parseDate(this.assertion.expires);
    if (expires === null) this.ctx.checks.pass('expiry', 'no expiry date');
    else if (issued !== null && expires.getTime() < issued.getTime()) {
      this.ctx.checks.fail('expiry', 'INVALID_PROPERTY', `expires (${expires.toISOString()}) is before issuedOn (${issued.toISOString()})`, 'Assertion.expires');
    } else if (expires.getTime() <= now.getTime()) {
      this.ctx.checks.fail('expiry', 'EXPIRED', `expired on ${expires.toISOString()}`);
    } else this.ctx.checks.pass('expiry', `valid until ${expires.toISOString()}`);
    if (issued === null) this.skip('issued', 'no readable issue date');
    else if (issued.getTime() > now.getTime()) this.ctx.checks.fail('issued', 'NOT_YET_VALID', `issued in the future (${issued.toISOString()})`);
    else this.ctx.checks.pass('issued', `issued on ${issued.toISOString()}`);
  }

  /** The badge for display, from whatever could be read. */
  badge(): NormalisedBadge {
    const badge = emptyBadge();
    const a = this.assertion;
    const bc = this.badgeClass ?? (isObject(a.badge) ? a.badge : null);
    const issuer = this.issuer ?? (bc && isObject(bc.issuer) ? bc.issuer : null);
    if (bc) {
      badge.name = str(bc.name);
      badge.description = str(bc.description);
      badge.image = safeImageUrl(bc.image);
      const criteria = bc.criteria;
      badge.criteria = typeof criteria === 'string' ? str(criteria) : isObject(criteria) ? (str(criteria.id) ?? str(criteria.narrative)) : null;
      badge.alignment = asArray(bc.alignment);
    }
    badge.image ??= safeImageUrl(a.image);
    const issuerId = idOf(bc?.issuer) ?? (issuer ? idOf(issuer) : null);
    if (issuer) {
      badge.issuer = { id: idOf(issuer) ?? issuerId, name: str(issuer.name), url: isHttpUrl(issuer.url) ? issuer.url : null, image: safeImageUrl(issuer.image) };
    } else badge.issuer.id = issuerId;
    if (isObject(a.recipient)) {
      const hashed = a.recipient.hashed === true;
      badge.recipient = { id: null, name: null, identity: hashed ? null : str(a.recipient.identity), hashed };
    }
    badge.issuedOn = isoDate(a.issuedOn);
    badge.expiresOn = isoDate(a.expires);
    badge.evidence = asArray(a.evidence);
    return badge;
  }
}

/**
 * Turn a failed fetch of the assertion itself into a BadgeError for the `hosted` check.
 * @example
 * ```ts
 * hostedFetchError(new FetchError('FETCH_FAILED', url, 'gone', 410), url).code // 'REVOKED'
 * ```
 */
export function hostedFetchError(error: unknown, url: string): BadgeError {
  if (error instanceof FetchError && error.httpStatus === 410) {
    // The 410 body may say why (`{"revoked": true, "revocationReason": "..."}`).
    const reason = revocationReasonOf(goneDocument(error.body));
    return new BadgeError(
      'REVOKED',
      reason === null ? `the issuer revoked this assertion: ${url} answered HTTP 410 Gone` : `the issuer revoked this assertion: ${reason} (${url} answered HTTP 410 Gone)`,
    );
  }
  if (isBadgeError(error)) return error;
  return new BadgeError('FETCH_FAILED', `could not fetch ${url}`, { cause: error });
}
