/**
 * Entry of the browser OB 3.0 module (dist/browser/ob3.js): the OB 3.0 verifier with
 * everything it needs (JSON-LD, the proof suites, the bundled contexts) bundled for
 * browsers. The script-tag bundle loads it on demand, the first time an OB 3.0 credential
 * turns up, so a page that shows OB 2.0 badges never downloads it.
 *
 * @example
 * ```ts
 * const { verifyOb3Credential } = await import(new URL('./browser/ob3.js', scriptUrl).href);
 * const outcome = await verifyOb3Credential(credential, ctx);
 * ```
 *
 * @packageDocumentation
 */
export { verifyOb3Credential, verifyOb3Jwt } from '../verify/ob3/index.js';
