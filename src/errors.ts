/**
 * Stable error codes. Programs (and our tests) branch on these, never on message wording,
 * so a code is never renamed or removed once published; new ones may be added.
 *
 * Each code belongs to exactly one overall status (see {@link STATUS_OF_CODE}): the
 * overall status of a verification is derived from the codes of its failed checks.
 */
export type ErrorCode =
  // --- the input is not a badge at all → "error" ---
  /**
   * The input could not be read: an unreadable Blob or file, a detached buffer, an empty input,
   * or (from `unbake`) a value of the wrong kind. A value `verify` cannot take at all (a number,
   * null) is misuse: `verify` throws `TypeError`.
   */
  | 'INPUT_UNREADABLE'
  /** The bytes are not a PNG or SVG image, nor JSON, nor a compact JWS, nor a URL. */
  | 'INPUT_UNRECOGNISED'
  /** A readable PNG or SVG that carries no Open Badges payload. */
  | 'NOT_BAKED'
  /** The PNG is truncated, has a bad CRC on a chunk we read, or a chunk runs past the end. */
  | 'PNG_MALFORMED'
  /** The SVG is not well-formed XML where the badge payload lives. */
  | 'SVG_MALFORMED'
  /** The SVG declares a DTD or entities: refused outright, never resolved. */
  | 'SVG_UNSAFE'
  /**
   * A payload (or compressed chunk, or response body) is larger than the configured cap, JSON
   * nests too deep, or an OB 3.0 credential is too large to canonicalise (more than 250,000
   * values, or over 1,000 values for one property of one node).
   */
  | 'PAYLOAD_TOO_LARGE'
  /** The baked payload is neither JSON, a compact JWS nor a URL. */
  | 'PAYLOAD_UNRECOGNISED'
  /** The text is not valid JSON. */
  | 'JSON_MALFORMED'
  /** Valid JSON, but not an Open Badges assertion or credential of any version. */
  | 'NOT_A_BADGE'

  // --- the badge is not genuine → "invalid" ---
  /** A required property is missing; the check's `property` names it. */
  | 'MISSING_PROPERTY'
  /** A property has the wrong type or form; the check's `property` names it. */
  | 'INVALID_PROPERTY'
  /** The `type` of an object is not the one its place requires. */
  | 'INVALID_TYPE'
  /** `@context` is missing or does not include the contexts the version requires. */
  | 'INVALID_CONTEXT'
  /** The hosted assertion's id is outside the issuer's verification scope. */
  | 'ID_OUT_OF_SCOPE'
  /** The hosted copy does not match what was presented (different id). */
  | 'HOSTED_MISMATCH'
  /** The signature or proof does not verify: the content was changed or the key is wrong. */
  | 'PROOF_INVALID'
  /** A credential that must carry a proof carries none. */
  | 'PROOF_MISSING'
  /** The proof type or cryptosuite is not in the accepted list. */
  | 'UNSUPPORTED_PROOF'
  /** A JWS/JWT `alg` that is refused (`none`, HMAC) or unknown. */
  | 'ALG_NOT_ALLOWED'
  /**
   * A JWS/JWT (three base64url segments, the first a JSON header with an `alg`) that is not
   * otherwise well-formed. Text without such a header is no token: `INPUT_UNRECOGNISED`.
   */
  | 'JWS_MALFORMED'
  /** A JWT claim disagrees with the credential (`iss`, `sub`, `jti`, `typ`). */
  | 'JWT_CLAIM_MISMATCH'
  /** The verification key is not one the issuer controls or lists. */
  | 'KEY_NOT_OWNED'
  /** The verification method uses a scheme or DID method we cannot resolve by design. */
  | 'KEY_UNSUPPORTED'
  /** The key material is malformed (bad PEM, JWK, multibase). */
  | 'KEY_MALFORMED'
  /** The recipient does not match the expected identity. */
  | 'RECIPIENT_MISMATCH'
  /** The credential fails the OB 3.0 JSON Schema (only with `strictSchema`; else a warning). */
  | 'SCHEMA_INVALID'
  /** The issuer of the credential and of the referenced document disagree. */
  | 'ISSUER_MISMATCH'

  // --- the issuer withdrew it → "revoked" / "suspended" ---
  | 'REVOKED'
  | 'SUSPENDED'

  // --- dates → "expired" / "not-yet-valid" ---
  | 'EXPIRED'
  | 'NOT_YET_VALID'

  // --- a needed resource could not be had or trusted → "indeterminate" ---
  /** A network request failed (DNS, connection, HTTP error status, `--offline`). */
  | 'FETCH_FAILED'
  /** A network request took longer than the timeout. */
  | 'FETCH_TIMEOUT'
  /** A fetched body was larger than the response-size limit. */
  | 'RESPONSE_TOO_LARGE'
  /** A URL was refused before any request: private network, bad scheme, too many redirects. */
  | 'URL_REFUSED'
  /** A fetched document is not the JSON it must be. */
  | 'RESOURCE_MALFORMED'
  /** A DID could not be resolved (did:web document missing, no matching verification method). */
  | 'DID_UNRESOLVED'
  /** A JSON-LD context is not bundled and the caller supplied no loader for it. */
  | 'CONTEXT_NOT_ALLOWED'
  /** A status list could not be fetched, failed its own proof, expired, or is malformed. */
  | 'STATUS_UNAVAILABLE'
  /** A `credentialStatus` type we do not know how to check. */
  | 'STATUS_UNSUPPORTED'
  /** The runtime's WebCrypto lacks the signature algorithm (an old browser without Ed25519). */
  | 'CRYPTO_UNAVAILABLE'
  /** The verification was aborted by the caller's signal. */
  | 'ABORTED';

/** The overall statuses of a verification, in the order in which they win. */
export const RESULT_STATUSES = [
  'error',
  'invalid',
  'revoked',
  'suspended',
  'expired',
  'not-yet-valid',
  'indeterminate',
  'valid',
] as const;

export type ResultStatus = (typeof RESULT_STATUSES)[number];

/**
 * Which overall status a failed check with this code implies. A `Record` over the whole
 * union so that adding a code without deciding its status is a type error.
 */
export const STATUS_OF_CODE: Readonly<Record<ErrorCode, Exclude<ResultStatus, 'valid'>>> = Object.freeze({
  INPUT_UNREADABLE: 'error',
  INPUT_UNRECOGNISED: 'error',
  NOT_BAKED: 'error',
  PNG_MALFORMED: 'error',
  SVG_MALFORMED: 'error',
  SVG_UNSAFE: 'error',
  PAYLOAD_TOO_LARGE: 'error',
  PAYLOAD_UNRECOGNISED: 'error',
  JSON_MALFORMED: 'error',
  NOT_A_BADGE: 'error',

  MISSING_PROPERTY: 'invalid',
  INVALID_PROPERTY: 'invalid',
  INVALID_TYPE: 'invalid',
  INVALID_CONTEXT: 'invalid',
  ID_OUT_OF_SCOPE: 'invalid',
  HOSTED_MISMATCH: 'invalid',
  PROOF_INVALID: 'invalid',
  PROOF_MISSING: 'invalid',
  UNSUPPORTED_PROOF: 'invalid',
  ALG_NOT_ALLOWED: 'invalid',
  JWS_MALFORMED: 'invalid',
  JWT_CLAIM_MISMATCH: 'invalid',
  KEY_NOT_OWNED: 'invalid',
  KEY_UNSUPPORTED: 'invalid',
  KEY_MALFORMED: 'invalid',
  RECIPIENT_MISMATCH: 'invalid',
  SCHEMA_INVALID: 'invalid',
  ISSUER_MISMATCH: 'invalid',

  REVOKED: 'revoked',
  SUSPENDED: 'suspended',
  EXPIRED: 'expired',
  NOT_YET_VALID: 'not-yet-valid',

  FETCH_FAILED: 'indeterminate',
  FETCH_TIMEOUT: 'indeterminate',
  RESPONSE_TOO_LARGE: 'indeterminate',
  URL_REFUSED: 'indeterminate',
  RESOURCE_MALFORMED: 'indeterminate',
  DID_UNRESOLVED: 'indeterminate',
  CONTEXT_NOT_ALLOWED: 'indeterminate',
  STATUS_UNAVAILABLE: 'indeterminate',
  STATUS_UNSUPPORTED: 'indeterminate',
  CRYPTO_UNAVAILABLE: 'indeterminate',
  ABORTED: 'indeterminate',
});

/** Every error code, for documentation and exhaustive tests. */
export const ERROR_CODES = Object.keys(STATUS_OF_CODE) as ErrorCode[];

/**
 * The one exception type the library throws internally for a typed failure. Public
 * functions that return results (`verify`) turn it into a failed check; functions that
 * return data (`unbake`, `bake`) let it through so callers can branch on `code`.
 *
 * @example
 * ```ts
 * try { unbake(bytes) } catch (e) { if (e instanceof BadgeError && e.code === 'NOT_BAKED') … }
 * ```
 */
export class BadgeError extends Error {
  override readonly name = 'BadgeError';
  readonly code: ErrorCode;
  /** For MISSING_PROPERTY / INVALID_PROPERTY: the property concerned, e.g. `Assertion.recipient`. */
  readonly property?: string;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; property?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.property !== undefined) this.property = options.property;
  }
}

/** True when `value` is a {@link BadgeError}, also across realms and bundle copies. */
export function isBadgeError(value: unknown): value is BadgeError {
  return (
    value instanceof BadgeError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'BadgeError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}
