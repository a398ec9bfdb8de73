/**
 * What was given to `verify`: bytes (PNG, SVG, or text), a URL, JSON text, a parsed object,
 * or a compact JWS. Detection is by content, never by file name, and never throws for a bad
 * badge: failures are recorded as checks (`input`, `unbake`, `parse`).
 */
import { BadgeError, isBadgeError } from '../errors.js';
import type { InputFormat } from '../result.js';
import { looksLikePng, unbakePng, type PngInflater } from '../unbake/png.js';
import { isCompactJws, isHttpUrl } from '../unbake/payload.js';
import { resolveUnbakeOptions } from '../unbake/types.js';
import type { UnbakedBadge } from '../unbake/shared.js';
import type { VerifyContext } from './context.js';
import { FetchError } from './fetch-error.js';
import type { FetchedResource } from './fetcher.js';
import { goneDocument, revocationReasonOf } from './ob2/gone.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json.js';

/** Everything `verify` accepts. */
export type VerifyInput = Uint8Array | ArrayBuffer | ArrayBufferView | Blob | string | Record<string, unknown>;

/** What the input turned out to hold, ready for a version-specific verifier. */
export type Payload =
  /** A JSON object; `source` is the URL it was fetched from, when it was. */
  | { kind: 'object'; value: Record<string, unknown>; source?: string }
  | { kind: 'jws'; token: string }
  /** A URL to a hosted assertion (a baked OB 1.x/2.0 URL payload). */
  | { kind: 'url'; url: string };

export interface DetectedInput {
  format: InputFormat | null;
  payload: Payload | null;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Throw `TypeError` for values `verify` cannot take at all (misuse, not a bad badge).
 *
 * @example
 * ```ts
 * assertVerifyInput(42) // throws TypeError
 * ```
 */
export function assertVerifyInput(input: unknown): asserts input is VerifyInput {
  if (typeof input === 'string' || input instanceof Uint8Array || input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return;
  if (isBlob(input) || isPlainObject(input)) return;
  const kind = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
  throw new TypeError(`verify: input must be bytes, a Blob, a string or a plain object, not ${kind}`);
}

/** Re-exported: input detection and unbaking share one rule for what counts as a URL. */
export { isHttpUrl };

/**
 * What to report as `input` in the result when the caller gave no label.
 *
 * @example
 * ```ts
 * inputLabel('https://example.org/a.json') // 'https://example.org/a.json'
 * inputLabel(new Uint8Array(3))            // '<bytes>'
 * ```
 */
export function inputLabel(input: VerifyInput): string {
  if (typeof input === 'string') return isHttpUrl(input.trim()) ? input.trim() : '<text>';
  if (isBlob(input) || input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return '<bytes>';
  return '<object>';
}

function toBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
}

/** Classification of text: JSON, compact JWS or URL; anything else is refused. */
export type TextKind =
  | { kind: 'json'; value: unknown }
  | { kind: 'jws'; token: string }
  | { kind: 'url'; url: string };

/**
 * Classify text (a string input, decoded bytes, a baked payload or a fetched body). A JWS is
 * recognised as unbaking recognises one (a header that decodes to JSON with an `alg`), so
 * the same token gets the same verdict baked or not, and dotted text is not taken for one.
 *
 * @throws BadgeError `JSON_MALFORMED` for text that starts like JSON but does not parse,
 *   `INPUT_UNRECOGNISED` for anything else.
 * @example
 * ```ts
 * classifyText('{"a":1}') // { kind: 'json', value: { a: 1 } }
 * ```
 */
export function classifyText(raw: string): TextKind {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{') || text.startsWith('[') || text.startsWith('"')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new BadgeError('JSON_MALFORMED', 'the text starts like JSON but is not valid JSON', { cause });
    }
    if (nestsDeeperThan(value)) throw new BadgeError('PAYLOAD_TOO_LARGE', `the JSON nests more than ${MAX_JSON_DEPTH} levels deep`);
    return { kind: 'json', value };
  }
  if (isCompactJws(text)) return { kind: 'jws', token: text };
  if (isHttpUrl(text)) return { kind: 'url', url: text };
  throw new BadgeError('INPUT_UNRECOGNISED', 'the input is neither an image, JSON, a compact JWS nor an http(s) URL');
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new BadgeError('INPUT_UNRECOGNISED', 'the bytes are neither an image nor UTF-8 text', { cause });
  }
}

function textToPayload(kind: TextKind, ctx: VerifyContext, source?: string): Payload | null {
  if (kind.kind === 'jws') {
    ctx.checks.pass('parse', 'compact JWS');
    return { kind: 'jws', token: kind.token };
  }
  if (kind.kind === 'url') return { kind: 'url', url: kind.url };
  if (!isPlainObject(kind.value)) {
    ctx.checks.fail('parse', 'NOT_A_BADGE', 'the JSON is not an object');
    return null;
  }
  ctx.checks.pass('parse', 'JSON object');
  return source === undefined ? { kind: 'object', value: kind.value } : { kind: 'object', value: kind.value, source };
}

/** Thrown by the stand-in inflater: this PNG's badge chunk is compressed. */
const NEEDS_INFLATER = Symbol('needs inflater');
const withoutInflater: PngInflater = () => {
  throw NEEDS_INFLATER;
};

/**
 * src/unbake's `unbakeBytes`, with the rarely needed parts loaded on demand: the SVG reader
 * (and its XML scanner) only for SVG images, the inflater only for a PNG whose badge chunk is
 * compressed (read again with it: the chunk walk is cheap). Everything else is the same code,
 * so the verdicts and error codes are those of `unbake()`.
 */
async function unbakeOnDemand(bytes: Uint8Array, container: 'png' | 'svg', maxPayloadBytes: number): Promise<UnbakedBadge> {
  const options = resolveUnbakeOptions({ maxPayloadBytes });
  if (container === 'svg') return (await import('./svg-reader.js')).unbakeSvg(bytes, options);
  try {
    return unbakePng(bytes, options, withoutInflater);
  } catch (error) {
    if (error !== NEEDS_INFLATER) throw error;
  }
  const { inflateZlib } = await import('./inflate-reader.js');
  return unbakePng(bytes, options, (data, cap) => inflateZlib(data, cap, 'PNG_MALFORMED'));
}

/**
 * Whether the bytes are an SVG image. The full sniff (past XML declarations, comments and a
 * DOCTYPE to the root element) comes with the SVG reader, loaded only for bytes whose first
 * character, after a UTF-8 byte-order mark and whitespace, is `<`: no JSON, JWS or URL
 * starts so, and a PNG badge then loads nothing for it.
 */
async function mayBeSvg(bytes: Uint8Array): Promise<boolean> {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
  if (bytes[i] !== 0x3c) return false;
  // A web page (the badge's landing page given instead of its file) is common: refused
  // without downloading the SVG reader.
  if (/^<(!doctype\s+html|html[\s>])/i.test(String.fromCharCode(...bytes.subarray(i, i + 15)))) return false;
  try {
    return (await import('./svg-reader.js')).looksLikeSvg(bytes);
  } catch {
    // The reader could not be loaded: let unbaking try again and report it as it always has.
    return true;
  }
}

/** Per kind of text: the input format it makes and how the checks name it. */
const TEXT_FORMATS = {
  json: ['json', 'JSON text'],
  jws: ['jwt', 'compact JWS'],
  url: ['url', 'URL'],
} as const;

/** Unbake image bytes, recording the `unbake` check. */
async function unbake(bytes: Uint8Array, container: 'png' | 'svg', ctx: VerifyContext): Promise<TextKind | null> {
  let result: UnbakedBadge;
  try {
    result = await unbakeOnDemand(bytes, container, ctx.options.maxPayloadBytes);
  } catch (error) {
    ctx.checks.failFrom('unbake', error, 'INPUT_UNRECOGNISED');
    return null;
  }
  try {
    const kind = classifyText(result.payload);
    ctx.checks.pass('unbake', `${container.toUpperCase()} with a baked ${TEXT_FORMATS[kind.kind][1]} payload (${result.source})`);
    return kind;
  } catch (error) {
    // The baked text itself is unreadable: that is the payload's fault, not the image's.
    const typed = isBadgeError(error) && error.code === 'INPUT_UNRECOGNISED' ? new BadgeError('PAYLOAD_UNRECOGNISED', 'the baked payload is neither JSON, a compact JWS nor a URL') : error;
    ctx.checks.failFrom('unbake', typed, 'PAYLOAD_UNRECOGNISED');
    return null;
  }
}

/** Bytes (from the caller or a fetched URL) to a payload. */
async function fromBytes(bytes: Uint8Array, ctx: VerifyContext, source?: string): Promise<DetectedInput> {
  const own = source === undefined;
  // Whatever a fetched body holds, the input was a URL.
  const detected = (format: InputFormat | null, payload: Payload | null = null): DetectedInput => ({ format: own ? format : 'url', payload });
  // A fetched body that is no badge fails `parse`: the `input` (the URL) itself was fine.
  const failId = own ? 'input' : 'parse';
  if (bytes.length === 0) {
    ctx.checks.fail(failId, 'INPUT_UNREADABLE', own ? 'the input is empty' : `${source} answered with an empty body`);
    return detected(null);
  }
  const container = looksLikePng(bytes) ? 'png' : (await mayBeSvg(bytes)) ? 'svg' : null;
  if (container !== null) {
    if (own) ctx.checks.pass('input', `${container.toUpperCase()} image`);
    const kind = await unbake(bytes, container, ctx);
    return detected(container, kind && textToPayload(kind, ctx));
  }
  let kind: TextKind;
  try {
    kind = classifyText(decodeUtf8(bytes));
  } catch (error) {
    if (isBadgeError(error) && error.code === 'JSON_MALFORMED') {
      if (own) ctx.checks.pass('input', 'JSON text');
      ctx.checks.failFrom('parse', error, 'JSON_MALFORMED');
      return detected('json');
    }
    ctx.checks.failFrom(failId, error, 'INPUT_UNRECOGNISED');
    return detected(null);
  }
  const [format, label] = TEXT_FORMATS[kind.kind];
  if (own) ctx.checks.pass('input', label);
  return detected(format, textToPayload(kind, ctx, source));
}

/** Fetch the document a URL input names: an image, JSON or a JWS. */
async function fromUrl(url: string, ctx: VerifyContext): Promise<DetectedInput> {
  let resource: FetchedResource;
  try {
    resource = await ctx.fetcher.get(url);
  } catch (error) {
    // 410 Gone is how OB 2.0 issuers withdraw a hosted assertion (the usual URL input).
    if (error instanceof FetchError && error.httpStatus === 410) {
      const reason = revocationReasonOf(goneDocument(error.body));
      ctx.checks.fail('input', 'REVOKED', `${url} answered HTTP 410 Gone: the issuer withdrew it${reason === null ? '' : ` (${reason})`}`);
    } else ctx.checks.failFrom('input', error, 'FETCH_FAILED');
    return { format: 'url', payload: null };
  }
  ctx.checks.pass('input', `fetched ${url}`);
  const detected = await fromBytes(resource.bytes, ctx, url);
  // A URL that answers with an image whose payload is again a URL: that URL is the
  // hosted assertion, handled by the hosted verifier (one level, so no loops).
  return { format: 'url', payload: detected.payload };
}

/**
 * Read the input into a payload, recording `input`, `unbake` and `parse` checks.
 * Returns `payload: null` when the input is not a badge (the reason is a failed check).
 *
 * @example
 * ```ts
 * const { format, payload } = await detectInput(bytes, ctx);
 * ```
 */
export async function detectInput(input: VerifyInput, ctx: VerifyContext): Promise<DetectedInput> {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '').trim();
    // Other text is read as bytes would be: an empty string is an empty input.
    return isHttpUrl(text) ? fromUrl(text, ctx) : fromBytes(new TextEncoder().encode(text), ctx);
  }
  if (isBlob(input)) {
    let bytes: Uint8Array;
    try {
      if (input.size > ctx.options.maxInputBytes) {
        ctx.checks.fail('input', 'PAYLOAD_TOO_LARGE', `the input is larger than ${ctx.options.maxInputBytes} bytes`);
        return { format: null, payload: null };
      }
      bytes = new Uint8Array(await input.arrayBuffer());
    } catch (cause) {
      ctx.checks.fail('input', 'INPUT_UNREADABLE', `the Blob could not be read: ${cause instanceof Error ? cause.message : String(cause)}`);
      return { format: null, payload: null };
    }
    return fromBytes(bytes, ctx);
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    let bytes: Uint8Array;
    try {
      bytes = toBytes(input);
    } catch {
      // Transferred away (to a worker, by structuredClone): the buffer is detached.
      ctx.checks.fail('input', 'INPUT_UNREADABLE', 'the bytes cannot be read: their ArrayBuffer is detached');
      return { format: null, payload: null };
    }
    return fromBytes(bytes, ctx);
  }
  if (nestsDeeperThan(input)) {
    ctx.checks.fail('input', 'PAYLOAD_TOO_LARGE', `the object nests more than ${MAX_JSON_DEPTH} levels deep`);
    return { format: 'json', payload: null };
  }
  ctx.checks.pass('input', 'object');
  return { format: 'json', payload: { kind: 'object', value: input as Record<string, unknown> } };
}
