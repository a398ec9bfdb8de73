/**
 * OB 3.0 credentials as VC-JWT (OB 3.0 §8.3 "JSON Web Token Proof Format", VC Data Model
 * 1.1 §6.3.1 "JWT and JWS Considerations"): a compact JWS whose payload carries the
 * credential in its `vc` claim (VCDM 1.1) or is the credential itself (VCDM 2.0).
 *
 * Signature: RS256, ES256, EdDSA (and the other members of the shared JOSE allow-list);
 * `none` and HMAC are refused. Key: the header `jwk`, else the header `kid` dereferenced
 * (DID URL or https URL), else the keys the issuer's own document lists. A header `jwk` is
 * only the issuer's when the issuer is that key's did:jwk or the issuer's document (DID
 * document, controller document, profile) lists it; `trustEmbeddedKeys` accepts it with a
 * warning, as 1EdTech's validator does. The registered
 * claims must agree with the credential (iss = issuer, sub = subject, jti = id); nbf and exp
 * bound the validity period.
 *
 * @packageDocumentation
 */
import { BadgeError, isBadgeError, type ErrorCode } from '../../errors.js';
import type { CheckList } from '../context.js';
import type { Fetcher } from '../fetcher.js';
import { importJwk, parseCompactJws, verifyJwsSignature, type ParsedJws } from '../jose/jws.js';
import { assertAllowedAlg } from '../jose/algorithms.js';
import { JWS_ALG_OF_KEY, confirmFragmentKey, keyOwnedBy, keysOfController, publicKeyFromJwk, resolveVerificationMethod, sameKey, type PublicKeyMaterial, type ResolvedKey } from '../keys/index.js';
import { isObject } from '../json.js';
import { idOf, subjectOf } from './util.js';

/** `typ` values that announce a VC-JWT (RFC 7519 `JWT`, VC-JWT 1.1, VC-JOSE-COSE). */
const ACCEPTED_TYP = new Set(['jwt', 'vc+jwt', 'vc+ld+jwt', 'vc+ld+json+jwt']);

/** A decoded VC-JWT whose signature and claims were checked. */
export interface DecodedVcJwt {
  /** The credential, with VCDM 1.1 claims (iss/sub/jti) filled in where the `vc` claim left them out. */
  credential: Record<string, unknown> | null;
  /** The `nbf` / `exp` claims, for the validity check. */
  times: { nbf?: unknown; exp?: unknown };
}

interface JwtEnv {
  fetcher: Fetcher;
  /** Accept a header `jwk` nothing binds to the issuer (VerifyOptions.trustEmbeddedKeys). */
  trustEmbeddedKeys?: boolean | undefined;
}

function fail(code: ErrorCode, message: string): never {
  throw new BadgeError(code, message);
}

/** The credential in the payload, with the JWT-only VCDM 1.1 members put back. */
function credentialFrom(payload: Record<string, unknown>): Record<string, unknown> {
  if (isObject(payload.vc)) {
    const credential: Record<string, unknown> = { ...payload.vc };
    // VCDM 1.1 §6.3.1: iss, jti and sub stand in for issuer, id and credentialSubject.id.
    if (credential.issuer === undefined && typeof payload.iss === 'string') credential.issuer = payload.iss;
    if (credential.id === undefined && typeof payload.jti === 'string') credential.id = payload.jti;
    const subject = credential.credentialSubject;
    if (isObject(subject) && subject.id === undefined && typeof payload.sub === 'string') {
      credential.credentialSubject = { ...subject, id: payload.sub };
    }
    return credential;
  }
  if (payload['@context'] !== undefined || payload.type !== undefined) return payload;
  return fail('JWS_MALFORMED', 'the JWT payload carries no credential (no vc claim, not a credential)');
}

/** Registered claims that must agree with the credential (VCDM 1.1 §6.3.1). */
function checkClaims(payload: Record<string, unknown>, credential: Record<string, unknown>): void {
  const issuerId = idOf(credential.issuer);
  if (payload.iss !== undefined && payload.iss !== issuerId) {
    fail('JWT_CLAIM_MISMATCH', `JWT iss ${String(payload.iss)} is not the credential issuer ${String(issuerId)}`);
  }
  const subject = subjectOf(credential);
  if (payload.sub !== undefined && subject?.id !== undefined && payload.sub !== subject.id) {
    fail('JWT_CLAIM_MISMATCH', `JWT sub ${String(payload.sub)} is not the credential subject ${String(subject.id)}`);
  }
  if (payload.jti !== undefined && credential.id !== undefined && payload.jti !== credential.id) {
    fail('JWT_CLAIM_MISMATCH', `JWT jti ${String(payload.jti)} is not the credential id ${String(credential.id)}`);
  }
}

function checkTyp(header: Record<string, unknown>): void {
  if (header.typ === undefined) return;
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase().replace(/^application\//, '') : '';
  if (!ACCEPTED_TYP.has(typ)) fail('JWT_CLAIM_MISMATCH', `JWT typ ${JSON.stringify(header.typ)} is not a VC-JWT type`);
}

/**
 * Throw unless the issuer's own identity vouches for a key that travelled in the header:
 * the issuer is that key's did:jwk (or did:key), or the issuer's DID document, controller
 * document or profile lists it. Not listed → KEY_NOT_OWNED; the issuer's document cannot be
 * had → its FETCH_FAILED / DID_UNRESOLVED (indeterminate).
 */
async function assertHeaderKeyBound(key: PublicKeyMaterial, issuerId: string | undefined, env: JwtEnv): Promise<void> {
  if (!issuerId) fail('KEY_NOT_OWNED', 'the key travels in the JWT header and the credential names no issuer to own it');
  const keys = await keysOfController(issuerId, env);
  if (!keys.some((candidate) => keyOwnedBy(candidate, issuerId) && sameKey(candidate, key))) {
    fail('KEY_NOT_OWNED', `the key in the JWT header is not one the issuer ${issuerId} lists`);
  }
}

async function verifyWith(jws: ParsedJws, key: ResolvedKey | { algorithm: ResolvedKey['algorithm']; jwk: JsonWebKey }): Promise<boolean> {
  if (!JWS_ALG_OF_KEY[key.algorithm].includes(jws.alg)) return false;
  const cryptoKey = await importJwk(key.jwk, jws.alg);
  return verifyJwsSignature(jws, cryptoKey);
}

/**
 * Verify a VC-JWT's signature and claims, recording a `proof` check (and nothing else)
 * on `checks`. Returns the credential it carries, or null when there is none to show.
 *
 * @example
 * ```ts
 * const { credential, times } = await verifyVcJwt(token, ctx.checks, { fetcher: ctx.fetcher });
 * ```
 */
export async function verifyVcJwt(token: string, checks: CheckList, env: JwtEnv): Promise<DecodedVcJwt> {
  let jws: ParsedJws;
  let credential: Record<string, unknown> | null = null;
  let times: DecodedVcJwt['times'] = {};
  try {
    jws = parseCompactJws(token);
    assertAllowedAlg(jws.alg);
    checkTyp(jws.header);
    if (!isObject(jws.payload)) fail('JWS_MALFORMED', 'the JWT payload is not a JSON object');
    const payload = jws.payload;
    credential = credentialFrom(payload);
    times = { nbf: payload.nbf, exp: payload.exp };
    checkClaims(payload, credential);

    const issuerId = idOf(credential.issuer) ?? (typeof payload.iss === 'string' ? payload.iss : undefined);
    const header = jws.header;
    if (header.jwk !== undefined) {
      // The key travels with the token (as in 1EdTech's conformance JWTs): it proves the
      // token was not altered since signing, not who signed it. The signature is checked
      // first (a bad one is invalid whoever owns the key), then the binding to the issuer.
      const key = publicKeyFromJwk(header.jwk);
      if (!(await verifyWith(jws, key))) fail('PROOF_INVALID', `the ${jws.alg} signature does not verify with the header jwk`);
      if (env.trustEmbeddedKeys) {
        checks.pass('proof', `VC-JWT ${jws.alg} signature verifies with the key in its header`);
        checks.warn('key', 'KEY_NOT_OWNED', `the key travels in the JWT header; nothing shows that ${issuerId ?? 'the issuer'} uses it`);
        return { credential, times };
      }
      await assertHeaderKeyBound(key, issuerId, env);
      checks.pass('proof', `VC-JWT ${jws.alg} signature verifies with the key in its header, which the issuer ${issuerId ?? ''} lists`);
      return { credential, times };
    }
    if (typeof header.kid === 'string' && header.kid.length > 0) {
      const ref = header.kid.startsWith('#') && issuerId ? issuerId + header.kid : header.kid;
      const key = await resolveVerificationMethod(ref, env);
      if (!issuerId || !keyOwnedBy(key, issuerId)) fail('KEY_NOT_OWNED', `${key.id} is controlled by ${key.controller}, not by the issuer ${issuerId ?? '(none)'}`);
      if (!(await verifyWith(jws, key))) fail('PROOF_INVALID', `the ${jws.alg} signature does not verify with ${key.id}`);
      if (key.via === 'url-fragment') {
        // A `kid` of the form <issuer URL>#<Multikey> vouches for itself only, like a header jwk.
        if (env.trustEmbeddedKeys) {
          checks.pass('proof', `VC-JWT ${jws.alg} signature by ${key.id} verifies`);
          checks.warn('key', 'KEY_NOT_OWNED', `the key is taken from the kid ${key.id}; no controller document of ${key.controller} confirms it`);
          return { credential, times };
        }
        // Its controller is the issuer (checked above); the issuer's document must list it.
        await confirmFragmentKey(key, env);
      }
      checks.pass('proof', `VC-JWT ${jws.alg} signature by ${key.id} verifies`);
      return { credential, times };
    }
    if (!issuerId) fail('PROOF_INVALID', 'the VC-JWT names no key and no issuer');
    const keys = await keysOfController(issuerId, env);
    if (keys.length === 0) fail('KEY_NOT_OWNED', `the issuer ${issuerId} lists no key to check the VC-JWT with`);
    for (const key of keys) {
      if (keyOwnedBy(key, issuerId) && (await verifyWith(jws, key))) {
        checks.pass('proof', `VC-JWT ${jws.alg} signature by ${key.id} verifies`);
        return { credential, times };
      }
    }
    fail('PROOF_INVALID', `the ${jws.alg} signature does not verify with any key of ${issuerId}`);
  } catch (error) {
    checks.failFrom('proof', error, 'PROOF_INVALID');
    if (isBadgeError(error) && error.code === 'JWS_MALFORMED' && !credential) return { credential: null, times };
    return { credential, times };
  }
}
