/**
 * Redirects followed one hop at a time, as the fetcher does outside a browser page so that
 * every hop passes the private-network guard (in a page the browser follows them itself: a
 * manual redirect is opaque there). Loaded on demand, so pages never download it.
 *
 * @packageDocumentation
 */
// Through core.ts, as every on-demand module imports (see there): fetch-error.ts then stays
// in the chunk every page already has.
import { FetchError } from './core.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect answer points, or null when `response` is not a redirect.
 *
 * @throws FetchError `FETCH_FAILED` for a redirect without a usable Location, `URL_REFUSED` past
 *   `maxRedirects` hops from `requested`.
 * @example
 * ```ts
 * const next = await redirectTarget(response, url, hop, options.maxRedirects, requested);
 * if (next) url = next;
 * ```
 */
export async function redirectTarget(response: Response, url: URL, hop: number, maxRedirects: number, requested: string): Promise<URL | null> {
  if (!REDIRECT_STATUSES.has(response.status)) return null;
  const location = response.headers.get('location');
  // Not awaited: a body whose cancel never settles must not hold the redirect.
  void response.body?.cancel().catch(() => {});
  if (!location) throw new FetchError('FETCH_FAILED', url.href, `${url.href} redirected nowhere`, response.status);
  if (hop >= maxRedirects) throw new FetchError('URL_REFUSED', requested, `more than ${maxRedirects} redirects from ${requested}`);
  try {
    return new URL(location, url);
  } catch (cause) {
    throw new FetchError('FETCH_FAILED', url.href, `${url.href} redirected to an invalid URL`, response.status, cause);
  }
}
