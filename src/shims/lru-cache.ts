/**
 * Replaces the `lru-cache` package (v6, with its `yallist` list) inside our bundled jsonld.js
 * (tsup.config.ts). jsonld.js only constructs it with `{ max }` and calls `get` and `set`, on
 * two small caches (resolved contexts, processed contexts); a Map, whose iteration order is
 * insertion order, is all an LRU of that size needs, at a fraction of the bytes.
 */
export default class LruCache<K, V> {
  readonly #max: number;
  readonly #entries = new Map<K, V>();

  constructor(options: { max: number }) {
    this.#max = Math.max(1, options.max);
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Store `value` as the most recently used, dropping the least recently used past `max`. */
  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as K);
    return this;
  }
}
