/**
 * What the JWS reader and key parser (src/verify/jose/) share with the code every page loads:
 * the common list (./core.ts), plus the base64 codec, which only they need. The hosted path
 * (the element, ./ob2/shared.ts) does not import this module, so the codec stays in their
 * on-demand chunks.
 *
 * @packageDocumentation
 */
export * from './core.js';
export { decodeBase64 } from '../encoding/base64.js';
