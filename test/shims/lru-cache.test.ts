// The Map-based LRU that replaces lru-cache inside our bundled jsonld.js (get/set/{ max }).
import { describe, expect, it } from 'vitest';
import LruCache from '../../src/shims/lru-cache.js';

describe('LruCache', () => {
  it('keeps at most `max` entries, dropping the least recently used', () => {
    const cache = new LruCache<string, number>({ max: 2 });
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1); // 'a' is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('refreshes a key on set without growing, and works with object keys', () => {
    const cache = new LruCache<object, string>({ max: 2 });
    const [k1, k2, k3] = [{}, {}, {}];
    cache.set(k1, 'one').set(k2, 'two').set(k1, 'uno').set(k3, 'three');
    expect(cache.get(k1)).toBe('uno');
    expect(cache.get(k2)).toBeUndefined();
  });

  it('remembers a stored undefined-like value and answers undefined for unknown keys', () => {
    const cache = new LruCache<string, number>({ max: 1 });
    cache.set('zero', 0);
    expect(cache.get('zero')).toBe(0);
    expect(cache.get('other')).toBeUndefined();
  });
});
