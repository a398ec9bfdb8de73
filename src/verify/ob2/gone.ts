/**
 * OB 2.0 Hosted Verification: an issuer withdraws a hosted assertion by answering its URL
 * with HTTP 410 Gone, and may say why in the body, `{"revoked": true, "revocationReason":
 * "..."}` (Open Badges 2.0, "Hosted Verification"; the same shape as a revoked stub served
 * with 200). Kept free of other imports: the input stage uses it for URL inputs too.
 */

/** Longest reason quoted in a message: it is the issuer's text, shown to people, not a document. */
const MAX_REASON_CHARS = 500;

/**
 * The body of a 410 answer as a JSON object, or null when there is none or it is not one.
 *
 * @example
 * ```ts
 * goneDocument(new TextEncoder().encode('{"revoked": true}')) // { revoked: true }
 * ```
 */
export function goneDocument(body: Uint8Array | undefined): Record<string, unknown> | null {
  if (body === undefined || body.byteLength === 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body).replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}

/**
 * The issuer's `revocationReason` from a revoked document, tidied for a message: control
 * characters (which could rewrite a terminal line) become spaces, whitespace runs collapse,
 * and it is cut at 500 characters. Null when there is no non-empty string reason.
 *
 * @example
 * ```ts
 * revocationReasonOf({ revoked: true, revocationReason: 'Issued in error' }) // 'Issued in error'
 * ```
 */
export function revocationReasonOf(doc: Record<string, unknown> | null): string | null {
  const reason = doc?.revocationReason;
  if (typeof reason !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const tidy = reason.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  if (tidy === '') return null;
  return tidy.length > MAX_REASON_CHARS ? `${tidy.slice(0, MAX_REASON_CHARS)}…` : tidy;
}
