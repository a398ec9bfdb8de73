/**
 * OB 2.0 Signed Verification (and OB 1.x signed badges): a compact JWS whose payload is the
 * assertion. The key is `verification.creator` (a CryptographicKey document with
 * `publicKeyPem`), which must be one the issuer Profile lists and whose `owner` is the
 * issuer; the issuer's revocationList is then consulted.
 */
import { importPem, parseCompactJws, verifyJwsSignature, assertAllowedAlg, type ParsedJws } from '../jose/jws.js';
import { findRevocation } from './revocation-list.js';
import {
  asArray,
  BadgeError,
  checkAssertion,
  checkExtensionsOnDemand,
  detectVersion,
  fetchObject,
  idOf,
  isBadgeError,
  isHttpUrl,
  isObject,
  Ob2Run,
  recordIssues,
  str,
  toOb2ShapeOnDemand,
  verificationOf,
  verificationType,
  verifyEndorsementsOnDemand,
  type JsonObject,
  type LegacyVersion,
  type VerifierOutcome,
  type VerifyContext,
} from './shared.js';

/** Most keys tried when the assertion names no creator and the issuer lists several. */
const MAX_CANDIDATE_KEYS = 5;

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** A key as the issuer's document gives it: fetched or embedded, PEM and owner. */
interface KeyCandidate {
  id: string;
  key: CryptoKey;
}

/** Load one OB 2.0 CryptographicKey and check it belongs to the issuer. */
async function loadOb2Key(ref: unknown, issuer: JsonObject, alg: string, ctx: VerifyContext): Promise<KeyCandidate> {
  const id = idOf(ref);
  if (id === null) throw new BadgeError('KEY_MALFORMED', 'the issuer lists a key without an id');
  let doc: JsonObject;
  if (isObject(ref) && typeof ref.publicKeyPem === 'string') doc = ref;
  else if (isHttpUrl(id)) doc = (await fetchObject(ctx, id, 'the CryptographicKey')).doc;
  else throw new BadgeError('KEY_UNSUPPORTED', `the key ${id} is not an http(s) URL`);
  const owner = str(doc.owner);
  const issuerId = str(issuer.id);
  if (owner === null || owner !== issuerId) {
    throw new BadgeError('KEY_NOT_OWNED', `the key ${id} is owned by ${owner ?? 'nobody'}, not by the issuer ${issuerId ?? ''}`.trim());
  }
  if (typeof doc.publicKeyPem !== 'string') throw new BadgeError('KEY_MALFORMED', `the key ${id} has no publicKeyPem`);
  return { id, key: await importPem(doc.publicKeyPem, alg) };
}

/** OB 1.x: `verify.url` names the key itself (a PEM file, or JSON with publicKeyPem) on the issuer's host. */
async function loadOb1Key(url: string, issuer: JsonObject, alg: string, ctx: VerifyContext): Promise<KeyCandidate> {
  const issuerHost = hostOf(str(issuer.url));
  if (issuerHost === null || hostOf(url) !== issuerHost) {
    throw new BadgeError('KEY_NOT_OWNED', `the key ${url} is not on the issuer's host ${issuerHost ?? '(unknown)'}`);
  }
  const resource = await ctx.fetcher.get(url);
  const text = new TextDecoder().decode(resource.bytes);
  let pem = text;
  if (!text.includes('-----BEGIN')) {
    try {
      const json = JSON.parse(text) as unknown;
      if (isObject(json) && typeof json.publicKeyPem === 'string') pem = json.publicKeyPem;
    } catch {
      // not JSON either: importPem reports KEY_MALFORMED
    }
  }
  return { id: url, key: await importPem(pem, alg) };
}

/**
 * Verify an OB 2.0 / 1.x signed assertion given as a compact JWS.
 *
 * @example
 * ```ts
 * const outcome = await verifySigned(token, ctx);
 * ```
 */
export async function verifySigned(token: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  let jws: ParsedJws;
  try {
    jws = parseCompactJws(token);
  } catch (error) {
    ctx.checks.failFrom('structure', error, 'JWS_MALFORMED');
    return { version: null, badge: null, credential: token };
  }
  const payload = jws.payload;
  const version = isObject(payload) ? detectVersion(payload) : null;
  if (!isObject(payload) || version === null || version === '0.5') {
    ctx.checks.fail('structure', 'NOT_A_BADGE', 'the JWS payload is not an Open Badges assertion');
    return { version: null, badge: null, credential: isObject(payload) ? payload : token };
  }
  const assertion = await toOb2ShapeOnDemand(payload, version, null);
  const run = new Ob2Run(ctx, version, assertion);
  const issues = checkAssertion(assertion, version);
  if (verificationType(assertion) === 'hosted') {
    issues.unshift({ code: 'INVALID_PROPERTY', property: 'Assertion.verification.type', message: 'a JWS must carry a signed assertion, not a hosted one' });
  }
  recordIssues(ctx, 'structure', issues, `Open Badges ${version} signed assertion`);
  if (version === '2.0') await checkExtensionsOnDemand(assertion, ctx);

  let alg: string;
  try {
    alg = assertAllowedAlg(jws.alg);
  } catch (error) {
    ctx.checks.failFrom('proof', error, 'ALG_NOT_ALLOWED');
    // Nothing is fetched on behalf of a token that could never verify.
    run.stopped = 'the signature algorithm is refused';
    for (const id of ['badgeclass', 'issuer', 'scope', 'key', 'revocation']) run.skip(id);
    if (ctx.options.recipient !== undefined && !ctx.nested) run.skip('recipient');
    run.skip('expiry');
    run.skip('issued');
    return { version, badge: run.badge(), credential: payload };
  }

  await run.badgeClassStep();
  await run.issuerStep();
  run.skip('scope', 'signed verification: the issuer key, not the URL, binds the assertion to the issuer');

  const key = await keyStep(run, jws, alg, version);
  if (key === undefined) run.skip('proof', run.stopped ?? 'no usable key');
  else if (await verifyWithAny(jws, key)) ctx.checks.pass('proof', `the ${alg} signature verifies with ${key[0]?.id ?? 'the issuer key'}`);
  else ctx.checks.fail('proof', 'PROOF_INVALID', 'the signature does not verify: the assertion was changed or signed with another key');

  await revocationStep(run, version);
  await run.recipientStep();
  run.datesStep();
  const badge = run.badge();
  badge.endorsements = await verifyEndorsementsOnDemand([run.assertion, run.badgeClass, run.issuer], ctx);
  return { version, badge, credential: payload };
}

async function verifyWithAny(jws: ParsedJws, keys: KeyCandidate[]): Promise<boolean> {
  for (const candidate of keys) {
    if (await verifyJwsSignature(jws, candidate.key)) {
      // Report the key that verified first.
      keys.splice(0, keys.length, candidate);
      return true;
    }
  }
  return false;
}

/** `key`: the keys that may have signed, or undefined when none could be had. */
async function keyStep(run: Ob2Run, _jws: ParsedJws, alg: string, version: LegacyVersion): Promise<KeyCandidate[] | undefined> {
  const ctx = run.ctx;
  const issuer = run.issuer;
  if (!issuer) {
    run.skip('key', 'the issuer Profile could not be read, so its keys are unknown');
    return undefined;
  }
  const verification = verificationOf(run.assertion) ?? {};
  const creator = str(verification.creator);
  try {
    // Key ownership rests on a Profile fetched from the issuer's own URL; an issuer that
    // cannot be looked up (urn:uuid, embedded only) cannot vouch for a key.
    if (version === '2.0' && !isHttpUrl(issuer.id)) {
      throw new BadgeError('KEY_NOT_OWNED', `the issuer id ${str(issuer.id) ?? '(none)'} is not an http(s) URL, so the keys it lists cannot be trusted`);
    }
    if (version !== '2.0') {
      if (creator === null) throw new BadgeError('MISSING_PROPERTY', 'the signed assertion names no key (verify.url)', { property: 'Assertion.verify.url' });
      const key = await loadOb1Key(creator, issuer, alg, ctx);
      ctx.checks.pass('key', `key ${key.id} is on the issuer's host`);
      return [key];
    }
    const listed = asArray(issuer.publicKey);
    const listedIds = listed.map(idOf).filter((id): id is string => id !== null);
    if (creator !== null) {
      if (!listedIds.includes(creator)) {
        throw new BadgeError('KEY_NOT_OWNED', `the issuer does not list the signing key ${creator} among its public keys`);
      }
      const ref = listed.find((k) => idOf(k) === creator);
      const key = await loadOb2Key(ref ?? creator, issuer, alg, ctx);
      ctx.checks.pass('key', `key ${key.id} belongs to the issuer`);
      return [key];
    }
    // No creator: the spec says to try the keys the issuer declares.
    if (listed.length === 0) throw new BadgeError('KEY_NOT_OWNED', 'the assertion names no key and the issuer lists none');
    const keys: KeyCandidate[] = [];
    let lastError: unknown;
    for (const ref of listed.slice(0, MAX_CANDIDATE_KEYS)) {
      try {
        keys.push(await loadOb2Key(ref, issuer, alg, ctx));
      } catch (error) {
        lastError = error;
      }
    }
    if (keys.length === 0) throw lastError;
    ctx.checks.pass('key', `${keys.length} key(s) of the issuer to try`);
    return keys;
  } catch (error) {
    ctx.checks.failFrom('key', error, 'FETCH_FAILED');
    run.stopped = isBadgeError(error) && error.code === 'KEY_NOT_OWNED' ? 'the key is not the issuer\'s' : 'no usable key';
    return undefined;
  }
}

/** `revocation`: the issuer's revocation list, when it publishes one. */
async function revocationStep(run: Ob2Run, version: LegacyVersion): Promise<void> {
  const ctx = run.ctx;
  const issuer = run.issuer;
  if (!issuer) return run.skip('revocation', 'the issuer Profile could not be read');
  const ref = issuer.revocationList;
  if (ref === undefined || ref === null) return ctx.checks.pass('revocation', 'the issuer publishes no revocation list');
  let list: unknown = ref;
  if (!isObject(ref)) {
    const url = str(ref);
    if (url === null || !isHttpUrl(url)) return ctx.checks.fail('revocation', 'STATUS_UNAVAILABLE', 'the issuer\'s revocationList is not an http(s) URL');
    try {
      list = (await ctx.fetcher.getJson(url)).json;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return ctx.checks.fail('revocation', 'STATUS_UNAVAILABLE', `the revocation list could not be fetched: ${detail}`);
    }
  }
  const verdict = findRevocation(list, str(run.assertion.id), version === '2.0' ? str(run.assertion.uid) : str(run.assertion.uid));
  if (verdict === null) return ctx.checks.fail('revocation', 'STATUS_UNAVAILABLE', 'the issuer\'s revocation list is not a RevocationList');
  if (verdict.revoked) return ctx.checks.fail('revocation', 'REVOKED', verdict.reason ? `revoked by the issuer: ${verdict.reason}` : 'revoked by the issuer');
  ctx.checks.pass('revocation', 'not on the issuer\'s revocation list');
}
