/**
 * OB 2.0 Endorsements: hosted claims by a third party about an Assertion, BadgeClass or
 * Profile. Each one is verified like a hosted assertion (its hosted copy, its issuer, the
 * issuer's verification scope, revocation and dates) and reported in `badge.endorsements`
 * with its own status: an endorsement that fails says nothing about the badge itself, so it
 * only ever adds a warning to the badge's result.
 */
import type { BadgeEndorsement, BadgeIssuer } from '../../result.js';
import {
  asArray,
  BadgeError,
  CheckList,
  checkScope,
  emptyIssuer,
  fetchObject,
  hasType,
  hostedFetchError,
  idOf,
  isHttpUrl,
  isObject,
  isoDate,
  overallStatus,
  parseDate,
  safeImageUrl,
  str,
  type ErrorCode,
  type JsonObject,
  type VerifyContext,
} from './shared.js';

/** Most endorsements followed per badge: each costs two requests. */
const MAX_ENDORSEMENTS = 10;

function issuerOf(profile: JsonObject | null, id: string | null): BadgeIssuer {
  if (!profile) return { ...emptyIssuer(), id };
  return { id: idOf(profile) ?? id, name: str(profile.name), url: isHttpUrl(profile.url) ? profile.url : null, image: safeImageUrl(profile.image) };
}

/** Ids equal, or equal but for http/https (endorsers commonly serve an http id over https). */
function sameExceptScheme(a: string | null, b: string): boolean {
  return a !== null && a.replace(/^https?:/i, '') === b.replace(/^https?:/i, '');
}

async function verifyOne(ref: unknown, parent: VerifyContext): Promise<{ endorsement: BadgeEndorsement; code: ErrorCode | undefined }> {
  const checks = new CheckList();
  const ctx: VerifyContext = { ...parent, checks, nested: true };
  const url = idOf(ref);
  let doc: JsonObject | null = isObject(ref) ? ref : null;
  let profile: JsonObject | null = null;
  try {
    if (url === null || !isHttpUrl(url)) throw new BadgeError('FETCH_FAILED', 'the endorsement has no http(s) id to fetch its hosted copy from');
    try {
      doc = (await fetchObject(ctx, url, 'the endorsement')).doc;
    } catch (error) {
      throw hostedFetchError(error, url);
    }
    if (doc.revoked === true) throw new BadgeError('REVOKED', `the endorsement was revoked${str(doc.revocationReason) ? `: ${String(doc.revocationReason)}` : ''}`);
    if (!sameExceptScheme(str(doc.id), url)) throw new BadgeError('HOSTED_MISMATCH', `the endorsement at ${url} has another id`);
    if (!hasType(doc, 'Endorsement')) throw new BadgeError('INVALID_TYPE', 'not an Endorsement', { property: 'Endorsement.type' });
    if (!isObject(doc.claim)) throw new BadgeError('MISSING_PROPERTY', 'Endorsement.claim is required', { property: 'Endorsement.claim' });
    const issuerRef = doc.issuer;
    const issuerUrl = idOf(issuerRef);
    if (isObject(issuerRef)) profile = issuerRef;
    else if (issuerUrl && isHttpUrl(issuerUrl)) profile = (await fetchObject(ctx, issuerUrl, 'the endorser Profile')).doc;
    else throw new BadgeError('MISSING_PROPERTY', 'Endorsement.issuer is required', { property: 'Endorsement.issuer' });
    checks.pass('hosted');
    const scope = checkScope(url, profile, str(profile.id));
    if (scope.ok === false) checks.fail('scope', 'ID_OUT_OF_SCOPE', scope.message);
    const issued = parseDate(doc.issuedOn);
    const expires = parseDate(doc.expires);
    if (issued === null) checks.fail('issued', 'INVALID_PROPERTY', 'Endorsement.issuedOn is not a date', 'Endorsement.issuedOn');
    else if (issued.getTime() > ctx.options.now.getTime()) checks.fail('issued', 'NOT_YET_VALID', 'issued in the future');
    if (expires !== null && expires.getTime() <= ctx.options.now.getTime()) checks.fail('expiry', 'EXPIRED', 'expired');
  } catch (error) {
    checks.failFrom('hosted', error, 'FETCH_FAILED');
  }
  const claim = doc && isObject(doc.claim) ? doc.claim : null;
  const endorsement: BadgeEndorsement = {
    issuer: issuerOf(profile, doc ? idOf(doc.issuer) : null),
    claim: claim ? (str(claim.endorsementComment) ?? str(claim.id)) : null,
    issuedOn: doc ? isoDate(doc.issuedOn) : null,
    status: overallStatus(checks.items),
  };
  return { endorsement, code: checks.items.find((c) => c.status === 'failed')?.code };
}

/**
 * Verify the endorsements of an assertion, its BadgeClass and its issuer, recording one
 * `endorsements` check (passed, or a warning) when there are any.
 *
 * @example
 * ```ts
 * badge.endorsements = await verifyEndorsements([assertion, badgeClass, issuer], ctx);
 * ```
 */
export async function verifyEndorsements(nodes: Array<JsonObject | null>, ctx: VerifyContext): Promise<BadgeEndorsement[]> {
  const refs = nodes.flatMap((n) => (n ? asArray(n.endorsement) : [])).slice(0, MAX_ENDORSEMENTS);
  if (refs.length === 0 || ctx.nested) return [];
  const results = await Promise.all(refs.map((ref) => verifyOne(ref, ctx)));
  const bad = results.filter((r) => r.endorsement.status !== 'valid');
  if (bad.length === 0) ctx.checks.pass('endorsements', `${results.length} endorsement(s) verified`);
  else {
    const message = `${bad.length} of ${results.length} endorsement(s) did not verify (${bad.map((b) => `${b.endorsement.status}: ${b.code ?? ''}`).join(', ')})`;
    ctx.checks.warn('endorsements', bad[0]?.code ?? 'FETCH_FAILED', message);
  }
  return results.map((r) => r.endorsement);
}
