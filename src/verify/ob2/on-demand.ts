/**
 * The parts of OB 2.0 verification that only some badges need, loaded when a badge needs
 * them: most hosted badges carry no extensions and no endorsements, so a page that shows
 * them should not download the JSON Schema checker, the endorsement verifier or the JWS
 * machinery. Each gate below is a cheap test that is true whenever the module would find
 * anything to do (a superset), so the verdicts are the same as with static imports.
 */
import type { BadgeEndorsement } from '../../result.js';
import type { VerifierOutcome, VerifyContext } from '../context.js';
import { asArray, type JsonObject } from '../normalise-common.js';
import type { LegacyVersion } from './model.js';

/**
 * Validate the assertion's extensions (extensions.ts), loading the validator only
 * when an `Extension` type may be present (every extension node's type names it).
 *
 * @example
 * ```ts
 * await checkExtensionsOnDemand(assertion, ctx);
 * ```
 */
export async function checkExtensionsOnDemand(assertion: JsonObject, ctx: VerifyContext): Promise<void> {
  if (!JSON.stringify(assertion).includes('Extension')) return;
  const { checkExtensions } = await import('./extensions.js');
  await checkExtensions(assertion, ctx);
}

/**
 * Verify the endorsements of the assertion, BadgeClass and issuer (endorsements.ts),
 * loading the verifier only when one of them has an `endorsement`.
 *
 * @example
 * ```ts
 * badge.endorsements = await verifyEndorsementsOnDemand([assertion, badgeClass, issuer], ctx);
 * ```
 */
export async function verifyEndorsementsOnDemand(nodes: Array<JsonObject | null>, ctx: VerifyContext): Promise<BadgeEndorsement[]> {
  if (ctx.nested || !nodes.some((n) => n !== null && asArray(n.endorsement).length > 0)) return [];
  const { verifyEndorsements } = await import('./endorsements.js');
  return verifyEndorsements(nodes, ctx);
}

/**
 * Map a 0.5/1.x assertion onto the 2.0 vocabulary (legacy.ts), loading the mapping only for
 * those versions; a 2.0 assertion is returned as it is.
 *
 * @example
 * ```ts
 * const mapped = await toOb2ShapeOnDemand(v10, '1.0', null); // mapped.verification: { type: 'hosted' }
 * ```
 */
export async function toOb2ShapeOnDemand(node: JsonObject, version: LegacyVersion, hostedUrl: string | null): Promise<JsonObject> {
  if (version === '2.0') return node;
  const { toOb2Shape } = await import('./legacy.js');
  return toOb2Shape(node, version, hostedUrl);
}

/**
 * Show a revoked hosted assertion (revoked.ts): read its BadgeClass and issuer for display
 * only, loading that code only when an issuer has revoked the badge.
 *
 * @example
 * ```ts
 * await showRevokedOnDemand(run, presented, revokedCopy, hostedUrl, (issuer) => inScope(issuer));
 * ```
 */
export async function showRevokedOnDemand(...args: Parameters<typeof import('./revoked.js').showRevoked>): Promise<void> {
  const { showRevoked } = await import('./revoked.js');
  return showRevoked(...args);
}

/**
 * Verify a signed OB 2.0 / 1.x assertion (signed.ts: JWS, keys, revocation lists).
 *
 * @example
 * ```ts
 * const outcome = await verifySignedOnDemand(token, ctx);
 * ```
 */
export async function verifySignedOnDemand(token: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  const { verifySigned } = await import('./signed.js');
  return verifySigned(token, ctx);
}
