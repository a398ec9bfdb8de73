/**
 * Verification-method resolution: from the reference a proof or a JWT `kid` gives to a
 * public key and the identity that controls it, so the caller can check that identity is
 * the credential's issuer.
 *
 * Supported: did:key (Ed25519, P-256, P-384), did:jwk, did:web (through the injected
 * fetcher), https key documents and issuer profiles, and the convention of 1EdTech's OB 3.0
 * fixtures where the URL fragment is the Multikey itself (`https://issuer#z6Mk…`). Such a
 * key is only believed when the document at the URL before the `#` lists it, unless the
 * caller opts into `trustEmbeddedKeys`: anyone can write any key after any issuer's URL.
 * Anything else (another DID method, another scheme, a bare string) is KEY_UNSUPPORTED.
 *
 * @packageDocumentation
 */
import { BadgeError, isBadgeError } from '../../errors.js';
import type { Fetcher } from '../fetcher.js';
import { asArray } from '../json.js';
import { didJwkPublicKey, didKeyPublicKey } from './did-key.js';
import { didWebUrl } from './did-web.js';
import { base64urlDecode } from './encoding.js';
import { decodeMultikey, looksLikeMultikey, type KeyAlgorithm, type PublicKeyMaterial } from './multikey.js';
import { publicKeyFromVerificationMethod } from './verification-method.js';

export type { KeyAlgorithm, PublicKeyMaterial } from './multikey.js';
export { decodeMultikey, ed25519Multibase } from './multikey.js';
export { didWebUrl } from './did-web.js';
export { publicKeyFromJwk } from './verification-method.js';

/** A resolved verification method. */
export interface ResolvedKey extends PublicKeyMaterial {
  /** The verification method id as it was referenced. */
  id: string;
  /** Who controls the key: the DID, the issuer profile URL, or the key document's controller. */
  controller: string;
  /**
   * How the key was found, for messages. `url-fragment` is a key only the reference vouches
   * for, until {@link confirmFragmentKey} finds it in its controller's document (which
   * makes it a `document` key).
   */
  via: 'did:key' | 'did:jwk' | 'did:web' | 'url-fragment' | 'document';
  /**
   * Identifiers the key's document is verifiably about (a did:web document's `id`, checked
   * against the DID; an https document's `id` when it is the URL it was fetched from): a key
   * is owned when the issuer is its controller or one of these.
   */
  aliases: string[];
  /** For keys read from a fetched https document: the URL it was fetched from. */
  source?: string;
}

/** What resolution needs from the verification. */
export interface KeyResolverEnv {
  fetcher: Fetcher;
}

const MAX_VERIFICATION_METHODS = 64;

function absoluteId(id: unknown, base: string): string | undefined {
  if (typeof id !== 'string') return undefined;
  if (id.startsWith('#')) return base.replace(/#.*$/, '') + id;
  return id;
}

/** Find `ref` among the verification methods a controller document lists for assertions. */
function findMethod(doc: Record<string, unknown>, ref: string, docId: string): Record<string, unknown> | undefined {
  const embedded = new Map<string, Record<string, unknown>>();
  for (const list of ['verificationMethod', 'assertionMethod', 'publicKey']) {
    for (const entry of asArray(doc[list], MAX_VERIFICATION_METHODS)) {
      if (entry && typeof entry === 'object') {
        const id = absoluteId((entry as Record<string, unknown>).id, docId);
        if (id) embedded.set(id, entry as Record<string, unknown>);
      }
    }
  }
  const method = embedded.get(ref);
  if (!method) return undefined;
  // A DID document says which keys may sign assertions; a key listed only for, say,
  // keyAgreement must not sign credentials. Profiles without assertionMethod (OB 2.0-style
  // `publicKey`) list only signing keys.
  if (doc.assertionMethod !== undefined) {
    const authorised = asArray(doc.assertionMethod, MAX_VERIFICATION_METHODS).some((entry) => {
      const id = typeof entry === 'string' ? absoluteId(entry, docId) : absoluteId((entry as Record<string, unknown> | null)?.id, docId);
      return id === ref;
    });
    if (!authorised) return undefined;
  }
  return method;
}

function controllerOf(method: Record<string, unknown>, fallback: string): string {
  const c = method.controller ?? method.owner;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string') return (c as { id: string }).id;
  return fallback;
}

async function fromDidWeb(ref: string, env: KeyResolverEnv): Promise<ResolvedKey> {
  const did = ref.replace(/#.*$/, '');
  const url = didWebUrl(did);
  let doc: unknown;
  try {
    ({ json: doc } = await env.fetcher.getJson(url));
  } catch (cause) {
    if (isBadgeError(cause) && cause.code === 'ABORTED') throw cause;
    throw new BadgeError('DID_UNRESOLVED', `could not resolve ${did} (${url})`, { cause });
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new BadgeError('DID_UNRESOLVED', `${url} is not a DID document`);
  const record = doc as Record<string, unknown>;
  // did:web resolution: the document must be about this DID, or anyone able to serve a
  // file could claim any DID.
  if (record.id !== did) throw new BadgeError('DID_UNRESOLVED', `${url} describes ${String(record.id)}, not ${did}`);
  const method = findMethod(record, ref, did);
  if (!method) throw new BadgeError('KEY_NOT_OWNED', `${did} does not list ${ref} as an assertion method`);
  const key = await publicKeyFromVerificationMethod(method);
  return { ...key, id: ref, controller: controllerOf(method, did), via: 'did:web', aliases: [did] };
}

async function fromDocument(ref: string, env: KeyResolverEnv): Promise<ResolvedKey> {
  const base = ref.replace(/#.*$/, '');
  const { json } = await env.fetcher.getJson(base);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new BadgeError('RESOURCE_MALFORMED', `${base} is not a JSON object`);
  const doc = json as Record<string, unknown>;
  // What a fetched document says about itself is only believed when it agrees with where it
  // was fetched from: a document at https://evil.example/p calling itself the issuer proves nothing.
  const docId = doc.id === base || doc.id === undefined ? base : undefined;
  if (doc.id === ref || (!ref.includes('#') && docId !== undefined)) {
    // The URL is a key document itself (a JWK, a Multikey, an OB 2.0 CryptographicKey).
    const key = await publicKeyFromVerificationMethod(doc);
    return { ...key, id: ref, controller: controllerOf(doc, base), via: 'document', aliases: [], source: base };
  }
  const method = findMethod(doc, ref, docId ?? base);
  if (!method) throw new BadgeError('KEY_NOT_OWNED', `${base} does not list ${ref} as a key`);
  const key = await publicKeyFromVerificationMethod(method);
  return { ...key, id: ref, controller: controllerOf(method, base), via: 'document', aliases: docId ? [docId] : [], source: base };
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * True when two public keys are the same key: same algorithm and the same JWK key members,
 * compared as bytes (so two spellings of one base64url value agree).
 *
 * @example
 * ```ts
 * sameKey(decodeMultikey('z6Mk…'), publicKeyFromJwk(header.jwk)) // true for the same Ed25519 key
 * ```
 */
export function sameKey(a: PublicKeyMaterial, b: PublicKeyMaterial): boolean {
  if (a.algorithm !== b.algorithm) return false;
  const ja = a.jwk as Record<string, unknown>;
  const jb = b.jwk as Record<string, unknown>;
  if (ja.kty !== jb.kty || ja.crv !== jb.crv) return false;
  for (const member of ['x', 'y', 'n', 'e']) {
    const va = ja[member];
    const vb = jb[member];
    if (va === undefined && vb === undefined) continue;
    if (typeof va !== 'string' || typeof vb !== 'string') return false;
    try {
      if (!bytesEqual(base64urlDecode(va), base64urlDecode(vb))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The ids a controller document authorises for assertions (all its keys when it names none). */
function authorisedIds(doc: Record<string, unknown>, docId: string): Set<string> {
  const lists = doc.assertionMethod !== undefined ? ['assertionMethod'] : ['verificationMethod', 'publicKey'];
  const ids = new Set<string>();
  for (const list of lists) {
    for (const entry of asArray(doc[list], MAX_VERIFICATION_METHODS)) {
      const id = typeof entry === 'string' ? absoluteId(entry, docId) : absoluteId((entry as Record<string, unknown> | null)?.id, docId);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/**
 * Establish who controls a `url-fragment` key (`<controller URL>#<Multikey>`, see
 * {@link resolveVerificationMethod}): the controller document (the URL before the `#`,
 * fetched) must list the key for assertions, by that very id or as a method with the same
 * key material. Returns the key as a `document` key (its controller and aliases as the
 * document says, for {@link keyOwnedBy}); any other key is returned unchanged. Throws
 * KEY_NOT_OWNED when the document does not list it, and the fetcher's FETCH_FAILED /
 * FETCH_TIMEOUT / URL_REFUSED or RESOURCE_MALFORMED when there is no document to ask (the
 * ownership cannot be confirmed: indeterminate, never valid).
 *
 * @example
 * ```ts
 * const key = await resolveVerificationMethod('https://example.edu/issuers/1#z6Mk…', { fetcher });
 * const owned = await confirmFragmentKey(key, { fetcher }); // fetches https://example.edu/issuers/1
 * keyOwnedBy(owned, 'https://example.edu/issuers/1') // true
 * ```
 */
export async function confirmFragmentKey(resolved: ResolvedKey, env: KeyResolverEnv): Promise<ResolvedKey> {
  if (resolved.via !== 'url-fragment') return resolved;
  const ref = resolved.id;
  const base = resolved.controller;
  const key: PublicKeyMaterial = { algorithm: resolved.algorithm, jwk: resolved.jwk, ...(resolved.publicKeyMultibase ? { publicKeyMultibase: resolved.publicKeyMultibase } : {}) };
  const { json } = await env.fetcher.getJson(base);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new BadgeError('RESOURCE_MALFORMED', `${base} is not a JSON object`);
  const doc = json as Record<string, unknown>;
  // As in fromDocument: the document's own id is believed only when it is where it was fetched from.
  const docId = doc.id === base || doc.id === undefined ? base : undefined;
  const confirmed = (controller: string): ResolvedKey => ({ ...key, id: ref, controller, via: 'document', aliases: docId ? [docId] : [], source: base });
  const ids = authorisedIds(doc, base);
  if (ids.has(ref)) {
    const method = findMethod(doc, ref, base);
    return confirmed(method ? controllerOf(method, base) : base);
  }
  for (const id of [...ids].slice(0, MAX_VERIFICATION_METHODS)) {
    const method = findMethod(doc, id, base);
    if (!method) continue;
    try {
      if (sameKey(await publicKeyFromVerificationMethod(method), key)) return confirmed(controllerOf(method, base));
    } catch {
      // An unreadable entry lists nothing.
    }
  }
  throw new BadgeError('KEY_NOT_OWNED', `${base} does not list the key of ${ref}`);
}

/**
 * Resolve a verification method reference (a proof's `verificationMethod`, a JWT `kid`).
 * Throws a {@link BadgeError}: KEY_UNSUPPORTED (scheme or DID method we do not resolve),
 * KEY_MALFORMED, KEY_NOT_OWNED (the controller document does not list it), DID_UNRESOLVED,
 * or the fetcher's FETCH_FAILED / FETCH_TIMEOUT / URL_REFUSED / RESOURCE_MALFORMED.
 * A `<controller URL>#<Multikey>` reference comes back as an unconfirmed `url-fragment` key:
 * pass it through {@link confirmFragmentKey} before trusting its controller.
 *
 * @example
 * ```ts
 * const key = await resolveVerificationMethod('did:key:z6Mk…#z6Mk…', { fetcher });
 * key.controller // 'did:key:z6Mk…'
 * ```
 */
export async function resolveVerificationMethod(ref: unknown, env: KeyResolverEnv): Promise<ResolvedKey> {
  if (typeof ref !== 'string' || ref.length === 0) throw new BadgeError('KEY_UNSUPPORTED', 'the verification method is not a URL');
  if (ref.length > 8192) throw new BadgeError('KEY_MALFORMED', 'the verification method reference is too long');
  if (ref.startsWith('did:key:')) {
    const did = ref.replace(/#.*$/, '');
    return { ...didKeyPublicKey(ref), id: ref, controller: did, via: 'did:key', aliases: [] };
  }
  if (ref.startsWith('did:jwk:')) {
    const did = ref.replace(/#.*$/, '');
    return { ...didJwkPublicKey(ref), id: ref, controller: did, via: 'did:jwk', aliases: [] };
  }
  if (ref.startsWith('did:web:')) return fromDidWeb(ref, env);
  if (ref.startsWith('did:')) throw new BadgeError('KEY_UNSUPPORTED', `DID method of ${ref} is not supported`);
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw new BadgeError('KEY_UNSUPPORTED', `verification method ${ref} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BadgeError('KEY_UNSUPPORTED', `verification method scheme ${url.protocol} is not supported`);
  }
  return fragmentKeyOf(ref) ?? fromDocument(ref, env);
}

/**
 * The key of a `<controller URL>#<Multikey>` reference (1EdTech's OB 3.0 convention), as an
 * unconfirmed `url-fragment` key; undefined for any other reference. Throws KEY_MALFORMED
 * when the fragment looks like a Multikey but does not decode.
 *
 * @example
 * ```ts
 * fragmentKeyOf('https://example.edu/issuers/1#z6Mk…')?.controller // 'https://example.edu/issuers/1'
 * fragmentKeyOf('did:key:z6Mk…#z6Mk…') // undefined
 * ```
 */
export function fragmentKeyOf(ref: string): ResolvedKey | undefined {
  if (!/^https?:\/\//i.test(ref)) return undefined;
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  const fragment = ref.slice(hash + 1);
  if (!looksLikeMultikey(fragment)) return undefined;
  // 1EdTech's OB 3.0 fixtures (and its validator) use `<controller URL>#<publicKeyMultibase>`
  // without publishing the controller document: the fragment is the key and the URL before
  // it is the controller. Decoding it needs no fetch (so a tampered credential is found
  // invalid offline), but the reference alone proves nothing about who controls the key:
  // callers confirm it with confirmFragmentKey unless they knowingly trust embedded keys.
  return { ...decodeMultikey(fragment), id: ref, controller: ref.slice(0, hash), via: 'url-fragment', aliases: [] };
}

/**
 * Every assertion key a controller document (an issuer profile, a DID document) lists, for
 * a VC-JWT whose header names no key: the issuer's own keys are the only candidates.
 * Keys that cannot be read are skipped; at most {@link MAX_VERIFICATION_METHODS}.
 *
 * @example
 * ```ts
 * const keys = await keysOfController('https://example.edu/issuers/565049', { fetcher });
 * ```
 */
export async function keysOfController(controller: string, env: KeyResolverEnv): Promise<ResolvedKey[]> {
  if (controller.startsWith('did:key:') || controller.startsWith('did:jwk:')) {
    return [await resolveVerificationMethod(controller, env)];
  }
  let doc: Record<string, unknown>;
  let docId: string;
  if (controller.startsWith('did:web:')) {
    const did = controller.replace(/#.*$/, '');
    const url = didWebUrl(did);
    let json: unknown;
    try {
      ({ json } = await env.fetcher.getJson(url));
    } catch (cause) {
      if (isBadgeError(cause) && cause.code === 'ABORTED') throw cause;
      throw new BadgeError('DID_UNRESOLVED', `could not resolve ${did} (${url})`, { cause });
    }
    if (!json || typeof json !== 'object' || Array.isArray(json) || (json as { id?: unknown }).id !== did) {
      throw new BadgeError('DID_UNRESOLVED', `${url} is not the DID document of ${did}`);
    }
    doc = json as Record<string, unknown>;
    docId = did;
  } else if (/^https?:\/\//.test(controller)) {
    const { json } = await env.fetcher.getJson(controller);
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new BadgeError('RESOURCE_MALFORMED', `${controller} is not a JSON object`);
    doc = json as Record<string, unknown>;
    if (doc.id !== undefined && doc.id !== controller) throw new BadgeError('ISSUER_MISMATCH', `${controller} describes ${String(doc.id)}`);
    docId = controller;
  } else {
    throw new BadgeError('KEY_UNSUPPORTED', `cannot look up the keys of ${controller}`);
  }
  const refs = new Set<string>();
  for (const list of ['assertionMethod', 'verificationMethod', 'publicKey']) {
    for (const entry of asArray(doc[list], MAX_VERIFICATION_METHODS)) {
      const id = typeof entry === 'string' ? absoluteId(entry, docId) : absoluteId((entry as Record<string, unknown> | null)?.id, docId);
      if (id) refs.add(id);
    }
  }
  const keys: ResolvedKey[] = [];
  for (const ref of [...refs].slice(0, MAX_VERIFICATION_METHODS)) {
    const method = findMethod(doc, ref, docId);
    if (!method) continue;
    try {
      const key = await publicKeyFromVerificationMethod(method);
      const web = controller.startsWith('did:web:');
      keys.push({ ...key, id: ref, controller: controllerOf(method, docId), via: web ? 'did:web' : 'document', aliases: [docId], ...(web ? {} : { source: docId }) });
    } catch {
      // An unreadable key is not a candidate.
    }
  }
  return keys;
}

/**
 * True when `issuerId` controls `key`: the key's controller (or an identifier its
 * controller document names as itself) is the issuer. For a key document served without
 * any controller, the key URL must at least share the issuer's origin.
 *
 * @example
 * ```ts
 * keyOwnedBy(key, 'did:web:example.com') // true when the DID document is the issuer's
 * ```
 */
export function keyOwnedBy(key: ResolvedKey, issuerId: string): boolean {
  // did:web: the DID document is the issuer's only when it is the issuer's DID (checked when
  // it was fetched); a `controller` written inside someone else's document proves nothing.
  if (key.via === 'did:web') return key.aliases.includes(issuerId);
  // did:key, did:jwk: the controller is derived, not asserted. An unconfirmed URL-fragment
  // key is taken at its word here; confirmFragmentKey is what checks that word.
  if (key.via !== 'document') return key.controller === issuerId;
  // A fetched key document vouches only for itself: it counts when it is served from the
  // issuer's own https origin (as OB 2.0 scopes keys), and names the issuer, or nothing but
  // itself, as its controller.
  const source = key.source ?? key.id.replace(/#.*$/, '');
  let sameOrigin = false;
  try {
    const a = new URL(source);
    const b = new URL(issuerId);
    sameOrigin = a.origin === b.origin && a.protocol === 'https:';
  } catch {
    return false;
  }
  return sameOrigin && (key.controller === issuerId || key.aliases.includes(issuerId) || key.controller === source);
}

/**
 * The algorithms a key may be used with, by JWS `alg`.
 *
 * @example
 * ```ts
 * JWS_ALG_OF_KEY['P-256'] // ['ES256']
 * ```
 */
export const JWS_ALG_OF_KEY: Readonly<Record<KeyAlgorithm, readonly string[]>> = {
  Ed25519: ['EdDSA', 'Ed25519'],
  'P-256': ['ES256'],
  'P-384': ['ES384'],
  RSA: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
};
