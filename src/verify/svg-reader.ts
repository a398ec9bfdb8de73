/**
 * The SVG reader (src/unbake/svg.ts) as the verifier loads it on demand. Loaded through this
 * module, not directly: this one also reaches the common list (./core.ts), so the modules the
 * reader shares with the always-loaded code (errors.ts, payload.ts, ...) ship in one chunk
 * with the rest of that code instead of a chunk of their own (see ./core.ts).
 *
 * @packageDocumentation
 */
export { looksLikeSvg, unbakeSvg } from '../unbake/svg.js';
// Listed for the grouping only (see above): one name brings core.ts and all it lists into
// the set, without copying its namespace into the script-tag bundle.
export { BadgeError } from './core.js';
