/**
 * What a revoked OB 1.x/2.0 assertion still shows: the issuer withdrew it, so the verdict is
 * decided, but the result should name the badge that was revoked and who issued it. Loaded on
 * demand (ob2/on-demand.ts): only revoked hosted assertions need it.
 */
import { detectVersion, fetchObject, isHttpUrl, isObject, toOb2ShapeOnDemand, type JsonObject, type Ob2Run } from './shared.js';

/** A linked document for display: embedded as is (the issuer's own URL first when `authoritative`), else fetched; null on any failure. */
async function displayDoc(run: Ob2Run, value: unknown, authoritative: boolean): Promise<JsonObject | null> {
  if (isObject(value) && !(authoritative && isHttpUrl(value.id))) return value;
  const url = isObject(value) ? value.id : value;
  if (typeof url !== 'string' || !isHttpUrl(url)) return null;
  try {
    return (await fetchObject(run.ctx, url, 'a linked document')).doc;
  } catch {
    // An embedded copy is still worth showing when the issuer's own copy cannot be had.
    return isObject(value) ? value : null;
  }
}

/**
 * Once the verdict is decided without them (the issuer revoked the assertion), the
 * BadgeClass and issuer Profile are still read, so that the result names the badge that
 * was revoked and who issued it instead of an untitled badge. They are display only:
 * nothing in them is checked, `badgeclass` and `issuer` are recorded as `skipped` whether
 * or not they could be had (a failed fetch here adds no failed check and cannot change
 * the status), and they go through the same fetcher, so the same guards apply.
 *
 * `vouches`, when given, is asked whether the issuer Profile read covers this assertion
 * (its verification scope); when it says no, neither document is shown, so a presented
 * assertion cannot borrow another issuer's name for a revocation that issuer never made.
 *
 * @example
 * ```ts
 * run.stopped = 'the issuer revoked this assertion';
 * await readForDisplay(run);
 * run.badge().name; // 'Robotics Fundamentals'
 * ```
 */
export async function readForDisplay(run: Ob2Run, vouches?: (issuer: JsonObject) => boolean): Promise<void> {
  const why = run.stopped ?? 'the verdict is already decided';
  const badgeRef = run.assertion.badge;
  const badgeClass = await displayDoc(run, badgeRef, false);
  const issuer = badgeClass ? await displayDoc(run, badgeClass.issuer, run.version === '2.0') : null;
  if (issuer && vouches && !vouches(issuer)) {
    run.skip('badgeclass', `${why}; the BadgeClass is not shown: its issuer's verification scope does not cover this assertion`);
    return run.skip('issuer', `${why}; the issuer Profile is not shown: its verification scope does not cover this assertion`);
  }
  run.badgeClass = badgeClass;
  run.issuer = issuer;
  if (badgeClass) run.skip('badgeclass', `${why}; the BadgeClass was read for display only`);
  else run.skip('badgeclass', badgeRef === undefined ? `${why}; it names no BadgeClass to show` : `${why}; the BadgeClass could not be read for display`);
  if (!badgeClass) return run.skip('issuer', `${why}; no BadgeClass names the issuer`);
  run.skip('issuer', issuer ? `${why}; the issuer Profile was read for display only` : `${why}; the issuer Profile could not be read for display`);
}

/**
 * Show a revoked hosted assertion: the assertion named for display is the issuer's revoked
 * copy when it is a full assertion (it names its BadgeClass), else what was presented (a
 * revoked stub `{ id, revoked, revocationReason }` names nothing); then its BadgeClass and
 * issuer are read for display ({@link readForDisplay}).
 *
 * @example
 * ```ts
 * await showRevoked(run, presented, goneDocument(error.body), hostedUrl, (issuer) => inScope(issuer));
 * ```
 */
export async function showRevoked(
  run: Ob2Run,
  presented: JsonObject,
  revokedCopy: JsonObject | null,
  hostedUrl: string,
  vouches: (issuer: JsonObject) => boolean,
): Promise<void> {
  run.assertion = revokedCopy === null || revokedCopy.badge === undefined ? presented : await toOb2ShapeOnDemand(revokedCopy, detectVersion(revokedCopy) ?? run.version, hostedUrl);
  await readForDisplay(run, vouches);
}
