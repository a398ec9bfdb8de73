/**
 * The verifier code every page loads and every on-demand module shares, as one list. A
 * code-splitting bundler (esbuild, which the size report runs) puts modules into chunks by
 * the set of entry points that reach them: when every on-demand module (the JWS reader, the
 * OB 2.0 modules, the image readers) reaches this same set, through ./shared.ts,
 * ./ob2/shared.ts or the reader modules (./svg-reader.ts, ./inflate-reader.ts), the
 * always-loaded code ships as one chunk instead of one per combination of importers
 * (errors.ts alone, json.ts alone, ...), each a request of its own with its own gzip overhead.
 * Some names are listed only to keep their module in the set (see each line).
 *
 * @packageDocumentation
 */
export { BadgeError, isBadgeError, type ErrorCode } from '../errors.js';
export { overallStatus } from '../result.js';
export { CheckList, type VerifierOutcome, type VerifyContext } from './context.js';
export { FetchError } from './fetch-error.js';
// Listed so that the fetcher (always loaded) and the verifiers that bound a documentLoader share it.
export { boundedLoader, requestSignal, untilAborted } from './abort.js';
export { goneDocument, revocationReasonOf } from './ob2/gone.js';
export { asArray, isObject, nestsDeeperThan, type JsonObject } from './json.js';
export { looksLikeCompactJws } from './jose/shape.js';
// Listed to bring what the on-demand image readers share (unbake/shared.ts) into the set.
export { classifyPayload } from '../unbake/shared.js';
// What counts as a JWS, for input detection and hosted answers alike (as unbaking decides).
export { isCompactJws } from '../unbake/payload.js';
