/**
 * Replaces jsonld.js's API module (jsonld/lib/jsonld.js) in our builds (tsup.config.ts).
 *
 * Verifying calls three of its functions: `toRDF` (the suites' canonicalisation, which
 * expands first) and `processContext` (our speed-ups, src/verify/ob3/jsonld-speedup.ts). The
 * rest of the module — compaction, framing, flattening, RDF to JSON-LD, document loaders,
 * the JsonLdProcessor interface — never runs, yet is a fifth of jsonld.js. This module is the
 * JSON-LD 1.1 API's expansion and RDF conversion entry points (JSON-LD 1.1 Processing
 * Algorithms and API, §9.2 `expand()` and `toRdf()`) written over jsonld.js's own processing
 * modules (expansion, contexts, events, RDF conversion), which do all the work unchanged.
 * Options are defaulted as jsonld.js does, safe mode included (the suites ask for it: a
 * term that would be dropped fails the proof instead of being ignored).
 * test/shims/jsonld-api.test.ts holds it to jsonld.js's answers.
 */
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import { getInitialContext, process as processLocalContext } from 'jsonld/lib/context.js';
import { setupEventHandler } from 'jsonld/lib/events.js';
import { expand as expandElement } from 'jsonld/lib/expand.js';
import NQuads from 'jsonld/lib/NQuads.js';
import { toRDF as datasetOf } from 'jsonld/lib/toRdf.js';
import { clone } from 'jsonld/lib/util.js';
import LruCache from './lru-cache.js';

type Options = Record<string, unknown>;

/** Resolved remote contexts shared by calls that bring no resolver of their own (jsonld.js: 100). */
const sharedCache = new LruCache<string, unknown>({ max: 100 });

const isPlainObject = (value: unknown): value is Record<string, unknown> => Object.prototype.toString.call(value) === '[object Object]';

/** Every caller passes its loader; without one, nothing is loaded (jsonld.js's default would fetch). */
async function noDocumentLoader(url: string): Promise<never> {
  throw Object.assign(new Error(`verify-badge loads no JSON-LD document without a loader: ${url}`), { name: 'jsonld.LoadDocumentError', details: { url } });
}

/** jsonld.js's option defaults: a loader, a context resolver, the call's own, then the event handlers (safe mode). */
function withDefaults(options: Options | undefined, defaults: Options): Options {
  if (options && ('expansionMap' in options || 'compactionMap' in options)) throw new TypeError('"expansionMap" and "compactionMap" are not supported');
  return {
    documentLoader: noDocumentLoader,
    contextResolver: new ContextResolver({ sharedCache }),
    ...defaults,
    ...options,
    eventHandler: setupEventHandler({ options: options ?? {} }),
  };
}

/**
 * JSON-LD expansion of a document (an object: remote documents are not loaded here).
 *
 * @example
 * ```ts
 * const expanded = await expand(credential, { documentLoader, safe: true });
 * ```
 */
export async function expand(input: unknown, options?: Options): Promise<unknown[]> {
  if (typeof input === 'string') throw new TypeError('verify-badge expands documents, not URLs');
  const opts = withDefaults(options, { keepFreeFloatingNodes: false });
  if ('expandContext' in opts) throw new TypeError('"expandContext" is not supported');
  if (!('base' in opts)) opts.base = '';
  let expanded = await expandElement({ activeCtx: getInitialContext(opts), element: clone(input), options: opts });
  // §9.2 steps 8.1-8.3: a lone @graph is unwrapped, null is empty, and the result is an array.
  if (isPlainObject(expanded) && '@graph' in expanded && Object.keys(expanded).length === 1) expanded = expanded['@graph'];
  else if (expanded === null) expanded = [];
  return Array.isArray(expanded) ? expanded : [expanded];
}

/**
 * The RDF dataset of a document (N-Quads text when `format` is `application/n-quads`).
 *
 * @example
 * ```ts
 * const dataset = await toRDF(credential, { documentLoader, safe: true, base: null });
 * ```
 */
export async function toRDF(input: unknown, options?: Options): Promise<unknown> {
  const opts = withDefaults(options, { skipExpansion: false });
  const expanded = opts.skipExpansion ? input : await expand(input, opts);
  const dataset = datasetOf(expanded, opts);
  if (opts.format === undefined) return dataset;
  if (opts.format === 'application/n-quads') return NQuads.serialize(dataset);
  throw Object.assign(new Error('Unknown output format.'), { name: 'jsonld.UnknownFormat', details: { format: opts.format } });
}

/**
 * Process a local context against an active one (`null`: the initial context, which jsonld.js
 * keeps one per processing mode).
 *
 * @example
 * ```ts
 * const initial = await processContext(null, null, {});
 * ```
 */
export async function processContext(activeCtx: unknown, localCtx: unknown, options?: Options): Promise<unknown> {
  const opts = withDefaults(options, { base: '' });
  if (localCtx === null) return getInitialContext(opts);
  const local = clone(localCtx);
  return processLocalContext({ activeCtx, localCtx: isPlainObject(local) && '@context' in local ? local : { '@context': local }, options: opts });
}

/** Framing is not part of verification: the suites' verification methods are loaded without it. */
function frame(): never {
  throw new Error('jsonld.frame is left out of verify-badge');
}

export default { expand, toRDF, processContext, frame };
