/**
 * A fetch that answers from the conformance corpus (../shared/conformance/url-map.json:
 * exact entries and prefixes) and refuses everything else, so no test reaches the network.
 * Used by the OB 3.0 tests; it records every URL asked for.
 */
import { readFileSync } from 'node:fs';

export const CORPUS = new URL('../../../shared/conformance/', import.meta.url);

interface UrlMap {
  exact: Record<string, string>;
  prefixes: Record<string, string>;
}

const urlMap = JSON.parse(readFileSync(new URL('url-map.json', CORPUS), 'utf8')) as UrlMap;

/** Bytes of a corpus file by its corpus-relative path. */
export function corpusBytes(path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(path, CORPUS)));
}

/** A corpus JSON file, parsed. */
export function corpusJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, CORPUS), 'utf8')) as T;
}

/** The corpus path that answers `url`, if any. */
export function corpusPathFor(url: string): string | undefined {
  const exact = urlMap.exact[url];
  if (exact) return exact;
  for (const [prefix, dir] of Object.entries(urlMap.prefixes)) {
    if (url.startsWith(prefix)) return dir + url.slice(prefix.length);
  }
  return undefined;
}

/**
 * A fetch answering from the corpus (plus `extra` URL → JSON value overrides); anything else
 * is a 404. `calls` lists the URLs requested.
 */
export function corpusFetch(extra: Record<string, unknown> = {}): { fetch: typeof globalThis.fetch; calls: string[] } {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push(url);
    if (url in extra) {
      return new Response(JSON.stringify(extra[url]), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const path = corpusPathFor(url);
    if (path) {
      try {
        return new Response(corpusBytes(path), { status: 200, headers: { 'content-type': 'application/json' } });
      } catch {
        // fall through to 404
      }
    }
    return new Response('not found', { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}
