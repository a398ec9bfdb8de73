/**
 * verify-badge: is this Open Badge real, and is it still good?
 *
 * @packageDocumentation
 */
export { BadgeError, isBadgeError, ERROR_CODES, RESULT_STATUSES, STATUS_OF_CODE } from './errors.js';
export type { ErrorCode, ResultStatus } from './errors.js';
export type {
  BadgeVersion,
  InputFormat,
  Check,
  CheckStatus,
  BadgeIssuer,
  BadgeRecipient,
  BadgeEndorsement,
  NormalisedBadge,
  VerificationResult,
} from './result.js';
export type { VerifyOptions, DocumentLoader } from './verify/options.js';
export { createResourceCache } from './verify/fetcher.js';
export type { ResourceCache, FetchedResource } from './verify/fetcher.js';
export { verify } from './verify/verify.js';
export type { VerifyInput } from './verify/input.js';
export { verifyMany } from './verify/batch.js';
export type { BatchItem, VerifyManyOptions } from './verify/batch.js';
