import { requestSignal, untilAborted } from './abort.js';
import { FetchError } from './fetch-error.js';
import { isBrowserPage, type ResolvedOptions } from './options.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json.js';

/** A fetched document: the bytes, where they finally came from, and how they were labelled. */
export interface FetchedResource {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Most bytes of a non-2xx answer's body kept on its {@link FetchError}: enough for any
 * status document (an OB 2.0 410 body is a few hundred bytes), little enough that an
 * error page cannot cost memory.
 *
 * @example
 * ```ts
 * if (error instanceof FetchError && error.body) error.body.byteLength <= ERROR_BODY_LIMIT; // true
 * ```
 */
export const ERROR_BODY_LIMIT = 64 * 1024;

// FetchError lives in its own module: code that only recognises failed requests (the OB 2.0
// verifiers, the JWS reader through ./shared.ts) then does not pull in the Fetcher itself.
export { FetchError } from './fetch-error.js';

/**
 * A cache of fetched resources that calls may share (a batch does). Entries are promises so
 * that concurrent verifications asking for one status list make one request.
 */
export interface ResourceCache {
  get(url: string): Promise<FetchedResource> | undefined;
  set(url: string, value: Promise<FetchedResource>): void;
}

/** A bounded in-memory cache: the oldest entries go first once `maxEntries` is reached. */
export function createResourceCache(maxEntries = 500): ResourceCache {
  const entries = new Map<string, Promise<FetchedResource>>();
  return {
    get: (url) => entries.get(url),
    set(url, value) {
      entries.delete(url);
      entries.set(url, value);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}

const ACCEPT_JSON = 'application/ld+json, application/json;q=0.9, */*;q=0.1';

/**
 * Read a body into memory, stopping as soon as it passes `limit` bytes. When `signal`
 * aborts, the read stops too (a stub or a proxy may not tie the body stream to the
 * request's signal), and the abort reason is thrown rather than a truncated body returned.
 */
async function readLimited(response: Response, url: string, limit: number, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    // Not awaited: the answer is known, and a body whose cancel never settles must not hold it.
    void response.body?.cancel().catch(() => {});
    throw new FetchError('RESPONSE_TOO_LARGE', url, `${url} is larger than the ${limit}-byte limit`);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => {});
        throw new FetchError('RESPONSE_TOO_LARGE', url, `${url} is larger than the ${limit}-byte limit`);
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The only way the pipeline reaches the network. One per verification: it remembers every
 * URL it fetched (repeated URLs are fetched once), applies the timeout, size cap, redirect
 * limit and private-network guard, and turns every failure into a {@link FetchError}.
 */
export class Fetcher {
  readonly #options: ResolvedOptions;
  readonly #seen = new Map<string, Promise<FetchedResource>>();

  constructor(options: ResolvedOptions) {
    this.#options = options;
  }

  /** Fetch a URL (deduplicated within this verification and through the shared cache). */
  get(url: string): Promise<FetchedResource> {
    const key = url.replace(/#.*$/, '');
    let pending = this.#seen.get(key) ?? this.#options.cache?.get(key);
    if (!pending) {
      pending = this.#fetch(key);
      this.#options.cache?.set(key, pending);
      // A caller that never awaits must not cause an unhandled rejection.
      pending.catch(() => {});
    }
    this.#seen.set(key, pending);
    return pending;
  }

  /** Fetch and parse JSON; a body that is not JSON is RESOURCE_MALFORMED. */
  async getJson(url: string): Promise<{ resource: FetchedResource; json: unknown }> {
    const resource = await this.get(url);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(resource.bytes));
    } catch (cause) {
      throw new FetchError('RESOURCE_MALFORMED', url, `${url} did not return JSON`, resource.status, cause);
    }
    if (nestsDeeperThan(json)) throw new FetchError('RESOURCE_MALFORMED', url, `${url} nests more than ${MAX_JSON_DEPTH} levels deep`, resource.status);
    return { resource, json };
  }

  async #checkUrl(url: URL): Promise<void> {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new FetchError('URL_REFUSED', url.href, `refused to fetch ${url.protocol} URL ${url.href}`);
    }
    if (this.#options.allowPrivateNetwork) return;
    // Loaded here: pages allow the private network by default (see isBrowserPage), so the
    // address rules are only downloaded where they apply (Node, or a page that opts in).
    await (await import('./network-guard.js')).assertPublicHost(url, this.#options.resolveHost);
  }

  async #fetch(requested: string): Promise<FetchedResource> {
    const options = this.#options;
    let url: URL;
    try {
      url = new URL(requested);
    } catch (cause) {
      throw new FetchError('URL_REFUSED', requested, `not a URL: ${requested}`, undefined, cause);
    }
    if (options.offline) throw new FetchError('FETCH_FAILED', requested, `offline: did not fetch ${requested}`);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new FetchError('FETCH_FAILED', requested, 'no fetch implementation is available');
    }
    // In a page the browser follows redirects itself (a manual redirect is opaque there);
    // elsewhere we follow them one by one so every hop passes the private-network guard.
    const manual = !isBrowserPage();
    for (let hop = 0; ; hop++) {
      if (options.signal?.aborted) throw new FetchError('ABORTED', url.href, 'verification aborted');
      // The timeout covers the whole hop: resolving the name, the request and the body.
      const signal = requestSignal(options.signal, options.timeout);
      let response: Response;
      let bytes: Uint8Array;
      // One handler for the request and the body read: a failure in either is an abort, a
      // timeout or a failed fetch, told apart the same way. FetchErrors pass through as they are.
      // Each step is raced against the signal: a fetch, a body or a resolver that ignores it
      // must not hold the verification past its timeout.
      try {
        await untilAborted(this.#checkUrl(url), signal);
        response = await untilAborted(
          fetchImpl(url.href, {
            // Accept is a CORS-safelisted header: no preflight. Nothing else is sent.
            headers: { accept: ACCEPT_JSON },
            redirect: manual ? 'manual' : 'follow',
            signal,
            credentials: 'omit',
          }),
          signal,
        );
        if (manual) {
          const { redirectTarget } = await import('./redirects.js');
          const next = await untilAborted(redirectTarget(response, url, hop, options.maxRedirects, requested), signal);
          if (next) {
            url = next;
            continue;
          }
        }
        if (!response.ok) {
          // Keep a bounded copy of the body: an error page can be arbitrarily large, and the
          // failure must be reported the same whether or not its body arrives.
          const body = await untilAborted(readLimited(response, url.href, Math.min(ERROR_BODY_LIMIT, options.maxResponseBytes), signal), signal).catch(() => undefined);
          throw new FetchError('FETCH_FAILED', url.href, `${url.href} answered HTTP ${response.status}`, response.status, undefined, body);
        }
        bytes = await untilAborted(readLimited(response, url.href, options.maxResponseBytes, signal), signal);
      } catch (cause) {
        if (cause instanceof FetchError) throw cause;
        if (options.signal?.aborted) throw new FetchError('ABORTED', url.href, 'verification aborted', undefined, cause);
        const timedOut = (cause as { name?: string })?.name === 'TimeoutError';
        throw new FetchError(
          timedOut ? 'FETCH_TIMEOUT' : 'FETCH_FAILED',
          url.href,
          timedOut ? `${url.href} did not answer within ${options.timeout} ms` : `could not fetch ${url.href}`,
          undefined,
          cause,
        );
      }
      return {
        requestedUrl: requested,
        url: response.url || url.href,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        bytes,
      };
    }
  }
}
