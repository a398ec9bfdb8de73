/**
 * Open Badges 0.5 / 1.0 / 1.1 / 2.0 documents: version detection, node kinds and
 * verification types (legacy.ts maps the older shapes onto the 2.0 vocabulary).
 */
import type { BadgeVersion } from '../../result.js';
import { asArray, isObject, type JsonObject } from '../normalise-common.js';

/** The OB 2.0 context, under both of its published URLs. */
export const OB2_CONTEXTS = new Set(['https://w3id.org/openbadges/v2', 'https://openbadgespec.org/v2/context.json', 'http://w3id.org/openbadges/v2']);
export const OB1_CONTEXTS = new Set(['https://w3id.org/openbadges/v1', 'http://w3id.org/openbadges/v1', 'https://openbadgespec.org/v1/context.json']);
const OBI = 'https://w3id.org/openbadges#';

export type LegacyVersion = Exclude<BadgeVersion, '3.0'>;

/** What kind of OB 1.x/2.0 node an object is. */
export type NodeKind = 'Assertion' | 'BadgeClass' | 'Profile' | 'other';

/**
 * The `type` values of a node, with `obi:` compact and full IRIs reduced to the term.
 * @example
 * ```ts
 * typesOf({ type: ['obi:Assertion', 'Extension'] }) // ['Assertion', 'Extension']
 * ```
 */
export function typesOf(node: JsonObject): string[] {
  return asArray(node.type ?? node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => (t.startsWith('obi:') ? t.slice(4) : t.startsWith(OBI) ? t.slice(OBI.length) : t));
}

/**
 * True when the node has one of the given types (compact or full `obi:` IRIs count).
 * @example
 * ```ts
 * hasType({ type: 'Issuer' }, 'Issuer', 'Profile') // true
 * ```
 */
export function hasType(node: JsonObject, ...names: string[]): boolean {
  const types = typesOf(node);
  return names.some((n) => types.includes(n));
}

/** The context entries of a node: URLs, and `'inline'` for an embedded context object. */
function contextEntries(node: JsonObject): string[] {
  return asArray(node['@context']).map((c) => (typeof c === 'string' ? c : isObject(c) ? 'inline' : ''));
}

/**
 * True when the node's context is the OB 2.0 one (by URL, or an inline copy naming `obi`).
 * @example
 * ```ts
 * hasOb2Context({ '@context': 'https://w3id.org/openbadges/v2' }) // true
 * ```
 */
export function hasOb2Context(node: JsonObject): boolean {
  return asArray(node['@context']).some(
    (c) => (typeof c === 'string' && OB2_CONTEXTS.has(c)) || (isObject(c) && c.obi === OBI),
  );
}

/**
 * Which Open Badges version an object is, or null when it is not an OB 0.5–2.0 document.
 * 2.0 and 1.1 say so in `@context`; 1.0 has a `verify` object; 0.5 has a bare-string
 * recipient and an embedded badge whose issuer has an `origin`. An object that looks like a
 * 2.0 assertion but has an unknown context is still 2.0 (and fails INVALID_CONTEXT).
 *
 * @example
 * ```ts
 * detectVersion({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' }) // '2.0'
 * ```
 */
export function detectVersion(node: JsonObject): LegacyVersion | null {
  if (hasOb2Context(node)) return '2.0';
  if (asArray(node['@context']).some((c) => typeof c === 'string' && OB1_CONTEXTS.has(c))) return '1.1';
  if (isObject(node.verify) && (node.uid !== undefined || typeof node.badge === 'string')) return '1.0';
  if (typeof node.recipient === 'string' && isObject(node.badge)) return '0.5';
  const contexts = contextEntries(node);
  if (contexts.some((c) => /openbadges/i.test(c))) return '2.0';
  // An inline context alone says nothing about Open Badges (every JSON-LD context document
  // has one): it counts only on a node typed as one of OB 2.0's own classes, or shaped like an
  // assertion (recipient and badge), which nodeKind then reports as mistyped.
  const obShaped = hasType(node, 'Assertion', 'BadgeClass', 'Issuer', 'Profile') || (node.recipient !== undefined && node.badge !== undefined);
  if (contexts.includes('inline') && obShaped) return '2.0';
  if (hasType(node, 'Assertion') && isObject(node.recipient)) return '2.0';
  return null;
}

/**
 * The kind of node, for deciding whether it is an awarded badge at all.
 * @example
 * ```ts
 * nodeKind({ type: 'BadgeClass' }, '2.0') // 'BadgeClass'
 * ```
 */
export function nodeKind(node: JsonObject, version: LegacyVersion): NodeKind {
  if (version === '0.5' || version === '1.0') return 'Assertion';
  if (hasType(node, 'Assertion')) return 'Assertion';
  if (hasType(node, 'BadgeClass')) return 'BadgeClass';
  if (hasType(node, 'Issuer', 'Profile')) return 'Profile';
  // A node of another type that carries recipient and badge is a mistyped assertion:
  // report its type as wrong rather than calling it "not a badge".
  if (node.recipient !== undefined && node.badge !== undefined) return 'Assertion';
  // The OB 2.0 spec's revoked hosted assertion may be served as a bare stub
  // `{ id, revoked: true, revocationReason }`.
  if (node.revoked === true && typeof node.id === 'string' && node.type === undefined) return 'Assertion';
  return 'other';
}

/**
 * `verification` (2.0) or its alias `verify` (1.x, and allowed by the 2.0 context).
 * @example
 * ```ts
 * verificationOf({ verify: { type: 'hosted', url: 'https://example.org/a' } })?.type // 'hosted'
 * ```
 */
export function verificationOf(node: JsonObject): JsonObject | null {
  const v = node.verification ?? node.verify;
  return isObject(v) ? v : null;
}

/**
 * 'hosted' | 'signed' | null, accepting the 2.0 class names and 1.x short names.
 * @example
 * ```ts
 * verificationType({ verification: { type: 'SignedBadge' } }) // 'signed'
 * ```
 */
export function verificationType(node: JsonObject): 'hosted' | 'signed' | null {
  const v = verificationOf(node);
  if (!v) return null;
  const types = asArray(v.type).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^obi:/, '').toLowerCase());
  if (types.some((t) => t === 'hosted' || t === 'hostedbadge')) return 'hosted';
  if (types.some((t) => t === 'signed' || t === 'signedbadge')) return 'signed';
  return null;
}
