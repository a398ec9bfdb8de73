/**
 * What the on-demand image readers (svg.ts, inflate.ts) share with the code every page loads,
 * imported through this one module. A code-splitting bundler (esbuild, which the size report
 * runs) puts modules into chunks by the set of entry points that reach them. The readers and
 * the verifier's on-demand modules (through ../verify/shared.ts) all reach this same set, so
 * it ships as one chunk instead of one per combination of importers (errors.ts alone,
 * base64.ts alone, ...), each a request of its own with its own gzip overhead.
 *
 * @packageDocumentation
 */
export { BadgeError, type ErrorCode } from '../errors.js';
export { classifyPayload, type PayloadType } from './payload.js';
export {
  DEFAULT_MAX_DEPTH,
  OB2_NAMESPACE,
  OB3_NAMESPACE,
  type BadgeElement,
  type ResolvedUnbakeOptions,
  type UnbakedBadge,
} from './types.js';
