/**
 * The zlib inflater (src/unbake/inflate.ts) as the verifier loads it on demand, for a PNG
 * whose badge chunk is compressed. Loaded through this module for the reason
 * ./svg-reader.ts gives.
 *
 * @packageDocumentation
 */
export { inflateZlib } from '../unbake/inflate.js';
// Listed for the grouping only (see ./svg-reader.ts).
export { BadgeError } from './core.js';
