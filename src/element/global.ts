/**
 * Entry of the script-tag bundle (dist/verify-badge.global.js, an IIFE): registers
 * `<verify-badge>` and exposes the API on the `VerifyBadge` global, for pages without a
 * bundler.
 *
 * @example
 * ```html
 * <script src="verify-badge.global.js" defer></script>
 * <verify-badge src="badge.png"></verify-badge>
 * <!-- later, from your own script: const result = await VerifyBadge.verify(file); -->
 * ```
 *
 * @packageDocumentation
 */
import { VerifyBadgeElement } from './index.js';

VerifyBadgeElement.define();

export { VerifyBadgeElement, DEFAULT_LABELS } from './index.js';
export { verify } from '../verify/verify.js';
export * from '../unbake/index.js';
export { ERROR_CODES, RESULT_STATUSES, STATUS_OF_CODE, isBadgeError, BadgeError } from '../errors.js';
