import type { ResourceCache } from './fetcher.js';

/** A JSON-LD document loader as jsonld.js and @digitalbazaar/vc call it. */
export type DocumentLoader = (url: string) => Promise<{
  contextUrl?: string | null;
  documentUrl: string;
  document: unknown;
}>;

/**
 * Options of {@link verify}. All optional; no module-level state, so two calls with
 * different options never influence each other (except through a `cache` they share).
 */
export interface VerifyOptions {
  /** The fetch to use. Defaults to `globalThis.fetch`, looked up at call time. */
  fetch?: typeof globalThis.fetch;
  /** The clock for every date check. Defaults to the current time. */
  now?: Date | string | number;
  /** Aborts the whole verification. */
  signal?: AbortSignal;
  /** Limit, in milliseconds, for each network request and each `documentLoader` call (default 10 000). */
  timeout?: number;
  /** Expected recipient: email, URL, telephone or DID. Adds a `recipient` check. */
  recipient?: string;
  /** Largest response body accepted, in bytes (default 5 MiB). */
  maxResponseBytes?: number;
  /** Largest baked payload accepted when unbaking, in bytes (default 4 MiB). */
  maxPayloadBytes?: number;
  /** Largest `Blob`/`File` input read into memory, in bytes (default 64 MiB: a 20 MB photo with a badge baked in is fine). */
  maxInputBytes?: number;
  /** Redirects followed per request (default 5). */
  maxRedirects?: number;
  /**
   * A cache of fetched resources shared across calls (a batch shares one). Within a single
   * verification, repeated URLs are always fetched once, cache or not.
   */
  cache?: ResourceCache;
  /** Make no network request at all: every fetch fails with FETCH_FAILED. */
  offline?: boolean;
  /**
   * Allow requests to loopback, private and link-local addresses. Off by default outside
   * browsers (server-side request forgery guard); browsers are not guarded.
   */
  allowPrivateNetwork?: boolean;
  /**
   * Resolve a host name to IP addresses, so the private-network guard can check where a
   * name really points. The CLI supplies one backed by DNS; the core has none.
   */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /**
   * A JSON-LD document loader consulted for contexts that are not bundled. Without one,
   * unknown contexts are refused with CONTEXT_NOT_ALLOWED; contexts are never fetched
   * from the network unless you pass a loader that does so.
   */
  documentLoader?: DocumentLoader;
  /** Make OB 3.0 JSON Schema failures `invalid` instead of a warning. */
  strictSchema?: boolean;
  /**
   * Accept OB 3.0 keys that only the credential itself vouches for, as 1EdTech's validator
   * does: a Data Integrity verification method `https://issuer.example#z6Mk…` whose URL
   * fragment is the key, and a VC-JWT whose header carries its own `jwk`. Off by default,
   * because such a key proves only that the credential was not altered since signing, not
   * who signed it: anyone can mint `https://any-university.example#<their own key>` or put
   * their own key in a JWT header and name any issuer. By default the key must be listed by
   * the issuer's controller document, DID document or profile (fetched through `fetch`):
   * a document that does not list it makes the badge `invalid` (KEY_NOT_OWNED), one that
   * cannot be had makes it `indeterminate`. With this option the key is accepted with a
   * `key` warning (KEY_NOT_OWNED), so the badge can be `valid`. Use it only to reproduce
   * 1EdTech's conformance results, never to decide whether to trust a badge.
   *
   * @example
   * ```ts
   * await verify(bytes, { trustEmbeddedKeys: true }); // 1EdTech's fixtures verify offline
   * ```
   */
  trustEmbeddedKeys?: boolean;
  /** What to report as `input` in the result (the CLI passes the file path). */
  label?: string;
}

/** Options with every default applied, as the pipeline sees them. */
export interface ResolvedOptions {
  fetch: typeof globalThis.fetch | undefined;
  now: Date;
  signal: AbortSignal | undefined;
  timeout: number;
  recipient: string | undefined;
  maxResponseBytes: number;
  maxPayloadBytes: number;
  maxInputBytes: number;
  maxRedirects: number;
  cache: ResourceCache | undefined;
  offline: boolean;
  allowPrivateNetwork: boolean;
  resolveHost: ((hostname: string) => Promise<string[]>) | undefined;
  documentLoader: DocumentLoader | undefined;
  strictSchema: boolean;
  trustEmbeddedKeys: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** True in a page (browsers are not guarded against private addresses: the user's own network is theirs). */
export function isBrowserPage(): boolean {
  return typeof (globalThis as { document?: unknown }).document === 'object' && typeof window === 'object';
}

function toDate(value: Date | string | number | undefined): Date {
  if (value === undefined) return new Date();
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`verify: options.now is not a valid date: ${String(value)}`);
  return date;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new TypeError(`verify: options.${name} must be a non-negative number`);
  }
  return value;
}

/** Validate options (misuse throws TypeError) and fill in defaults. */
export function resolveOptions(options: VerifyOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('verify: options must be an object');
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('verify: options.fetch must be a function');
  }
  if (options.recipient !== undefined && typeof options.recipient !== 'string') {
    throw new TypeError('verify: options.recipient must be a string');
  }
  return {
    fetch: options.fetch,
    now: toDate(options.now),
    signal: options.signal,
    timeout: positive('timeout', options.timeout, DEFAULT_TIMEOUT_MS),
    recipient: options.recipient?.trim() || undefined,
    maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    maxPayloadBytes: positive('maxPayloadBytes', options.maxPayloadBytes, DEFAULT_MAX_PAYLOAD_BYTES),
    maxInputBytes: positive('maxInputBytes', options.maxInputBytes, DEFAULT_MAX_INPUT_BYTES),
    maxRedirects: positive('maxRedirects', options.maxRedirects, DEFAULT_MAX_REDIRECTS),
    cache: options.cache,
    offline: options.offline === true,
    allowPrivateNetwork: options.allowPrivateNetwork ?? isBrowserPage(),
    resolveHost: options.resolveHost,
    documentLoader: options.documentLoader,
    strictSchema: options.strictSchema === true,
    trustEmbeddedKeys: options.trustEmbeddedKeys === true,
  };
}
