/**
 * Replaces jsonld.js's platform module (lib/platform.js) in our builds (tsup.config.ts).
 *
 * jsonld.js's Node platform file loads @digitalbazaar/http-client and undici for a default
 * document loader, about a third of its import time, and its browser one installs an XHR
 * loader and a `JsonLdProcessor` global. We use neither: every call passes our own
 * fail-closed document loader, and a library must not define globals. With this module the
 * default loader stays jsonld.js's own "not implemented" one, so a call that forgot ours
 * fails instead of reaching the network.
 *
 * @example
 * ```ts
 * // esbuild: resolve jsonld/lib/platform.js to this file
 * ```
 */

/**
 * Installs no document loader (jsonld.js keeps its refusing default).
 *
 * @example
 * ```ts
 * setupDocumentLoaders(jsonld); // no-op
 * ```
 */
export function setupDocumentLoaders(_jsonld: unknown): void {}

/**
 * Defines no globals.
 *
 * @example
 * ```ts
 * setupGlobals(jsonld); // no-op
 * ```
 */
export function setupGlobals(_jsonld: unknown): void {}
