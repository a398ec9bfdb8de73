/**
 * Small helpers for reading untrusted JSON and building the normalised badge, shared by the
 * OB 1.x/2.0 and OB 3.0 verifiers. Everything here tolerates any input shape.
 */
import type { BadgeIssuer, NormalisedBadge } from '../result.js';
import { asArray, isObject, type JsonObject } from './json.js';

// Re-exported: the OB 1.x/2.0 modules read their JSON guards from here.
export { asArray, isObject, type JsonObject };

/**
 * A non-empty string, else null.
 * @example
 * ```ts
 * str('  ')  // null
 * str('Ada') // 'Ada'
 * ```
 */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * An `id` from an IRI string or an object with a string `id`.
 * @example
 * ```ts
 * idOf({ id: 'https://example.org/b.json' }) // 'https://example.org/b.json'
 * ```
 */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string') return str(value);
  if (isObject(value)) return str(value.id);
  return null;
}

/**
 * True for an absolute `http:` or `https:` URL.
 * @example
 * ```ts
 * isHttpUrl('https://example.org/') // true
 * isHttpUrl('urn:uuid:1')           // false
 * ```
 */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 8192) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Largest data: image kept in the normalised badge (2 MiB): display only, never unbounded. */
const MAX_DATA_IMAGE = 2 * 1024 * 1024;

/**
 * An image URL fit for display: `https:`, `http:` or `data:image/*` (from a string or an
 * Image object's `id`), else null. A badge is untrusted; nothing else may reach an `<img>`.
 *
 * @example
 * ```ts
 * safeImageUrl({ id: 'https://example.org/a.png' }) // 'https://example.org/a.png'
 * safeImageUrl('javascript:alert(1)')              // null
 * ```
 */
export function safeImageUrl(value: unknown): string | null {
  const raw = typeof value === 'string' ? value : isObject(value) ? value.id : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(text)) return text.length <= MAX_DATA_IMAGE ? text : null;
  return isHttpUrl(text) ? text : null;
}

/**
 * An issuer with every field null.
 * @example
 * ```ts
 * emptyIssuer() // { id: null, name: null, url: null, image: null }
 * ```
 */
export function emptyIssuer(): BadgeIssuer {
  return { id: null, name: null, url: null, image: null };
}

/**
 * A normalised badge with every field empty, to fill in from whatever could be read.
 *
 * @example
 * ```ts
 * const badge = emptyBadge(); badge.name = 'Robotics';
 * ```
 */
export function emptyBadge(): NormalisedBadge {
  return {
    name: null,
    description: null,
    image: null,
    criteria: null,
    issuer: emptyIssuer(),
    recipient: { id: null, name: null, identity: null, hashed: false },
    issuedOn: null,
    expiresOn: null,
    achievementType: null,
    evidence: [],
    alignment: [],
    endorsements: [],
  };
}
