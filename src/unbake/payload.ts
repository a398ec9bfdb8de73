/**
 * What kind of text a badge carries. Baked images and text inputs hold one of three things:
 * the assertion or credential as JSON, a compact JWS / VC-JWT, or (legacy hosted badges) the
 * URL of the hosted assertion.
 *
 * @packageDocumentation
 */
/** The three kinds of payload an Open Badge can be baked or handed over as. */
export type PayloadType = 'json' | 'jws' | 'url';

// Three base64url segments without padding (RFC 7515 §7.1), capturing the header.
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Says whether `text` is a JSON object, a compact JWS (a VC-JWT or an OB 2.0 signed
 * assertion) or an http(s) URL, ignoring surrounding whitespace; `null` when it is none of
 * these. Only a JSON *object* counts as JSON, because every badge version is an object, and
 * a JWS must have a protected header that decodes to a JSON object with an `alg`, so that
 * dotted strings such as host names are not mistaken for tokens.
 *
 * @example
 * ```ts
 * classifyPayload('{"type":"Assertion"}')            // 'json'
 * classifyPayload('eyJhbGciOiJSUzI1NiJ9.e30.c2ln')  // 'jws'
 * classifyPayload(' https://example.org/a.json ')   // 'url'
 * classifyPayload('hello')                           // null
 * ```
 */
export function classifyPayload(text: string): PayloadType | null {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('{')) return isJsonObject(t) ? 'json' : null;
  if (isCompactJws(t)) return 'jws';
  if (isHttpUrl(t)) return 'url';
  return null;
}

function isJsonObject(t: string): boolean {
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * True for `header.payload.signature` where the header is base64url JSON with a string `alg`.
 * This is the one test of "this text is a JWS" for unbaking and verifying alike, so a token
 * gets the same verdict whether it comes baked in an image or as text. The payload must be
 * present (badges never use the detached form); the signature may be empty, as in an unsecured
 * token (`"alg": "none"`), which verification then refuses for its `alg` (`ALG_NOT_ALLOWED`)
 * instead of calling it unreadable.
 *
 * @example
 * ```ts
 * isCompactJws('eyJhbGciOiJSUzI1NiJ9.e30.c2ln') // true
 * isCompactJws('eyJhbGciOiJub25lIn0.e30.')      // true: unsecured, refused when verified
 * isCompactJws('www.example.org')               // false
 * ```
 */
export function isCompactJws(t: string): boolean {
  const header = COMPACT_JWS.exec(t)?.[1];
  if (header === undefined) return false;
  const decoded = decodeBase64UrlJson(header);
  return (
    typeof decoded === 'object' &&
    decoded !== null &&
    !Array.isArray(decoded) &&
    typeof (decoded as { alg?: unknown }).alg === 'string'
  );
}

function decodeBase64UrlJson(segment: string): unknown {
  // A header is a few hundred bytes; a huge one is not a JWS header worth decoding.
  if (segment.length > 64 * 1024) return undefined;
  try {
    // The caller has checked the alphabet (base64url, no padding), so the platform's atob,
    // given the standard alphabet, decodes exactly what our codec would: the full codec then
    // loads only with the modules that read whole tokens.
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * True for an absolute `http(s)` URL with a host and no whitespace: what a legacy badge bakes,
 * and what `verify()` takes as a URL input.
 *
 * @example
 * ```ts
 * isHttpUrl('https://example.org/a.json') // true
 * isHttpUrl('badge.png')                  // false
 * ```
 */
export function isHttpUrl(t: string): boolean {
  // Whitespace inside would be silently dropped or encoded by the URL parser; a baked URL
  // with spaces in it is not the URL that was meant.
  if (/\s/.test(t)) return false;
  if (!/^https?:\/\//i.test(t)) return false;
  try {
    const u = new URL(t);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
