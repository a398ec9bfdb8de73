/** Small helpers shared by the OB 3.0 modules. */

/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-LD value that may be one item or an array, as an array (bounded). */
export function asList(value: unknown, max = 256): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.slice(0, max) : [value];
}

/** `type` as a list of strings, whether written as a string or an array. */
export function typesOf(value: unknown): string[] {
  return asList(value).filter((t): t is string => typeof t === 'string');
}

/** The `id` of a value written as a URL string or as an object with an `id`. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/** The first credential subject object. */
export function subjectOf(credential: Record<string, unknown>): Record<string, unknown> | undefined {
  return asList(credential.credentialSubject).find(isRecord);
}

/** Shorten text from a document for a message (it may be long or hostile). */
export function clip(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
