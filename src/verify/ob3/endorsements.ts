/**
 * Endorsements (OB 3.0 §B.1.11 EndorsementCredential): third-party credentials embedded in
 * the badge (`endorsement`, `endorsementJwt` on the credential, its issuer Profile, the
 * Achievement and the Achievement's creator). Each is verified with the same pipeline and
 * reported with its own status; a bad endorsement never makes the badge itself invalid.
 */
import { overallStatus, type BadgeEndorsement } from '../../result.js';
import { CheckList, type VerifierOutcome, type VerifyContext } from '../context.js';
import { normaliseIssuer } from './normalise.js';
import { asArray, isObject } from '../json.js';
import { subjectOf } from './util.js';
import { isoDate } from '../dates.js';

/**
 * Most endorsements verified per badge: each may cost fetches and a proof check.
 *
 * @example
 * ```ts
 * embeddedEndorsements(credential).length <= MAX_ENDORSEMENTS
 * ```
 */
export const MAX_ENDORSEMENTS = 16;

/** The pipeline, passed in so this module does not import the one that imports it. */
export interface EndorsementVerifiers {
  credential(credential: Record<string, unknown>, ctx: VerifyContext): Promise<VerifierOutcome>;
  jwt(token: string, ctx: VerifyContext): Promise<VerifierOutcome>;
}

/**
 * Every embedded endorsement of a credential, objects and JWTs, in document order.
 *
 * @example
 * ```ts
 * embeddedEndorsements({ endorsementJwt: ['a.b.c'] }) // ['a.b.c']
 * ```
 */
export function embeddedEndorsements(credential: Record<string, unknown>): (Record<string, unknown> | string)[] {
  const holders: unknown[] = [credential, credential.issuer];
  const achievement = subjectOf(credential)?.achievement;
  if (isObject(achievement)) holders.push(achievement, achievement.creator);
  const found: (Record<string, unknown> | string)[] = [];
  for (const holder of holders) {
    if (!isObject(holder)) continue;
    for (const e of asArray(holder.endorsement, MAX_ENDORSEMENTS + 1)) if (isObject(e)) found.push(e);
    for (const e of asArray(holder.endorsementJwt, MAX_ENDORSEMENTS + 1)) if (typeof e === 'string') found.push(e);
  }
  return found;
}

/**
 * Verify every embedded endorsement (not when `ctx.nested`: endorsements of endorsements
 * are not followed) and record an `endorsements` check: passed when all are valid, a
 * warning otherwise, skipped when there are none.
 *
 * @example
 * ```ts
 * badge.endorsements = await verifyEndorsements(credential, ctx, { credential: verifyOb3Credential, jwt: verifyOb3Jwt });
 * ```
 */
export async function verifyEndorsements(
  credential: Record<string, unknown>,
  ctx: VerifyContext,
  verifiers: EndorsementVerifiers,
): Promise<BadgeEndorsement[]> {
  const all = embeddedEndorsements(credential);
  if (all.length === 0) {
    ctx.checks.skip('endorsements', 'the badge carries no endorsements');
    return [];
  }
  const results: BadgeEndorsement[] = [];
  const problems: { code: NonNullable<ReturnType<typeof firstCode>>; message: string }[] = [];
  for (const endorsement of all.slice(0, MAX_ENDORSEMENTS)) {
    const nested: VerifyContext = { options: ctx.options, fetcher: ctx.fetcher, checks: new CheckList(), nested: true };
    const outcome = typeof endorsement === 'string' ? await verifiers.jwt(endorsement, nested) : await verifiers.credential(endorsement, nested);
    const status = overallStatus(nested.checks.items);
    const shown = isObject(outcome.credential) ? outcome.credential : typeof endorsement === 'string' ? {} : endorsement;
    const subject = subjectOf(shown);
    results.push({
      issuer: normaliseIssuer(shown.issuer),
      claim: typeof subject?.endorsementComment === 'string' ? subject.endorsementComment : null,
      issuedOn: isoDate(shown.validFrom) ?? isoDate(shown.issuanceDate),
      status,
    });
    const code = firstCode(nested.checks);
    if (status !== 'valid' && code) problems.push({ code, message: `an endorsement is ${status}` });
  }
  if (all.length > MAX_ENDORSEMENTS) {
    ctx.checks.warn('endorsements', 'PAYLOAD_TOO_LARGE', `only the first ${MAX_ENDORSEMENTS} of ${all.length} endorsements were checked`);
  }
  const first = problems[0];
  if (first) ctx.checks.warn('endorsements', first.code, `${problems.length} of ${results.length} endorsements did not verify (${first.message})`);
  else ctx.checks.pass('endorsements', `${results.length} endorsement(s) verified`);
  return results;
}

function firstCode(checks: CheckList) {
  return checks.items.find((c) => c.status === 'failed' && c.code)?.code;
}
