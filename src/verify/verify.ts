/**
 * `verify()`: the one entry point. Detects what the input is, hands it to the verifier of
 * its Open Badges version, and assembles the result. Never throws for a bad badge; only
 * misuse (wrong argument types) throws `TypeError`.
 */
import { buildResult, type BadgeVersion, type NormalisedBadge, type VerificationResult, type InputFormat } from '../result.js';
import { CheckList, type VerifierOutcome, type VerifyContext } from './context.js';
import { Fetcher } from './fetcher.js';
import { assertVerifyInput, detectInput, inputLabel, type Payload, type VerifyInput } from './input.js';
import { resolveOptions, type VerifyOptions } from './options.js';
import { asArray, isBadgeError } from './core.js';

export type { VerifyInput } from './input.js';

const VC_CONTEXTS = new Set(['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/v2']);
const VC_TYPES = new Set(['VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential']);

/**
 * True when a JSON object is a W3C Verifiable Credential (OB 3.0), by `@context` or `type`.
 *
 * @example
 * ```ts
 * isVerifiableCredential({ '@context': ['https://www.w3.org/ns/credentials/v2'] }) // true
 * ```
 */
export function isVerifiableCredential(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const obj = value as Record<string, unknown>;
  return asArray(obj['@context']).some((c) => typeof c === 'string' && VC_CONTEXTS.has(c)) || asArray(obj.type).some((t) => typeof t === 'string' && VC_TYPES.has(t));
}

/** True when a JWS payload is a VC-JWT (a `vc` claim, or a VC as the whole payload). */
function isVcJwtPayload(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Record<string, unknown>;
  return (typeof claims.vc === 'object' && claims.vc !== null) || isVerifiableCredential(claims);
}

async function dispatch(payload: Payload, ctx: VerifyContext): Promise<VerifierOutcome> {
  if (payload.kind === 'object') {
    if (isVerifiableCredential(payload.value)) {
      // OB 3.0 pulls in JSON-LD and the proof suites: load it only when a VC turns up.
      const ob3 = await import('./ob3/index.js');
      return ob3.verifyOb3Credential(payload.value, ctx);
    }
    const ob2 = await import('./ob2/index.js');
    return ob2.verifyOb2Object(payload.value, ctx, payload.source);
  }
  if (payload.kind === 'jws') {
    let vc = false;
    // The JWS reader comes with the verifiers that need it, not with every page.
    const { parseCompactJws } = await import('./jose/jws.js');
    try {
      vc = isVcJwtPayload(parseCompactJws(payload.token).payload);
    } catch {
      // Malformed: the OB 2.0 signed verifier reports JWS_MALFORMED with its checks.
    }
    if (vc) {
      const ob3 = await import('./ob3/index.js');
      return ob3.verifyOb3Jwt(payload.token, ctx);
    }
    const ob2 = await import('./ob2/index.js');
    return ob2.verifyOb2Signed(payload.token, ctx);
  }
  const ob2 = await import('./ob2/index.js');
  return ob2.verifyOb2Url(payload.url, ctx);
}

/**
 * Verify an Open Badge of any version (0.5, 1.0, 1.1, 2.0 hosted or signed, 3.0).
 *
 * `input` may be image bytes (PNG or SVG: `Uint8Array`, `ArrayBuffer`, `Blob`/`File`), an
 * `http(s)` URL, JSON text, a parsed object, or a compact JWS. Every network request goes
 * through `options.fetch` (default `globalThis.fetch`, looked up at call time).
 *
 * @returns the result object of the contract: `status`, one `check` per step, the
 *   normalised `badge` and stable error codes. Never rejects for a bad badge.
 * @throws TypeError when `input` or `options` have the wrong type.
 * @example
 * ```ts
 * import { verify } from 'verify-badge';
 * const result = await verify(pngBytes, { recipient: 'nobody@example.org' });
 * if (result.verified) console.log(result.badge?.name, 'issued by', result.badge?.issuer.name);
 * else console.log(result.status, result.errors.map((e) => e.code));
 * ```
 */
export async function verify(input: VerifyInput, options: VerifyOptions = {}): Promise<VerificationResult> {
  assertVerifyInput(input);
  const resolved = resolveOptions(options);
  if (options.label !== undefined && typeof options.label !== 'string') throw new TypeError('verify: options.label must be a string');
  const label = options.label ?? inputLabel(input);
  const ctx: VerifyContext = { options: resolved, fetcher: new Fetcher(resolved), checks: new CheckList(), nested: false };
  let format: InputFormat | null = null;
  let version: BadgeVersion | null = null;
  let badge: NormalisedBadge | null = null;
  let credential: unknown = null;

  if (resolved.signal?.aborted) {
    ctx.checks.fail('input', 'ABORTED', 'verification aborted before it started');
    return buildResult({ input: label, version, format, checks: ctx.checks.items, badge, credential });
  }
  try {
    const detected = await detectInput(input, ctx);
    format = detected.format;
    if (detected.payload === null) {
      ctx.checks.skip('structure', 'the input holds no badge to check');
    } else {
      const outcome = await dispatch(detected.payload, ctx);
      version = outcome.version;
      badge = outcome.badge;
      credential = outcome.credential;
    }
  } catch (error) {
    // A verifier bug or an unexpected platform failure must still produce a result that
    // is not valid: record it where it happened, as "can't tell".
    if (resolved.signal?.aborted) ctx.checks.fail('input', 'ABORTED', 'verification aborted');
    else if (isBadgeError(error)) ctx.checks.failFrom('structure', error, 'RESOURCE_MALFORMED');
    else ctx.checks.fail('structure', 'RESOURCE_MALFORMED', `verification stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (resolved.signal?.aborted && !ctx.checks.items.some((c) => c.code === 'ABORTED')) {
    ctx.checks.fail('input', 'ABORTED', 'verification aborted');
  }
  return buildResult({ input: label, version, format, checks: ctx.checks.items, badge, credential });
}
