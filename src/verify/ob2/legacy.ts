/**
 * The mapping of OB 0.5 and 1.x assertions onto the 2.0 vocabulary, so that one set of checks
 * serves every version. Loaded on demand (ob2/on-demand.ts): most badges in use are 2.0.
 */
import { isObject, str, verificationOf, verificationType, type JsonObject, type LegacyVersion } from './shared.js';

/**
 * Map any 0.5/1.x/2.0 assertion onto the 2.0 vocabulary.
 * @example
 * ```ts
 * toOb2Shape(v10, '1.0', null).verification // { type: 'hosted' }
 * ```
 */
export function toOb2Shape(node: JsonObject, version: LegacyVersion, hostedUrl: string | null): JsonObject {
  if (version === '0.5') return fromOb05(node, hostedUrl);
  if (version === '1.0' || version === '1.1') return fromOb1(node);
  return node;
}

/**
 * Map an OB 0.5 assertion onto the 2.0 vocabulary: `recipient` becomes an IdentityObject,
 * `issued_on` becomes `issuedOn`, `badge.issuer.origin` becomes the issuer `url`.
 * @example
 * ```ts
 * fromOb05(v05, 'https://example.org/a.json').recipient // { type: 'email', identity: 'sha256$…', hashed: true, salt: '…' }
 * ```
 */
export function fromOb05(node: JsonObject, hostedUrl: string | null): JsonObject {
  const recipient = str(node.recipient) ?? '';
  const hashed = /^(sha256|md5)\$/i.test(recipient);
  const badge = isObject(node.badge) ? node.badge : {};
  const issuer = isObject(badge.issuer) ? badge.issuer : {};
  const origin = str(issuer.origin);
  return {
    type: 'Assertion',
    id: hostedUrl,
    recipient: { type: 'email', identity: recipient, hashed, ...(str(node.salt) ? { salt: node.salt } : {}) },
    badge: {
      type: 'BadgeClass',
      name: badge.name,
      description: badge.description,
      image: resolveAgainst(badge.image, origin),
      criteria: resolveAgainst(badge.criteria, origin),
      issuer: {
        type: 'Issuer',
        id: origin,
        name: str(issuer.org) ? `${String(issuer.name)} (${String(issuer.org)})` : issuer.name,
        url: origin,
        email: issuer.contact,
      },
    },
    verification: { type: 'hosted' },
    issuedOn: node.issued_on,
    expires: node.expires,
    evidence: resolveAgainst(node.evidence, origin),
    image: resolveAgainst(node.image, origin),
  };
}

/** OB 0.5 allowed paths relative to the issuer origin. */
function resolveAgainst(value: unknown, origin: string | null): unknown {
  if (typeof value !== 'string' || origin === null) return value;
  try {
    return new URL(value, origin).href;
  } catch {
    return value;
  }
}

/**
 * Map an OB 1.0/1.1 assertion onto the 2.0 vocabulary: `verify` becomes `verification`, and
 * the hosted URL is `verify.url` (1.x assertions have a `uid`, not an `id`).
 * @example
 * ```ts
 * fromOb1({ uid: 'a', verify: { type: 'hosted', url: 'https://example.org/a.json' } }).id // 'https://example.org/a.json'
 * ```
 */
export function fromOb1(node: JsonObject): JsonObject {
  const verify = verificationOf(node) ?? {};
  const type = verificationType(node);
  return {
    ...node,
    type: 'Assertion',
    id: str(node.id) ?? (type === 'hosted' ? str(verify.url) : null),
    verification: { type: type ?? verify.type, ...(type === 'signed' ? { creator: verify.url } : {}) },
  };
}
