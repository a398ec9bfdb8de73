/** Small helpers shared by the OB 3.0 modules (the JSON guards themselves are in ../json.ts). */
import { asArray, isObject } from '../json.js';

/** Most items read from any one list in a credential: bounds the work a hostile one causes. */
export const MAX_LIST_ITEMS = 256;

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
  if (isObject(value) && typeof value.id === 'string') return value.id;
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
  return asArray(credential.credentialSubject, MAX_LIST_ITEMS).find(isObject);
}
