/**
 * What the verifier's on-demand modules (the JWS reader, the OB 2.0 modules) share with the
 * code every page loads, imported through this one module. A code-splitting bundler (esbuild,
 * which the size report runs) puts modules into chunks by the set of entry points that reach
 * them: when every on-demand module reaches this same set, the always-loaded verifier code
 * ships as one chunk instead of one per combination of importers (errors.ts alone, json.ts
 * alone, fetcher.ts with options.ts, ...), each a request of its own with its own gzip
 * overhead. Some names are listed only to keep their module in the set (see each line).
 *
 * @packageDocumentation
 */
export { BadgeError, isBadgeError, type ErrorCode } from '../errors.js';
// Only the JWS reader and key parser decode base64: the hosted path (element, ob2/shared.ts)
// does not import this module, so the codec stays in their on-demand chunks.
export { decodeBase64 } from '../encoding/base64.js';
export { overallStatus } from '../result.js';
export { CheckList, type VerifierOutcome, type VerifyContext } from './context.js';
export { FetchError } from './fetch-error.js';
export { goneDocument, revocationReasonOf } from './ob2/gone.js';
export { asArray, isObject, nestsDeeperThan, type JsonObject } from './json.js';
export { looksLikeCompactJws } from './jose/shape.js';
// Listed to bring what the on-demand image readers share (unbake/shared.ts) into the set.
export { classifyPayload } from '../unbake/shared.js';
