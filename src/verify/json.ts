/**
 * Reading untrusted JSON (badges, credentials, key and status documents) without trusting
 * its shape: the few guards every verifier module needs, in one place. Everything here
 * tolerates any input.
 */

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/**
 * True for a JSON object (not an array, not null).
 *
 * @example
 * ```ts
 * isObject({ a: 1 }) // true
 * isObject([1])      // false
 * ```
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON(-LD) value that may be one item or an array, as an array: arrays as they are,
 * undefined/null as empty, anything else wrapped. With `max`, a copy of at most `max` items,
 * so a hostile document cannot make a loop over it long.
 *
 * @example
 * ```ts
 * asArray('a')           // ['a']
 * asArray(undefined)     // []
 * asArray([1, 2, 3], 2)  // [1, 2]
 * ```
 */
export function asArray(value: unknown, max?: number): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [value];
  return max === undefined ? value : value.slice(0, max);
}

/**
 * `type` (or any list of names) as its strings, whether written as a string or an array;
 * `max` bounds the entries looked at, as for {@link asArray}.
 *
 * @example
 * ```ts
 * typesOf('A')       // ['A']
 * typesOf(['A', 1])  // ['A']
 * ```
 */
export function typesOf(value: unknown, max?: number): string[] {
  return asArray(value, max).filter((t): t is string => typeof t === 'string');
}

/**
 * Shorten text from a document for a message: it may be long or hostile.
 *
 * @example
 * ```ts
 * clip('x'.repeat(500), 10) // 'xxxxxxxxxx…'
 * clip({ a: 1 }, 40)        // '{"a":1}'
 * ```
 */
export function clip(value: unknown, max: number): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Deepest nesting accepted in a badge, credential or fetched document. Real ones nest about a
 * dozen levels; past a few thousand, `JSON.stringify` of the result overflows the stack, and
 * the contract promises a result that survives it.
 */
export const MAX_JSON_DEPTH = 512;

/**
 * True when a parsed JSON value nests objects/arrays deeper than `max` levels. Iterative (no
 * recursion to overflow) and stops at the first path that is too deep.
 *
 * @example
 * ```ts
 * nestsDeeperThan({ a: [{}] }, 2) // true
 * nestsDeeperThan({ a: 1 }, 2)    // false
 * ```
 */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
