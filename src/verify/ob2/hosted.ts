/**
 * OB 2.0 Hosted Verification (and OB 1.x / 0.5 hosted assertions): the copy the issuer
 * hosts at the assertion's URL is the truth, so it is fetched even when the input already
 * holds a full assertion. HTTP 410 or `"revoked": true` there means revoked.
 */
import { BadgeError } from '../../errors.js';
import type { VerifierOutcome, VerifyContext } from '../context.js';
import { isObject, str, type JsonObject } from '../normalise-common.js';
import { FetchError } from '../fetch-error.js';
import { fetchObject, hostedFetchError, Ob2Run, recordIssues } from './linked.js';
import { goneDocument, revocationReasonOf } from './gone.js';
import { detectVersion, type LegacyVersion } from './model.js';
import { checkScope } from './scope.js';
import { checkAssertion } from './structure.js';
import { checkExtensionsOnDemand, showRevokedOnDemand, toOb2ShapeOnDemand, verifyEndorsementsOnDemand } from './on-demand.js';

/** The URL whose host is the issuer's default verification scope. */
function issuerScopeUrl(issuer: JsonObject, version: LegacyVersion): string | null {
  return version === '2.0' ? str(issuer.id) : str(issuer.url);
}

/**
 * Verify a hosted assertion. `presented` is what the input held (already in 2.0 shape);
 * `hostedUrl` is where the issuer hosts it (2.0 `id`, 1.x `verify.url`, 0.5 the URL it
 * was fetched from), or null when there is none to ask.
 *
 * A revoked assertion (HTTP 410, whose body may give the `revocationReason`, or
 * `"revoked": true` in the hosted copy) is `revoked` whatever else holds; its BadgeClass and
 * issuer are then read for display only (revoked.ts, loaded on demand), so the result
 * still says which badge was withdrawn, and every other check is skipped. Other failures of
 * the hosted step (unreachable, another assertion) skip the linked documents altogether.
 *
 * @example
 * ```ts
 * const outcome = await verifyHosted(assertion, '2.0', assertion.id as string, ctx);
 * ```
 */
export async function verifyHosted(presented: JsonObject, version: LegacyVersion, hostedUrl: string | null, ctx: VerifyContext): Promise<VerifierOutcome> {
  const run = new Ob2Run(ctx, version, presented);
  let credential: unknown = presented;
  let revokedStub = false;
  /** The issuer's revoked document (a 200 copy marked revoked, or a 410 body), if any. */
  let revokedCopy: JsonObject | null = null;

  // --- hosted: fetch the issuer's copy ---
  if (hostedUrl === null) {
    ctx.checks.fail('hosted', 'FETCH_FAILED', version === '0.5' ? 'an OB 0.5 assertion given without its URL cannot be checked against the issuer' : 'the assertion has no URL to fetch its hosted copy from', 'Assertion.id');
    run.stopped = 'the hosted copy could not be had';
  } else {
    try {
      const { doc } = await fetchObject(ctx, hostedUrl, 'the hosted assertion');
      credential = doc;
      if (doc.revoked === true) {
        revokedCopy = doc;
        const reason = revocationReasonOf(doc);
        throw new BadgeError('REVOKED', reason ? `the issuer revoked this assertion: ${reason}` : 'the issuer revoked this assertion');
      }
      const hostedVersion = detectVersion(doc) ?? version;
      const hosted = await toOb2ShapeOnDemand(doc, hostedVersion, hostedUrl);
      const hostedId = str(hosted.id);
      if (version !== '0.5' && hostedId !== hostedUrl) {
        throw new BadgeError('HOSTED_MISMATCH', `the document at ${hostedUrl} has id ${hostedId ?? '(none)'}, not ${hostedUrl}`);
      }
      const presentedId = str(presented.id);
      if (presentedId !== null && presentedId !== hostedUrl) {
        throw new BadgeError('HOSTED_MISMATCH', `the presented assertion ${presentedId} is not the one hosted at ${hostedUrl}`);
      }
      run.assertion = hosted;
      ctx.checks.pass('hosted', `the issuer hosts this assertion at ${hostedUrl}`);
    } catch (error) {
      const typed = hostedFetchError(error, hostedUrl);
      ctx.checks.failFrom('hosted', typed, 'FETCH_FAILED');
      revokedStub = typed.code === 'REVOKED';
      if (revokedStub && error instanceof FetchError) {
        revokedCopy = goneDocument(error.body);
        if (revokedCopy !== null) credential = revokedCopy;
      }
      run.stopped = revokedStub ? 'the issuer revoked this assertion' : typed.code === 'HOSTED_MISMATCH' ? 'the hosted copy is another assertion' : 'the hosted copy could not be had';
    }
  }

  // --- structure of the document being verified ---
  if (revokedStub) run.skip('structure', 'a revoked assertion may be served as a stub');
  else recordIssues(ctx, 'structure', checkAssertion(run.assertion, version), `Open Badges ${version} hosted assertion`);
  if (!run.stopped && version === '2.0') await checkExtensionsOnDemand(run.assertion, ctx);

  if (revokedStub) {
    await showRevokedOnDemand(run, presented, revokedCopy, hostedUrl!, (issuer) => checkScope(hostedUrl!, issuer, issuerScopeUrl(issuer, version)).ok !== false);
  } else {
    await run.badgeClassStep();
    await run.issuerStep();
  }

  // --- scope: is the assertion where the issuer says its assertions live? ---
  if (run.stopped) run.skip('scope');
  else if (!run.issuer) run.skip('scope', 'the issuer Profile could not be read');
  else {
    const verdict = checkScope(hostedUrl!, run.issuer, issuerScopeUrl(run.issuer, version));
    if (verdict.ok === true) ctx.checks.pass('scope', verdict.message);
    else if (verdict.ok === false) ctx.checks.fail('scope', 'ID_OUT_OF_SCOPE', verdict.message, 'Assertion.id');
    else ctx.checks.warn('scope', 'ID_OUT_OF_SCOPE', verdict.message, 'Profile.id');
  }

  run.skip('proof', 'hosted verification: the copy the issuer hosts stands in for a signature');
  run.skip('key', 'hosted verification uses no key');
  if (run.stopped) run.skip('revocation');
  else ctx.checks.pass('revocation', 'the hosted copy is not revoked');

  if (run.stopped) {
    if (ctx.options.recipient !== undefined && !ctx.nested) run.skip('recipient');
    run.skip('expiry');
    run.skip('issued');
  } else {
    await run.recipientStep();
    run.datesStep();
  }
  const badge = run.badge();
  if (!run.stopped) badge.endorsements = await verifyEndorsementsOnDemand([run.assertion, run.badgeClass, run.issuer], ctx);
  return { version, badge, credential: isObject(credential) ? credential : presented };
}
