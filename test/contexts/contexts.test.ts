import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, bundledContext, createDocumentLoader, defaultDocumentLoader } from '../../src/contexts/index.js';
import { isBadgeError } from '../../src/errors.js';
import { CORPUS_URL } from '../helpers/corpus-dir.js';

const CORPUS = CORPUS_URL;
const urlMap = JSON.parse(readFileSync(new URL('url-map.json', CORPUS), 'utf8')) as { exact: Record<string, string> };

/** JSON with object keys sorted, to compare documents by meaning rather than layout. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

describe('bundled contexts', () => {
  it.each([
    'https://www.w3.org/2018/credentials/v1',
    'https://www.w3.org/ns/credentials/v2',
    'https://w3id.org/security/suites/ed25519-2020/v1',
    'https://w3id.org/security/data-integrity/v1',
    'https://w3id.org/security/data-integrity/v2',
    'https://w3id.org/security/multikey/v1',
    'https://w3id.org/vc/status-list/2021/v1',
    'https://www.w3.org/ns/credentials/status/v1',
    'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  ])('bundles %s with the same meaning as the corpus copy', (url) => {
    const bundled = bundledContext(url);
    expect(bundled?.documentUrl).toBe(url);
    const corpus = JSON.parse(readFileSync(new URL(urlMap.exact[url]!, CORPUS), 'utf8'));
    expect(canonical(bundled?.document)).toBe(canonical(corpus));
  });

  it('shares one frozen object per context across loads', async () => {
    const a = await defaultDocumentLoader('https://www.w3.org/ns/credentials/v2');
    const b = await createDocumentLoader()('https://www.w3.org/ns/credentials/v2');
    expect(a.document).toBe(b.document);
    expect(Object.isFrozen(a.document)).toBe(true);
  });

  it('bundles only https context URLs', () => {
    for (const url of BUNDLED_CONTEXTS.keys()) expect(url).toMatch(/^https:\/\//);
  });
});

describe('the document loader refuses what it does not bundle', () => {
  it.each(['https://example.org/evil-context.json', 'http://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/did/v1'])(
    'refuses %s with CONTEXT_NOT_ALLOWED and no network request',
    async (url) => {
      const error = await defaultDocumentLoader(url).catch((e: unknown) => e);
      expect(isBadgeError(error) && error.code).toBe('CONTEXT_NOT_ALLOWED');
    },
  );

  it('asks the caller\'s loader for URLs it does not bundle, and only for those', async () => {
    const asked: string[] = [];
    const loader = createDocumentLoader({
      fallback: async (url) => {
        asked.push(url);
        return { documentUrl: url, document: { '@context': { '@vocab': 'https://example.org/#' } } };
      },
    });
    await loader('https://www.w3.org/ns/credentials/v2');
    const custom = await loader('https://example.org/ctx');
    expect(asked).toEqual(['https://example.org/ctx']);
    expect(custom.document).toEqual({ '@context': { '@vocab': 'https://example.org/#' } });
  });
});
