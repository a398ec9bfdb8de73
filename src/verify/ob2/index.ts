/**
 * Open Badges 2.0 / 1.x / 0.5 verification: hosted assertions (the issuer's copy is the
 * truth), signed assertions (compact JWS), and the legacy shapes, all reported with the
 * same checks and normalised into the same badge object.
 */
import { verifyHosted } from './hosted.js';
import {
  detectVersion,
  hostedFetchError,
  isCompactJws,
  isObject,
  nodeKind,
  str,
  toOb2ShapeOnDemand,
  verificationType,
  verifySignedOnDemand,
  type JsonObject,
  type VerifierOutcome,
  type VerifyContext,
} from './shared.js';

export { verifyHosted } from './hosted.js';

/**
 * Verify an OB 0.5–2.0 JSON object. `source` is the URL it was fetched from, if any (the
 * hosted URL of an OB 0.5 assertion, which has no id of its own).
 *
 * @example
 * ```ts
 * const outcome = await verifyOb2Object(JSON.parse(text), ctx);
 * ```
 */
export async function verifyOb2Object(obj: Record<string, unknown>, ctx: VerifyContext, source?: string): Promise<VerifierOutcome> {
  const version = detectVersion(obj);
  if (version === null) {
    ctx.checks.fail('structure', 'NOT_A_BADGE', 'the JSON is not an Open Badges assertion or credential');
    return { version: null, badge: null, credential: obj };
  }
  // Documents that cannot be verified as given are reported by a module loaded for them only.
  const kind = nodeKind(obj, version);
  if (kind !== 'Assertion') return (await import('./unverifiable.js')).reportNonAssertion(obj, kind, version, ctx);
  const mapped = await toOb2ShapeOnDemand(obj, version, source ?? null);
  // A revoked stub carries no verification object: it is the hosted copy of a withdrawn assertion.
  const type = mapped.revoked === true && version === '2.0' ? (verificationType(mapped) ?? 'hosted') : verificationType(mapped);
  if (type !== 'hosted') return (await import('./unverifiable.js')).reportUnverifiable(mapped, obj, version, type, ctx);
  const hostedUrl = version === '0.5' ? (source ?? null) : str(mapped.id);
  return verifyHosted(mapped, version, hostedUrl, ctx);
}

/**
 * Verify an OB 2.0 / 1.x signed assertion (compact JWS).
 *
 * @example
 * ```ts
 * const outcome = await verifyOb2Signed(token, ctx);
 * ```
 */
export async function verifyOb2Signed(token: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  return verifySignedOnDemand(token, ctx);
}

/**
 * Verify the hosted assertion a URL names (a baked OB 1.x/2.0 URL payload, or a URL input).
 *
 * @example
 * ```ts
 * const outcome = await verifyOb2Url('https://badges.example.org/a/1.json', ctx);
 * ```
 */
export async function verifyOb2Url(url: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  let text: string;
  try {
    const resource = await ctx.fetcher.get(url);
    text = new TextDecoder().decode(resource.bytes).replace(/^\uFEFF/, '').trim();
  } catch (error) {
    ctx.checks.failFrom('hosted', hostedFetchError(error, url), 'FETCH_FAILED');
    return { version: null, badge: null, credential: null };
  }
  if (isCompactJws(text)) return verifySignedOnDemand(text, ctx);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    ctx.checks.fail('hosted', 'RESOURCE_MALFORMED', `${url} did not return a JSON assertion`);
    return { version: null, badge: null, credential: null };
  }
  if (!isObject(json)) {
    ctx.checks.fail('hosted', 'RESOURCE_MALFORMED', `${url} did not return a JSON object`);
    return { version: null, badge: null, credential: json };
  }
  return verifyOb2Object(json as JsonObject, ctx, url);
}
