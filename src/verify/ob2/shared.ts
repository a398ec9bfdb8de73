/**
 * What the on-demand OB 2.0 modules (signed.ts, endorsements.ts, extensions.ts, legacy.ts,
 * revoked.ts) share with the hosted path, imported through this one module, for the reason
 * ../shared.ts gives: every on-demand module reaching the same set keeps the hosted path in
 * few chunks. The OB 2.0 entry (index.ts, with hosted.ts) is listed too, though no on-demand
 * module calls it: they are only ever loaded after it, and reaching it puts its code in the
 * same chunk as the rest of the hosted path, leaving the entry chunk a stub of re-exports.
 *
 * @packageDocumentation
 */
// What ../shared.ts lists, but the base64 codec: no OB 2.0 module decodes base64 itself, and
// reaching it from here would put it on the hosted path (only the JWS reader needs it).
export { BadgeError, isBadgeError, type ErrorCode } from '../../errors.js';
export { overallStatus } from '../../result.js';
export { CheckList, type VerifierOutcome, type VerifyContext } from '../context.js';
export { FetchError } from '../fetch-error.js';
export { goneDocument, revocationReasonOf } from './gone.js';
export { asArray, isObject, nestsDeeperThan, type JsonObject } from '../json.js';
export { looksLikeCompactJws } from '../jose/shape.js';
export { classifyPayload } from '../../unbake/shared.js';
export { isoDate, parseDate } from '../dates.js';
export { emptyBadge, emptyIssuer, idOf, isHttpUrl, safeImageUrl, str } from '../normalise-common.js';
export { fetchObject, hostedFetchError, Ob2Run, recordIssues } from './linked.js';
export { checkAssertion } from './structure.js';
export {
  detectVersion,
  hasType,
  nodeKind,
  OB1_CONTEXTS,
  OB2_CONTEXTS,
  typesOf,
  verificationOf,
  verificationType,
  type LegacyVersion,
} from './model.js';
export { checkScope } from './scope.js';
export { checkExtensionsOnDemand, toOb2ShapeOnDemand, verifyEndorsementsOnDemand, verifySignedOnDemand } from './on-demand.js';
// Listed for the grouping only (see above).
export { verifyOb2Object } from './index.js';
