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
 * The OB 3.0 verifier is not in this file: it loads on demand from `browser/ob3.js` next to
 * the script (see src/browser/ob3-loader.ts), so keep the `browser/` folder beside it.
 *
 * @packageDocumentation
 */
import { locateOb3 } from '../browser/ob3-loader.js';
import { VerifyBadgeElement } from './index.js';

// First: document.currentScript is set only while this script starts.
locateOb3(typeof document === 'undefined' ? null : document.currentScript);
VerifyBadgeElement.define();

export { VerifyBadgeElement, DEFAULT_LABELS } from './index.js';
export { verify } from '../verify/verify.js';
export * from '../unbake/index.js';
export { ERROR_CODES, RESULT_STATUSES, STATUS_OF_CODE, isBadgeError, BadgeError } from '../errors.js';
