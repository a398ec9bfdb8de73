/// <reference types="node" />
/**
 * `--resources <map.json>`: answer every fetch (hosted assertions, issuer profiles, keys,
 * status lists, did:web documents) from local files instead of the network. This is how
 * the conformance corpus and offline demos run, so it must behave like a small, strict web
 * server: a URL not in the map is a 404, and no URL can read a file outside the directory
 * its prefix names.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentLoader } from '../verify/options.js';

/** The map with every path made absolute. */
export interface ResourceMap {
  /** URL (without fragment) or DID → absolute file path. */
  exact: ReadonlyMap<string, string>;
  /** URL prefix → absolute directory, longest prefix first. */
  prefixes: ReadonlyArray<readonly [prefix: string, dir: string]>;
}

/** A problem with the map file itself: a usage error (exit 2), not a verification result. */
export class ResourceMapError extends Error {
  override readonly name = 'ResourceMapError';
}

/** Largest map file read, and largest resource served: a map is a handful of paths, resources are badge-sized. */
const MAX_MAP_BYTES = 4 * 1024 * 1024;
const MAX_RESOURCE_BYTES = 32 * 1024 * 1024;

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * Parse a resources map (already read as text). Paths are relative to `baseDir` (the map
 * file's directory). Keys other than `exact` and `prefixes` (descriptions, notes) are ignored.
 *
 * @example
 * ```ts
 * const map = parseResourceMap('{"exact": {"https://example.org/a.json": "a.json"}}', '/srv/badges');
 * map.exact.get('https://example.org/a.json'); // '/srv/badges/a.json'
 * ```
 */
export function parseResourceMap(text: string, baseDir: string): ResourceMap {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ResourceMapError('the resources map is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ResourceMapError('the resources map must be a JSON object with "exact" and/or "prefixes"');
  }
  const { exact = {}, prefixes = {} } = json as { exact?: unknown; prefixes?: unknown };
  if (!isRecordOfStrings(exact)) throw new ResourceMapError('"exact" must map URLs or DIDs to file paths (strings)');
  if (!isRecordOfStrings(prefixes)) throw new ResourceMapError('"prefixes" must map URL prefixes to directories (strings)');

  const exactMap = new Map<string, string>();
  for (const [key, file] of Object.entries(exact)) {
    if (file === '') throw new ResourceMapError(`empty path for ${key}`);
    exactMap.set(stripFragment(key), path.resolve(baseDir, file));
  }
  const prefixList: Array<readonly [string, string]> = [];
  for (const [prefix, dir] of Object.entries(prefixes)) {
    if (prefix === '') throw new ResourceMapError('an empty URL prefix would match every URL');
    prefixList.push([prefix, path.resolve(baseDir, dir)]);
  }
  // Longest prefix first, so a more specific rule wins over a general one.
  prefixList.sort((a, b) => b[0].length - a[0].length);
  return { exact: exactMap, prefixes: prefixList };
}

/**
 * Read and parse a resources map file. Throws {@link ResourceMapError}.
 *
 * @example
 * ```ts
 * const map = await loadResourceMap('../shared/conformance/url-map.json');
 * ```
 */
export async function loadResourceMap(mapPath: string): Promise<ResourceMap> {
  let text: string;
  try {
    const info = await stat(mapPath);
    if (!info.isFile()) throw new ResourceMapError(`${mapPath} is not a file`);
    if (info.size > MAX_MAP_BYTES) throw new ResourceMapError(`${mapPath} is larger than ${MAX_MAP_BYTES} bytes`);
    text = await readFile(mapPath, 'utf8');
  } catch (error) {
    if (error instanceof ResourceMapError) throw error;
    throw new ResourceMapError(`cannot read the resources map ${mapPath}`);
  }
  return parseResourceMap(text, path.dirname(path.resolve(mapPath)));
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * The did:web DID whose document lives at this URL, per the did:web method: the document
 * of `did:web:host` is at `https://host/.well-known/did.json`, that of `did:web:host:a:b` at
 * `https://host/a/b/did.json`, and a port is written percent-encoded (`host%3A8443`).
 *
 * @example
 * ```ts
 * didWebForUrl('https://example.com/user/alice/did.json'); // 'did:web:example.com:user:alice'
 * ```
 */
export function didWebForUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.search !== '' || !parsed.pathname.endsWith('/did.json')) return null;
  const host = parsed.port === '' ? parsed.hostname : `${parsed.hostname}%3A${parsed.port}`;
  const dir = parsed.pathname.slice(1, -'/did.json'.length);
  if (dir === '.well-known') return `did:web:${host}`;
  if (dir === '') return null;
  const segments = dir.split('/');
  if (segments.some((s) => s === '' || s.includes(':'))) return null;
  return `did:web:${host}:${segments.join(':')}`;
}

/**
 * Where a prefix rule puts a URL: the remainder after the prefix, as a path inside `dir`.
 * The remainder is percent-decoded once (a URL path is percent-encoded; a file name is not)
 * and refused if any segment is `..` or `.`, contains a backslash or NUL, or the result is
 * not strictly inside `dir`: a badge names its own URLs, so a crafted `https://host/../../x`
 * must not read files the map never listed.
 *
 * @example
 * ```ts
 * prefixTarget('keys/key1.json', '/srv/assets'); // '/srv/assets/keys/key1.json'
 * prefixTarget('../secret.txt', '/srv/assets');  // null
 * ```
 */
export function prefixTarget(remainder: string, dir: string): string | null {
  const withoutQuery = remainder.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutQuery);
  } catch {
    return null;
  }
  if (decoded === '' || decoded.includes('\\') || decoded.includes('\0') || decoded.startsWith('/')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return null;
  const target = path.resolve(dir, decoded);
  const relative = path.relative(dir, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return target;
}

/**
 * The file that answers a URL (or DID), or null when the map does not list it: an exact
 * entry, then the did:web form of a did.json URL, then the longest matching prefix.
 *
 * @example
 * ```ts
 * lookupResource(map, 'https://example.org/robotics-badge.json'); // '/…/ob20/assets/robotics-badge.json'
 * ```
 */
export function lookupResource(map: ResourceMap, requested: string): string | null {
  const url = stripFragment(requested);
  const exact = map.exact.get(url);
  if (exact !== undefined) return exact;
  // The did:web resolver asks for https://host/path/did.json; a map may key it by the DID.
  const did = didWebForUrl(url);
  if (did !== null) {
    const byDid = map.exact.get(did);
    if (byDid !== undefined) return byDid;
  }
  for (const [prefix, dir] of map.prefixes) {
    if (url.startsWith(prefix)) return prefixTarget(url.slice(prefix.length), dir);
  }
  return null;
}

/** True when `file` is inside `dir` once symbolic links are followed. */
async function staysInside(file: string, dir: string): Promise<boolean> {
  try {
    const [realFile, realDir] = await Promise.all([realpath(file), realpath(dir)]);
    const relative = path.relative(realDir, realFile);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}

/**
 * A content type from the file name, or from the first byte when the name says nothing.
 *
 * @example
 * ```ts
 * contentTypeFor('badge.png', bytes); // 'image/png'
 * ```
 */
export function contentTypeFor(file: string, bytes: Uint8Array): string {
  switch (path.extname(file).toLowerCase()) {
    case '.json':
      return 'application/json';
    case '.jsonld':
      return 'application/ld+json';
    case '.png':
      return 'image/png';
    case '.svg':
      return 'image/svg+xml';
    case '.html':
    case '.htm':
      return 'text/html';
    case '.jwt':
    case '.jws':
    case '.txt':
      return 'text/plain';
  }
  // Corpus files such as ".../status/testlist" have no extension; they are JSON.
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'application/json' : 'application/octet-stream';
}

function requestUrl(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function notFound(): Response {
  return new Response('not in the resources map', { status: 404, headers: { 'content-type': 'text/plain' } });
}

/**
 * A `fetch` that serves the map: 200 with the file's bytes, 404 for anything unlisted or
 * unreadable. It never touches the network. Only GET and HEAD are answered.
 *
 * @example
 * ```ts
 * const fetch = createResourceFetch(await loadResourceMap('resources.json'));
 * const result = await verify(bytes, { fetch });
 * ```
 */
export function createResourceFetch(map: ResourceMap): typeof globalThis.fetch {
  const prefixDirOf = (file: string): string | null => {
    for (const [, dir] of map.prefixes) {
      const relative = path.relative(dir, file);
      if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return dir;
    }
    return null;
  };
  const exactFiles = new Set(map.exact.values());

  return async function resourceFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return new Response(null, { status: 405 });

    const file = lookupResource(map, requestUrl(input));
    if (file === null) return notFound();
    // A file reached through a prefix rule must stay inside that directory after symlinks too.
    if (!exactFiles.has(file)) {
      const dir = prefixDirOf(file);
      if (dir === null || !(await staysInside(file, dir))) return notFound();
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > MAX_RESOURCE_BYTES) return notFound();
      bytes = new Uint8Array(await readFile(file));
    } catch {
      return notFound();
    }
    const headers = { 'content-type': contentTypeFor(file, bytes), 'content-length': String(bytes.byteLength) };
    return new Response(method === 'HEAD' ? null : bytes, { status: 200, headers });
  };
}

/**
 * A JSON-LD document loader over the same map, for contexts the library does not bundle.
 * The map is the user's explicit list of local documents, so answering contexts from it
 * keeps the rule "contexts are never fetched from the network": it reads only listed files.
 *
 * @example
 * ```ts
 * const documentLoader = createResourceDocumentLoader(map);
 * await verify(credential, { fetch: createResourceFetch(map), documentLoader });
 * ```
 */
export function createResourceDocumentLoader(map: ResourceMap): DocumentLoader {
  const fetchFromMap = createResourceFetch(map);
  return async (url: string) => {
    const response = await fetchFromMap(url);
    if (!response.ok) throw new Error(`${url} is not in the resources map`);
    const document: unknown = JSON.parse(await response.text());
    return { contextUrl: null, documentUrl: url, document };
  };
}
