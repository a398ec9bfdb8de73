/**
 * JWS compact serialisation (RFC 7515 §7.1): parse, then verify with WebCrypto.
 * Shared by OB 2.0 signed assertions and OB 3.0 VC-JWT.
 */
import { ALG_PARAMS, assertAllowedAlg } from './algorithms.js';
import { BadgeError, decodeBase64, looksLikeCompactJws } from '../shared.js';
import { subtleCrypto } from '../webcrypto.js';

export { looksLikeCompactJws };

export { assertAllowedAlg, type AllowedAlg } from './algorithms.js';
export { importJwk, importPem } from './keys.js';

/** A parsed compact JWS. Nothing in it is trusted until {@link verifyJwsSignature} says so. */
export interface ParsedJws {
  header: Record<string, unknown>;
  /** The payload parsed as JSON, or undefined when it is not JSON. */
  payload: unknown;
  payloadText: string;
  /** ASCII bytes of `<header>.<payload>`, what the signature covers. */
  signingInput: Uint8Array;
  signature: Uint8Array;
  /** The header's `alg` as written (not yet checked against the allow-list). */
  alg: string;
}

// RFC 7515 §2: segments are base64url without padding; anything else is not a compact JWS.
const base64UrlDecode = (segment: string) => decodeBase64(segment, { code: 'JWS_MALFORMED', alphabet: 'base64url', padding: 'forbidden' });


/**
 * Split and decode a compact JWS. The header must be a JSON object with a string `alg`;
 * the payload is parsed as JSON when it is JSON.
 *
 * @throws BadgeError `JWS_MALFORMED` for anything that is not a compact JWS.
 * @example
 * ```ts
 * const jws = parseCompactJws(token);
 * jws.alg     // 'RS256'
 * jws.payload // the assertion object
 * ```
 */
export function parseCompactJws(token: string): ParsedJws {
  if (typeof token !== 'string') throw new BadgeError('JWS_MALFORMED', 'a JWS must be a string');
  const text = token.trim();
  if (!looksLikeCompactJws(text)) throw new BadgeError('JWS_MALFORMED', 'not a compact JWS (three base64url segments)');
  const [h = '', p = '', s = ''] = text.split('.');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let header: unknown;
  let payloadText: string;
  try {
    header = JSON.parse(decoder.decode(base64UrlDecode(h)));
    payloadText = decoder.decode(base64UrlDecode(p));
  } catch (cause) {
    throw new BadgeError('JWS_MALFORMED', 'the JWS header or payload is not base64url UTF-8 JSON', { cause });
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new BadgeError('JWS_MALFORMED', 'the JWS header is not a JSON object');
  }
  const alg = (header as Record<string, unknown>).alg;
  if (typeof alg !== 'string') throw new BadgeError('JWS_MALFORMED', 'the JWS header has no "alg"');
  // RFC 7515 §4.1.11: a critical extension we do not understand makes the JWS invalid.
  const crit = (header as Record<string, unknown>).crit;
  if (crit !== undefined) throw new BadgeError('JWS_MALFORMED', 'the JWS header lists critical extensions we do not support');
  let payload: unknown;
  try {
    payload = JSON.parse(payloadText);
  } catch {
    payload = undefined;
  }
  return {
    header: header as Record<string, unknown>,
    payload,
    payloadText,
    signingInput: new TextEncoder().encode(`${h}.${p}`),
    signature: base64UrlDecode(s),
    alg,
  };
}

/**
 * Verify the signature of a parsed JWS with a WebCrypto public key. ECDSA signatures in JWS
 * are raw `r||s` (RFC 7518 §3.4), which is also what WebCrypto expects, so no DER
 * conversion is needed; a wrong length is simply a bad signature.
 *
 * @throws BadgeError `ALG_NOT_ALLOWED` when the header's alg is refused, `CRYPTO_UNAVAILABLE` without WebCrypto.
 * @returns false for a signature that does not verify (including one made for another key type).
 * @example
 * ```ts
 * const ok = await verifyJwsSignature(parseCompactJws(token), await importPem(pem, 'RS256'));
 * ```
 */
export async function verifyJwsSignature(jws: ParsedJws, key: CryptoKey): Promise<boolean> {
  const alg = assertAllowedAlg(jws.alg);
  const params = ALG_PARAMS[alg];
  if (params.signatureLength !== undefined && jws.signature.length !== params.signatureLength) return false;
  if (jws.signature.length === 0) return false;
  const subtle = subtleCrypto();
  try {
    return await subtle.verify(params.verifyParams, key, new Uint8Array(jws.signature), new Uint8Array(jws.signingInput));
  } catch {
    // WebCrypto throws when the key does not fit the algorithm: that is a failed verification.
    return false;
  }
}
