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
 * definition objects: sharing the `mappings` (copy-on-write) and inheriting the `protected`
 * flags (see inheritProtected) gives the same results as the deep copy. The conformance corpus and the published test vectors
 * (canonical N-Quads byte for byte) run with it installed.
 *
 * How: every active context inherits its `clone` and `revertToPreviousContext` functions
 * from the process-wide initial context jsonld.js caches per processing mode; we replace
 * them on those initial contexts, and children copy them from their parent.
 */
import jsonld from 'jsonld';
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import ResolvedContext from 'jsonld/lib/ResolvedContext.js';
import LruCache from '../../shims/lru-cache.js';

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
/** On a clone: the context it was cloned from (see {@link FrozenResolvedContext}). */
const CLONE_OF = Symbol('verify-badge.clone-of');

/**
 * A copy-on-write Map for term definitions. Cloning an active context shares one frozen
 * snapshot (`#base`) between parent and child; whichever writes first copies it. jsonld.js
 * clones a context for every typed node and for every `previousContext` in the chain, and
 * most clones are never written to.
 *
 * The snapshot is never written by anyone: it is either a fresh copy made here, or storage a
 * CowMap handed over (and stopped using for writes) in `#share`.
 */
class CowMap<K, V> extends Map<K, V> {
  #base: Map<K, V> | null = null;

  static of<K, V>(source: Map<K, V>): CowMap<K, V> {
    const child = new CowMap<K, V>();
    child.#base = source instanceof CowMap ? (source as CowMap<K, V>).#share() : new Map(source);
    return child;
  }

  /** A snapshot both this map and a new clone can read from. */
  #share(): Map<K, V> {
    if (this.#base === null) {
      const snapshot = new Map<K, V>(Map.prototype.entries.call(this) as IterableIterator<[K, V]>);
      Map.prototype.clear.call(this);
      this.#base = snapshot;
    }
    return this.#base;
  }

  #own(): void {
    const base = this.#base;
    if (base !== null) {
      this.#base = null;
      for (const [k, v] of base) Map.prototype.set.call(this, k, v);
    }
  }

  override get(key: K): V | undefined {
    return this.#base !== null ? this.#base.get(key) : super.get(key);
  }
  override has(key: K): boolean {
    return this.#base !== null ? this.#base.has(key) : super.has(key);
  }
  override get size(): number {
    return this.#base !== null ? this.#base.size : super.size;
  }
  override set(key: K, value: V): this {
    this.#own();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.#own();
    return super.delete(key);
  }
  override clear(): void {
    this.#base = null;
    super.clear();
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#own();
    super.forEach(callback, thisArg);
  }
  override entries(): MapIterator<[K, V]> {
    this.#own();
    return super.entries();
  }
  override keys(): MapIterator<K> {
    this.#own();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.#own();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.#own();
    return super[Symbol.iterator]();
  }
}

/** One own key of each `protected` set we have inherited from (null: the set is empty). */
const ONE_PROTECTED_TERM = new WeakMap<Record<string, boolean>, string | null>();

/**
 * A child's `protected` set: an object inheriting the parent's (instead of copying hundreds
 * of VC 2.0 and OB 3.0 terms on every typed node, which profiling showed as the largest
 * single cost left in the clone). jsonld.js only ever adds `protected[term] = true` to a
 * context it is building, and reads the set in one place: `Object.keys(protected).length
 * !== 0` (may a context be nullified?). Inherited keys are not own keys, so the child gets
 * one of the parent's terms as its own: it has an own key exactly when the set is non-empty,
 * as with the copy. (Every set we make keeps that invariant, and jsonld.js's own are plain.)
 */
function inheritProtected(parent: Record<string, boolean>): Record<string, boolean> {
  const child = Object.create(parent) as Record<string, boolean>;
  let one = ONE_PROTECTED_TERM.get(parent);
  if (one === undefined) {
    one = null;
    for (const term in parent) {
      one = term;
      break;
    }
    ONE_PROTECTED_TERM.set(parent, one);
  }
  if (one !== null) child[one] = true;
  return child;
}

function fastClone(this: ActiveContext): ActiveContext {
  const child: ActiveContext & { [CLONE_OF]?: ActiveContext } = {
    [CLONE_OF]: this,
    mappings: CowMap.of(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: inheritProtected(this.protected),
    revertToPreviousContext: this.revertToPreviousContext,
  };
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

/**
 * Leaving a type-scoped context: jsonld.js hands back a fresh clone of the previous context,
 * which defeats its processed-context cache for everything applied next (the cache is keyed
 * by the active context object). Active contexts are never modified in place — api.process
 * clones before it defines a term — so the previous context itself serves as well.
 */
function fastRevert(this: ActiveContext): ActiveContext {
  return this.previousContext ?? this;
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
        initial.revertToPreviousContext = fastRevert;
        Object.defineProperty(initial, INSTALLED, { value: true });
      } catch {
        // Keep jsonld.js's own clone.
      }
    }
  })();
  return installing;
}

/**
 * Resolved object contexts, by identity, for frozen context objects (every scoped context
 * inside our bundled contexts is frozen, so its identity fixes its content). jsonld.js keys
 * them by `JSON.stringify(context)` on every node that carries a type-scoped context, which
 * profiling showed as a tenth of a verification. Bounded by the bundle: keys are our own
 * long-lived objects.
 */
const FROZEN_CONTEXTS = new WeakMap<object, FrozenResolvedContext>();

/**
 * The context `activeCtx` is a fresh, untouched copy of, when jsonld.js is about to apply a
 * non-propagating (type-scoped) context to it: api.process clones the active context and
 * sets the copy's `previousContext` to the original, then asks the cache. Nothing else
 * makes a context whose `previousContext` is the very context it was cloned from.
 */
function nonPropagatingSource(activeCtx: unknown): object | undefined {
  const ctx = activeCtx as { [CLONE_OF]?: ActiveContext; previousContext?: unknown } | null;
  const source = ctx?.[CLONE_OF];
  return source !== undefined && ctx?.previousContext === source ? source : undefined;
}

/**
 * A resolved frozen context whose processed forms are also remembered for type-scoped use.
 * jsonld.js caches a processed context by the active context it was applied to, but a
 * type-scoped context is applied to a fresh copy every time, so its cache never hits and
 * every typed node re-defines every term of its scoped context. The result depends only on
 * the original active context (the copy is identical to it), so we key those by the original.
 */
class FrozenResolvedContext extends ResolvedContext {
  readonly #nonPropagating = new WeakMap<object, unknown>();

  override getProcessed(activeCtx: unknown): unknown {
    const source = nonPropagatingSource(activeCtx);
    return source ? this.#nonPropagating.get(source) : super.getProcessed(activeCtx);
  }

  override setProcessed(activeCtx: unknown, processed: unknown): void {
    const source = nonPropagatingSource(activeCtx);
    if (source) this.#nonPropagating.set(source, processed);
    else super.setProcessed(activeCtx, processed);
  }
}

/** jsonld.js's cache of resolved remote contexts: the same LRU, bounded the same way (100). */
const sharedCache = new LruCache<string, unknown>({ max: 100 });

class IdentityContextResolver extends ContextResolver {
  override async resolve(options: { activeCtx: unknown; context: unknown; documentLoader: unknown; base: unknown; cycles?: Set<string> }): Promise<unknown[]> {
    let context = options.context;
    if (context && typeof context === 'object' && !Array.isArray(context) && (context as Record<string, unknown>)['@context']) {
      context = (context as Record<string, unknown>)['@context'];
    }
    if (context && typeof context === 'object' && !Array.isArray(context) && Object.isFrozen(context)) {
      let resolved = FROZEN_CONTEXTS.get(context);
      if (!resolved) {
        resolved = new FrozenResolvedContext({ document: context });
        FROZEN_CONTEXTS.set(context, resolved);
      }
      return [resolved];
    }
    return super.resolve(options);
  }
}

/**
 * Options to add to a jsonld.js call (expand / toRDF / canonize): a context resolver that
 * recognises our frozen contexts by identity. A new resolver per call, as jsonld.js makes
 * one per operation (it keeps a per-operation cache).
 *
 * @example
 * ```ts
 * await jsonld.toRDF(doc, { ...options, ...fastContextOptions() });
 * ```
 */
export function fastContextOptions(): { contextResolver: ContextResolver } {
  return { contextResolver: new IdentityContextResolver({ sharedCache }) };
}
