/** Small helpers shared by the OB 3.0 modules. */

/**
 * A plain JSON object (not an array, not null).
 *
 * @example
 * ```ts
 * isRecord([]) // false
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON-LD value that may be one item or an array, as an array (bounded).
 *
 * @example
 * ```ts
 * asList('a') // ['a']
 * ```
 */
export function asList(value: unknown, max = 256): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.slice(0, max) : [value];
}

/**
 * `type` as a list of strings, whether written as a string or an array.
 *
 * @example
 * ```ts
 * typesOf(['VerifiableCredential', 3]) // ['VerifiableCredential']
 * ```
 */
export function typesOf(value: unknown): string[] {
  return asList(value).filter((t): t is string => typeof t === 'string');
}

/**
 * The `id` of a value written as a URL string or as an object with an `id`.
 *
 * @example
 * ```ts
 * idOf({ id: 'https://example.org' }) // 'https://example.org'
 * ```
 */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/**
 * The first credential subject object.
 *
 * @example
 * ```ts
 * subjectOf({ credentialSubject: [{ id: 'did:example:1' }] })?.id // 'did:example:1'
 * ```
 */
export function subjectOf(credential: Record<string, unknown>): Record<string, unknown> | undefined {
  return asList(credential.credentialSubject).find(isRecord);
}

/**
 * Shorten text from a document for a message (it may be long or hostile).
 *
 * @example
 * ```ts
 * clip('x'.repeat(500), 10) // 'xxxxxxxxxx…'
 * ```
 */
export function clip(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
