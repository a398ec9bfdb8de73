/**
 * Entry of the module-script build (dist/module/verify-badge.js): registers `<verify-badge>`
 * for a page without a bundler, like the classic script, but as an ES module split into
 * chunks, so a page downloads only what its badges need: the element and the hosted OB 2.0
 * path first, the SVG reader, signed OB 2.0, the inflater… and the whole OB 3.0 machinery
 * (JSON-LD, proof suites, contexts) only when a badge asks for them. The chunks share
 * modules the ordinary way, so nothing is lent across files as the classic script does.
 *
 * @example
 * ```html
 * <script type="module" src="https://cdn.example/verify-badge/dist/module/verify-badge.js"></script>
 * <verify-badge src="badge.png"></verify-badge>
 * <script type="module">
 *   import { verify } from 'https://cdn.example/verify-badge/dist/module/verify-badge.js';
 * </script>
 * ```
 *
 * Unbaking and baking (`verify-badge/unbake`) are not exported here: the element loads its
 * image readers on demand, and exporting them would put them all in the first download.
 *
 * @packageDocumentation
 */
export { VerifyBadgeElement, DEFAULT_LABELS } from '../element/define.js';
export { verify } from '../verify/verify.js';
export { ERROR_CODES, RESULT_STATUSES, STATUS_OF_CODE, isBadgeError, BadgeError } from '../errors.js';
