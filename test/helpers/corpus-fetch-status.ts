/**
 * Fetch stubs for the status tests. They answer from files on disk and refuse the real
 * network: a URL they do not know answers 404 (like an unreachable list) only when it is a
 * known-unavailable corpus URL or under the fixture host; anything else throws, so a test
 * that would reach the network fails loudly.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

export const CORPUS = new URL('../../../shared/conformance/', import.meta.url);
export const STATUS_FIXTURES = new URL('../fixtures/status/', import.meta.url);
export const FIXTURE_BASE = 'https://status.example/';

interface UrlMap {
  exact: Record<string, string>;
  prefixes: Record<string, string>;
  known_unavailable: Record<string, string>;
}

export function readCorpusJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, CORPUS), 'utf8')) as T;
}

function respond(bytes: Uint8Array | undefined, url: string): Response {
  if (!bytes) return new Response('not found', { status: 404 });
  return new Response(bytes as BodyInit, { status: 200, headers: { 'content-type': 'application/json' } });
}

function tryRead(file: URL): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** A fetch answering from ../shared/conformance through url-map.json; records every URL asked for. */
export function corpusFetch() {
  const map = readCorpusJson<UrlMap>('url-map.json');
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    const exact = map.exact[url];
    if (exact) return respond(tryRead(new URL(exact, CORPUS)), url);
    for (const [prefix, dir] of Object.entries(map.prefixes)) {
      if (url.startsWith(prefix)) return respond(tryRead(new URL(dir + url.slice(prefix.length), CORPUS)), url);
    }
    if (url in map.known_unavailable) return respond(undefined, url);
    throw new TypeError(`network refused in tests: ${url}`);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A fetch answering https://status.example/<path> from test/fixtures/status/<path>. */
export function fixtureFetch() {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    if (url.startsWith(FIXTURE_BASE)) return respond(tryRead(new URL(url.slice(FIXTURE_BASE.length), STATUS_FIXTURES)), url);
    throw new TypeError(`network refused in tests: ${url}`);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}
