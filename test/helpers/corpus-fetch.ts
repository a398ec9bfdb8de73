/**
 * A fetch stub that answers from a resource map ({"exact": {url: path}, "prefixes":
 * {prefix: dir/}}, paths relative to the map file: the corpus url-map.json, or our own
 * test/fixtures/ob2/resources.json) and answers 404 for every other URL. It never touches
 * the network. Overrides serve a given file or status for one URL (e.g. HTTP 410).
 */
import { readFileSync } from 'node:fs';

export const CORPUS = new URL('../../../shared/conformance/', import.meta.url);
export const CORPUS_MAP = new URL('url-map.json', CORPUS);
export const OB2_FIXTURES = new URL('../fixtures/ob2/', import.meta.url);
export const OB2_MAP = new URL('resources.json', OB2_FIXTURES);

interface ResourceMap {
  exact?: Record<string, string>;
  prefixes?: Record<string, string>;
}

/** One overridden answer: a file (URL on disk) or a literal body, with a status. */
export interface Override {
  status?: number;
  file?: URL;
  body?: string;
  headers?: Record<string, string>;
}

const TYPES: Record<string, string> = {
  json: 'application/json',
  jsonld: 'application/ld+json',
  png: 'image/png',
  svg: 'image/svg+xml',
  jwt: 'text/plain',
  jws: 'text/plain',
  pem: 'application/x-pem-file',
  html: 'text/html',
};

function contentType(path: string): string {
  return TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** The file on disk that answers `url` in a map, if any. */
export function resolveFromMap(mapUrl: URL, url: string): URL | undefined {
  const map = JSON.parse(readFileSync(mapUrl, 'utf8')) as ResourceMap;
  const exact = map.exact?.[url];
  if (exact) return new URL(exact, mapUrl);
  let best: string | undefined;
  for (const prefix of Object.keys(map.prefixes ?? {})) {
    if (url.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  if (best === undefined) return undefined;
  const rest = url.slice(best.length).replace(/[?#].*$/, '');
  // A path that climbs out of the mapped directory is not in the map.
  if (rest.split('/').includes('..') || rest === '') return undefined;
  return new URL(map.prefixes![best]! + rest, mapUrl);
}

export interface StubFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Every URL asked for, in order. */
  calls: string[];
}

/**
 * A fetch that serves files from the given maps (first match wins) and overrides.
 *
 * @example
 * ```ts
 * const fetch = mapFetch([CORPUS_MAP], { 'https://example.org/a.json': { status: 410 } });
 * ```
 */
export function mapFetch(maps: URL[], overrides: Record<string, Override> = {}): StubFetch {
  const calls: string[] = [];
  const stub = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const override = overrides[url];
    if (override) {
      const body = override.file ? new Uint8Array(readFileSync(override.file)) : (override.body ?? '');
      return new Response(override.status === 204 || override.status === 304 ? null : body, {
        status: override.status ?? 200,
        headers: { 'content-type': override.file ? contentType(override.file.pathname) : 'application/json', ...override.headers },
      });
    }
    for (const map of maps) {
      const file = resolveFromMap(map, url);
      if (!file) continue;
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch {
        continue;
      }
      return new Response(bytes, { status: 200, headers: { 'content-type': contentType(file.pathname) } });
    }
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  }) as StubFetch;
  stub.calls = calls;
  return stub;
}

/** Bytes of a file, for inputs. */
export function bytesOf(file: URL): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(file));
}

/** Text of a file, for inputs. */
export function textOf(file: URL): string {
  return readFileSync(file, 'utf8');
}
