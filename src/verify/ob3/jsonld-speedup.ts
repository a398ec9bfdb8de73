/**
 * A faster active-context clone for jsonld.js, installed once per process.
 *
 * Why: OB 3.0 contexts are large and use type-scoped contexts on almost every node type.
 * jsonld.js processes a type-scoped context by cloning the whole active context, and its
 * clone deep-copies every term definition (hundreds of them with VC 2.0 + OB 3.0). Profiling
 * one warm verification showed about two thirds of the time in that copy and the garbage it
 * leaves (bench/ob3.mjs).
 *
 * Why this is safe: a term definition object is only written while jsonld.js creates it
 * (createTermDefinition builds a fresh object, then `mappings.set`s it); afterwards contexts
 * replace definitions, they never edit them. So a child context may share its parent's
 * definition objects: copying the `mappings` Map and the `protected` flags shallowly gives
 * the same results as the deep copy. The conformance corpus and the published test vectors
 * (canonical N-Quads byte for byte) run with it installed.
 *
 * How: every active context inherits its `clone` function from the process-wide initial
 * context jsonld.js caches per processing mode; we replace `clone` on those initial
 * contexts, and children copy it from their parent.
 */
import jsonld from 'jsonld';

/** The shape of a jsonld.js active context, as far as cloning is concerned. */
interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  previousContext?: ActiveContext;
  clone: (this: ActiveContext) => ActiveContext;
  inverse: unknown;
  getInverse: unknown;
  revertToPreviousContext: unknown;
  '@base'?: unknown;
  '@language'?: unknown;
  '@vocab'?: unknown;
  processingMode?: unknown;
}

const INSTALLED = Symbol.for('verify-badge.jsonld-fast-clone');

function fastClone(this: ActiveContext): ActiveContext {
  const child: ActiveContext = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
  };
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

let installing: Promise<void> | undefined;

/**
 * Install the fast clone on jsonld.js's initial contexts (idempotent; the first call does
 * the work, later calls share its promise). Never throws: if jsonld.js changes shape, we
 * simply keep its own clone.
 *
 * @example
 * ```ts
 * await installFastContextClone();
 * ```
 */
export function installFastContextClone(): Promise<void> {
  installing ??= (async () => {
    const api = jsonld as unknown as { processContext?: (a: unknown, l: null, o: Record<string, unknown>) => Promise<unknown> };
    if (typeof api.processContext !== 'function') return;
    for (const processingMode of [undefined, 'json-ld-1.1', 'json-ld-1.0']) {
      try {
        const initial = (await api.processContext(null, null, processingMode ? { processingMode } : {})) as ActiveContext | undefined;
        if (!initial || typeof initial.clone !== 'function' || !(initial.mappings instanceof Map) || initial.mappings.size !== 0) continue;
        if ((initial as unknown as Record<symbol, unknown>)[INSTALLED]) continue;
        initial.clone = fastClone;
        Object.defineProperty(initial, INSTALLED, { value: true });
      } catch {
        // Keep jsonld.js's own clone.
      }
    }
  })();
  return installing;
}
