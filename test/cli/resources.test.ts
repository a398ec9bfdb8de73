/// <reference types="node" />
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  createResourceDocumentLoader,
  createResourceFetch,
  didWebForUrl,
  loadResourceMap,
  lookupResource,
  parseResourceMap,
  prefixTarget,
  ResourceMapError,
  type ResourceMap,
} from '../../src/cli/resources.js';
import { CLI_FIXTURES, URL_MAP } from '../helpers/cli-harness.js';

const MAP_DIR = path.join(CLI_FIXTURES, 'map');
let map: ResourceMap;
let fetchFromMap: typeof globalThis.fetch;

beforeAll(async () => {
  map = await loadResourceMap(path.join(MAP_DIR, 'resources.json'));
  fetchFromMap = createResourceFetch(map);
});

async function body(response: Response): Promise<unknown> {
  return JSON.parse(await response.text());
}

describe('the --resources fetch', () => {
  it('answers an exact URL with the mapped file, as JSON', async () => {
    const response = await fetchFromMap('https://issuer.example.org/profile');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await body(response)).toMatchObject({ name: 'Issuer' });
  });

  it('ignores the fragment of a requested URL', async () => {
    const response = await fetchFromMap('https://issuer.example.org/profile#key-1');
    expect(response.status).toBe(200);
  });

  it('answers a URL under a prefix with the file at the same place under the prefix directory', async () => {
    const response = await fetchFromMap('https://static.example.org/list.json');
    expect(response.status).toBe(200);
    expect(await body(response)).toMatchObject({ type: 'RevocationList' });
  });

  it('uses the longest matching prefix', async () => {
    const response = await fetchFromMap(new URL('https://static.example.org/deep/x.json'));
    expect(await body(response)).toEqual({ which: 'override' });
  });

  it('labels an extension-less JSON file as JSON by its first byte', async () => {
    const response = await fetchFromMap('https://static.example.org/status-list');
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('answers a did:web document URL from an entry keyed by the DID', async () => {
    const response = await fetchFromMap('https://issuer.example.org/people/ada/did.json');
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ id: 'did:web:issuer.example.org:people:ada' });
  });

  it('answers a did:web document URL from an entry keyed by the URL', async () => {
    const response = await fetchFromMap('https://other.example.org/.well-known/did.json');
    expect(await body(response)).toEqual({ id: 'did:web:other.example.org' });
  });

  it('accepts Request objects', async () => {
    const response = await fetchFromMap(new Request('https://issuer.example.org/profile'));
    expect(response.status).toBe(200);
  });

  it('ignores keys other than exact and prefixes (url-map.json carries notes)', async () => {
    const corpus = await loadResourceMap(URL_MAP);
    expect(corpus.exact.get('https://w3id.org/openbadges/v2')).toMatch(/ob_v2p0\/v2\/context\.json$/);
    expect(corpus.prefixes.map(([prefix]) => prefix)).toContain('https://example.org/');
  });

  it('answers url-map.json entries from the corpus, including did:web by DID', async () => {
    const corpusFetch = createResourceFetch(await loadResourceMap(URL_MAP));
    const did = await corpusFetch('https://digitalcredentials.github.io/dcc-did-web/did.json');
    expect(await body(did)).toMatchObject({ id: 'did:web:digitalcredentials.github.io:dcc-did-web' });
    const asset = await corpusFetch('https://example.org/robotics-badge.json');
    expect(await body(asset)).toMatchObject({ type: 'BadgeClass' });
  });

  it('serves contexts from the map through the document loader', async () => {
    const loader = createResourceDocumentLoader(await loadResourceMap(URL_MAP));
    const loaded = await loader('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json');
    expect(loaded.documentUrl).toBe('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json');
    expect(loaded.document).toHaveProperty('@context');
  });
});

describe('what the --resources fetch refuses', () => {
  it('answers 404 for a URL that is not in the map', async () => {
    expect((await fetchFromMap('https://unknown.example.org/badge.json')).status).toBe(404);
    expect((await fetchFromMap('https://issuer.example.org/profile2')).status).toBe(404);
  });

  it('answers 404 for a listed prefix whose file does not exist', async () => {
    expect((await fetchFromMap('https://static.example.org/missing.json')).status).toBe(404);
  });

  it('refuses "../" in the part of the URL after a prefix', async () => {
    // new URL() would normalise "/../", so the raw string is what an attacker controls.
    for (const url of [
      'https://static.example.org/../secret.txt',
      'https://static.example.org/%2e%2e/secret.txt',
      'https://static.example.org/deep/../../secret.txt',
      'https://static.example.org/..%2fsecret.txt',
      'https://static.example.org/..%5csecret.txt',
      'https://static.example.org//etc/passwd',
      'https://static.example.org/%2fetc%2fpasswd',
    ]) {
      const response = await fetchFromMap(url);
      expect(response.status, url).toBe(404);
    }
  });

  it('refuses a directory as a resource', async () => {
    expect((await fetchFromMap('https://static.example.org/deep-override')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    const response = await fetchFromMap('https://issuer.example.org/profile', { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
  });

  it('rejects a request whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fetchFromMap('https://issuer.example.org/profile', { signal: controller.signal })).rejects.toBeDefined();
  });

  it('reports a context that is not in the map as a loader failure', async () => {
    const loader = createResourceDocumentLoader(map);
    await expect(loader('https://w3id.org/openbadges/invalid')).rejects.toThrow();
  });

  describe('symbolic links', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'vb-resources-'));
      await mkdir(path.join(dir, 'served'));
      await writeFile(path.join(dir, 'outside.json'), '{"secret": true}');
      await writeFile(path.join(dir, 'served', 'inside.json'), '{"ok": true}');
      await symlink(path.join(dir, 'outside.json'), path.join(dir, 'served', 'escape.json'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('does not follow a link inside a prefix directory that points outside it', async () => {
      const linked = createResourceFetch(parseResourceMap('{"prefixes": {"https://h.example/": "served/"}}', dir));
      expect((await linked('https://h.example/inside.json')).status).toBe(200);
      expect((await linked('https://h.example/escape.json')).status).toBe(404);
    });
  });
});

describe('reading the map file', () => {
  it('resolves paths relative to the map file', () => {
    const parsed = parseResourceMap('{"exact": {"https://a.example/x": "docs/x.json"}}', '/srv/maps');
    expect(parsed.exact.get('https://a.example/x')).toBe(path.resolve('/srv/maps/docs/x.json'));
  });

  it('fails with a ResourceMapError for a missing file, bad JSON or a wrong shape', async () => {
    await expect(loadResourceMap(path.join(MAP_DIR, 'no-such-map.json'))).rejects.toBeInstanceOf(ResourceMapError);
    expect(() => parseResourceMap('not json', '/')).toThrow(ResourceMapError);
    expect(() => parseResourceMap('[]', '/')).toThrow(ResourceMapError);
    expect(() => parseResourceMap('{"exact": {"https://a.example/": 3}}', '/')).toThrow(ResourceMapError);
    expect(() => parseResourceMap('{"prefixes": ["a"]}', '/')).toThrow(ResourceMapError);
    expect(() => parseResourceMap('{"prefixes": {"": "all/"}}', '/')).toThrow(ResourceMapError);
  });
});

describe('the helpers behind the fetch', () => {
  it('derives the did:web DID of a did.json URL', () => {
    expect(didWebForUrl('https://example.com/.well-known/did.json')).toBe('did:web:example.com');
    expect(didWebForUrl('https://example.com/user/alice/did.json')).toBe('did:web:example.com:user:alice');
    expect(didWebForUrl('https://example.com:8443/u/did.json')).toBe('did:web:example.com%3A8443:u');
    expect(didWebForUrl('http://example.com/u/did.json')).toBeNull();
    expect(didWebForUrl('https://example.com/u/other.json')).toBeNull();
    expect(didWebForUrl('https://example.com/did.json')).toBeNull();
  });

  it('maps a prefix remainder only to files strictly inside the directory', () => {
    const dir = path.resolve('/srv/static');
    expect(prefixTarget('a/b.json', dir)).toBe(path.join(dir, 'a', 'b.json'));
    expect(prefixTarget('a%20b.json?x=1', dir)).toBe(path.join(dir, 'a b.json'));
    expect(prefixTarget('', dir)).toBeNull();
    expect(prefixTarget('a/../../b', dir)).toBeNull();
    expect(prefixTarget('%ZZ', dir)).toBeNull();
  });

  it('finds exact entries before prefixes', () => {
    const both = parseResourceMap(
      '{"exact": {"https://h.example/a.json": "exact.json"}, "prefixes": {"https://h.example/": "dir/"}}',
      '/m',
    );
    expect(lookupResource(both, 'https://h.example/a.json')).toBe(path.resolve('/m/exact.json'));
    expect(lookupResource(both, 'https://h.example/b.json')).toBe(path.resolve('/m/dir/b.json'));
  });

  it('names content types from the extension', () => {
    const none = new Uint8Array();
    expect(contentTypeFor('a.png', none)).toBe('image/png');
    expect(contentTypeFor('a.svg', none)).toBe('image/svg+xml');
    expect(contentTypeFor('a.jsonld', none)).toBe('application/ld+json');
    expect(contentTypeFor('a.html', none)).toBe('text/html');
    expect(contentTypeFor('blob', new Uint8Array([0x89, 0x50]))).toBe('application/octet-stream');
  });
});
