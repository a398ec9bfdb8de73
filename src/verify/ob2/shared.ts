/**
 * What the on-demand OB 2.0 modules (signed.ts, endorsements.ts, extensions.ts, legacy.ts,
 * revoked.ts) share with the hosted path, imported through this one module, for the reason
 * ../core.ts gives: every on-demand module reaching the same set keeps the hosted path in
 * few chunks. The OB 2.0 entry (index.ts, with hosted.ts) is listed too, though no on-demand
 * module calls it: they are only ever loaded after it, and reaching it puts its code in the
 * same chunk as the rest of the hosted path, leaving the entry chunk a stub of re-exports.
 *
 * @packageDocumentation
 */
// The common list, without ../shared.ts's base64 codec: no OB 2.0 module decodes base64, and
// reaching the codec from here would put it on the hosted path.
export * from '../core.js';
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
