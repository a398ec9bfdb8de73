/**
 * OB 2.0 RevocationList (and the OB 1.0 revocation map), for signed assertions: the
 * issuer lists revoked assertion ids (bare strings or `{id, revocationReason}`), legacy
 * entries name a `uid`; OB 1.0 lists were a plain `{ "<uid>": "<reason>" }` map.
 */
import { asArray, isObject, str, type JsonObject } from '../normalise-common.js';

export type RevocationVerdict =
  | { revoked: false }
  | { revoked: true; reason: string | null };

/**
 * Look an assertion up in a revocation list document.
 *
 * @returns null when the document is neither an OB 2.0 RevocationList nor an OB 1.0 map.
 * @example
 * ```ts
 * findRevocation({ revokedAssertions: ['urn:uuid:1'] }, 'urn:uuid:1', null) // { revoked: true, reason: null }
 * ```
 */
export function findRevocation(list: unknown, assertionId: string | null, uid: string | null): RevocationVerdict | null {
  if (!isObject(list)) return null;
  if (list.revokedAssertions !== undefined) {
    if (!Array.isArray(list.revokedAssertions) && !isObject(list.revokedAssertions) && typeof list.revokedAssertions !== 'string') return null;
    for (const entry of asArray(list.revokedAssertions)) {
      if (typeof entry === 'string') {
        if (entry === assertionId || (uid !== null && entry === uid)) return { revoked: true, reason: null };
      } else if (isObject(entry)) {
        const hit = (assertionId !== null && entry.id === assertionId) || (uid !== null && entry.uid === uid);
        if (hit) return { revoked: true, reason: str(entry.revocationReason) };
      }
    }
    return { revoked: false };
  }
  // OB 1.0: every key is a revoked uid, every value the reason.
  const isLegacyMap = Object.values(list).every((v) => typeof v === 'string') && !('@context' in list) && !('type' in list);
  if (!isLegacyMap) return null;
  if (uid !== null && Object.prototype.hasOwnProperty.call(list, uid)) return { revoked: true, reason: str((list as JsonObject)[uid]) };
  return { revoked: false };
}
