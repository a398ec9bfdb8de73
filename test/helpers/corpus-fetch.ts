/**
 * The tests' one fetch stub: resource maps ({"exact": {url: path}, "prefixes": {prefix: dir/}},
 * paths relative to the map file) served by the product's own `--resources` implementation
 * (src/cli/resources.ts), so tests and the CLI agree on what a map answers. A URL no map lists
 * is a 404: nothing here can reach the network. Test-only extras are thin layers on top:
 * overrides (serve a given file, body or status for one URL, e.g. an input file at its own id,
 * or HTTP 410) and a record of every URL asked for.
 *
 * Maps in use: the corpus ../shared/conformance/url-map.json (read in place, never copied),
 * test/fixtures/ob2/resources.json, and https://status.example/ → test/fixtures/status/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  contentTypeFor,
  createResourceDocumentLoader,
  createResourceFetch,
  parseResourceMap,
  type ResourceMap,
} from '../../src/cli/resources.js';
import type { DocumentLoader } from '../../src/verify/options.js';
import { CORPUS_URL } from './corpus-dir.js';

export const CORPUS = CORPUS_URL;
export const CORPUS_MAP = new URL('url-map.json', CORPUS);
export const OB2_FIXTURES = new URL('../fixtures/ob2/', import.meta.url);
export const OB2_MAP = new URL('resources.json', OB2_FIXTURES);
export const STATUS_FIXTURES = new URL('../fixtures/status/', import.meta.url);
/** The made-up host of the status fixtures: https://status.example/<path> is test/fixtures/status/<path>. */
export const FIXTURE_BASE = 'https://status.example/';

/** A map file, or a map built in the test. */
export type MapSource = URL | ResourceMap;

/** One overridden answer: a file (URL on disk) or a literal body, with a status. */
export interface Override {
  status?: number;
  file?: URL;
  body?: string;
  headers?: Record<string, string>;
}

export interface StubFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Every URL asked for, in order. */
  calls: string[];
}

const parsedMaps = new Map<string, ResourceMap>();

/** A map file parsed as the CLI parses it (once per file). */
function loadMap(source: MapSource): ResourceMap {
  if (!(source instanceof URL)) return source;
  let map = parsedMaps.get(source.href);
  if (!map) {
    const file = fileURLToPath(source);
    map = parseResourceMap(readFileSync(file, 'utf8'), path.dirname(file));
    parsedMaps.set(source.href, map);
  }
  return map;
}

function requestUrl(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * A fetch that serves files from the given maps (first that answers wins) and overrides,
 * recording every URL in `calls`.
 *
 * @example
 * ```ts
 * const fetch = mapFetch([CORPUS_MAP], { 'https://example.org/a.json': { status: 410 } });
 * ```
 */
export function mapFetch(maps: MapSource[], overrides: Record<string, Override> = {}): StubFetch {
  const calls: string[] = [];
  const servers = maps.map((map) => createResourceFetch(loadMap(map)));
  const stub = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = requestUrl(input);
    calls.push(url);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const override = overrides[url];
    if (override) {
      const body = override.file ? new Uint8Array(readFileSync(override.file)) : (override.body ?? '');
      const contentType = override.file && typeof body !== 'string' ? contentTypeFor(override.file.pathname, body) : 'application/json';
      return new Response(override.status === 204 || override.status === 304 ? null : body, {
        status: override.status ?? 200,
        headers: { 'content-type': contentType, ...override.headers },
      });
    }
    for (const serve of servers) {
      const response = await serve(url, init);
      if (response.status !== 404) return response;
    }
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  }) as StubFetch;
  stub.calls = calls;
  return stub;
}

/**
 * A fetch answering the given URLs with JSON values, then the given maps; anything else is a
 * 404. `calls` lists the URLs requested.
 *
 * @example
 * ```ts
 * const { fetch, calls } = jsonFetch({ 'https://issuer.example.org/.well-known/did.json': didDocument });
 * ```
 */
export function jsonFetch(routes: Record<string, unknown>, maps: MapSource[] = []): { fetch: typeof globalThis.fetch; calls: string[] } {
  const overrides = Object.fromEntries(Object.entries(routes).map(([url, value]) => [url, { body: JSON.stringify(value) }]));
  const fetch = mapFetch(maps, overrides);
  return { fetch, calls: fetch.calls };
}

/**
 * A fetch answering from the corpus (plus `extra` URL → JSON value answers); anything else
 * is a 404. `calls` lists the URLs requested.
 *
 * @example
 * ```ts
 * const { fetch, calls } = corpusFetch();
 * ```
 */
export function corpusFetch(extra: Record<string, unknown> = {}): { fetch: typeof globalThis.fetch; calls: string[] } {
  return jsonFetch(extra, [CORPUS_MAP]);
}

/** A fetch answering https://status.example/<path> from test/fixtures/status/<path>; anything else is a 404. */
export function fixtureFetch(): { fetch: typeof globalThis.fetch; calls: string[] } {
  const fetch = mapFetch([{ exact: new Map(), prefixes: [[FIXTURE_BASE, fileURLToPath(STATUS_FIXTURES)]] }]);
  return { fetch, calls: fetch.calls };
}

/** A JSON-LD document loader over a map (the CLI's `--resources` loader): unlisted URLs are refused. */
export function mapDocumentLoader(map: MapSource): DocumentLoader {
  return createResourceDocumentLoader(loadMap(map));
}

/** Bytes of a file, for inputs. */
export function bytesOf(file: URL): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(file));
}

/** Text of a file, for inputs. */
export function textOf(file: URL): string {
  return readFileSync(file, 'utf8');
}

/** A corpus JSON file by its corpus-relative path, parsed. */
export function corpusJson<T = Record<string, unknown>>(corpusPath: string): T {
  return JSON.parse(textOf(new URL(corpusPath, CORPUS))) as T;
}
