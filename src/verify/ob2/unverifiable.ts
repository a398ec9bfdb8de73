/**
 * OB 1.x/2.0 documents that cannot be verified as presented, reported with what can be shown:
 * a BadgeClass or Profile (they award nothing), a signed assertion without its JWS, an
 * assertion with no verification type. Loaded on demand: a badge that can be verified never
 * needs it.
 *
 * @packageDocumentation
 */
import {
  checkAssertion,
  emptyBadge,
  Ob2Run,
  recordIssues,
  safeImageUrl,
  str,
  type JsonObject,
  type LegacyVersion,
  type VerifierOutcome,
  type VerifyContext,
} from './shared.js';
import type { NodeKind } from './model.js';

/**
 * A node that is not an Assertion: `structure` fails with NOT_A_BADGE.
 *
 * @example
 * ```ts
 * reportNonAssertion(badgeClass, 'BadgeClass', '2.0', ctx).badge?.name // the BadgeClass's name
 * ```
 */
export function reportNonAssertion(obj: JsonObject, kind: NodeKind, version: LegacyVersion, ctx: VerifyContext): VerifierOutcome {
  // A BadgeClass or a Profile describes a badge or an issuer; it awards nothing to anyone,
  // so reporting it "verified" would mislead whoever asked about a person's badge.
  const what = kind === 'BadgeClass' ? 'a BadgeClass (a badge definition)' : kind === 'Profile' ? 'an issuer Profile' : 'an Open Badges node';
  ctx.checks.fail('structure', 'NOT_A_BADGE', `this is ${what}, not an awarded badge (Assertion)`);
  let badge = null;
  if (kind === 'BadgeClass') {
    badge = emptyBadge();
    badge.name = str(obj.name);
    badge.description = str(obj.description);
    badge.image = safeImageUrl(obj.image);
  }
  return { version, badge, credential: obj };
}

/**
 * An assertion that cannot be verified as given: signed but bare (PROOF_MISSING), or with no
 * verification type (its structure issues say what is wrong).
 *
 * @example
 * ```ts
 * reportUnverifiable(assertion, assertion, '2.0', 'signed', ctx); // proof: PROOF_MISSING
 * ```
 */
export function reportUnverifiable(mapped: JsonObject, obj: JsonObject, version: LegacyVersion, type: 'signed' | null, ctx: VerifyContext): VerifierOutcome {
  if (type === 'signed') {
    // The signature is the JWS around the assertion; a bare signed assertion has lost it.
    recordIssues(ctx, 'structure', checkAssertion(mapped, version), `Open Badges ${version} signed assertion`);
    ctx.checks.fail('proof', 'PROOF_MISSING', 'a signed assertion must be presented as its compact JWS; this one has no signature');
  } else {
    // Without a verification type there is no way to check it: report what is wrong.
    recordIssues(ctx, 'structure', checkAssertion(mapped, version), 'assertion');
  }
  return { version, badge: new Ob2Run(ctx, version, mapped).badge(), credential: obj };
}
