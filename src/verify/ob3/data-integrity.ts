/**
 * W3C Data Integrity proofs on OB 3.0 credentials (VC Data Integrity 1.0, and the
 * eddsa-rdfc-2022 / Ed25519Signature2020 suites of vc-di-eddsa).
 *
 * We drive the Digital Bazaar suites (the ones @digitalbazaar/vc uses) proof by proof
 * instead of through vc.verifyCredential, because we need one coded answer per proof
 * (PROOF_INVALID, UNSUPPORTED_PROOF, KEY_NOT_OWNED, DID_UNRESOLVED…) and the dates and
 * status checked separately rather than folded into "not verified". The rules are the same:
 * the accepted suites are an explicit list, canonicalisation runs in JSON-LD safe mode with
 * our fail-closed loader, and a proof counts only if its verification method is controlled
 * by the credential's issuer and its purpose is `assertionMethod`.
 *
 * @packageDocumentation
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import type { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { bundledContext, createDocumentLoader } from '../../contexts/index.js';
import { BadgeError, isBadgeError, type ErrorCode } from '../../errors.js';
import type { Fetcher } from '../fetcher.js';
import { base58btcDecode } from '../keys/encoding.js';
import { keyOwnedBy, resolveVerificationMethod, type ResolvedKey } from '../keys/index.js';
import type { DocumentLoader } from '../options.js';
import { guardNodeMaps } from './jsonld-node-maps.js';
import { fastContextOptions, installFastContextClone } from './jsonld-speedup.js';

/** One accepted proof format. */
export interface AcceptedSuite {
  type: string;
  cryptosuite?: string;
}

/**
 * The proof formats we verify. Everything else (Ed25519Signature2018, ecdsa-sd-2023, the
 * pre-standard cryptosuite name `eddsa-2022`, …) is UNSUPPORTED_PROOF: an explicit list, so
 * adding a suite is a decision, not an accident.
 *
 * @example
 * ```ts
 * ACCEPTED_SUITES.some((s) => s.cryptosuite === 'eddsa-rdfc-2022') // true
 * ```
 */
export const ACCEPTED_SUITES: readonly AcceptedSuite[] = Object.freeze([
  { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' },
  { type: 'Ed25519Signature2020' },
]);

/**
 * Verifiers by public key. Importing a key costs more than the signature check itself, and
 * a verifier meets the same few issuer keys again and again. A memo of a pure function of
 * the key bytes (nothing about any credential), bounded so hostile input cannot grow it.
 */
const VERIFIERS = new Map<string, Promise<Ed25519Multikey.Ed25519Verifier>>();
const MAX_VERIFIERS = 256;

function ed25519Verifier(verificationMethod: Record<string, unknown>): Promise<Ed25519Multikey.Ed25519Verifier> {
  const cacheKey = String(verificationMethod.publicKeyMultibase);
  let verifier = VERIFIERS.get(cacheKey);
  if (!verifier) {
    // The key library's platform file picks the fastest primitive (node:crypto in Node; in our
    // builds, src/shims/ed25519.ts: WebCrypto elsewhere); Node's WebCrypto is slower per call.
    verifier = Ed25519Multikey.from(verificationMethod).then((key) => key.verifier());
    verifier.catch(() => VERIFIERS.delete(cacheKey));
    if (VERIFIERS.size >= MAX_VERIFIERS) VERIFIERS.delete(VERIFIERS.keys().next().value!);
    VERIFIERS.set(cacheKey, verifier);
  }
  return verifier;
}

// Suite objects hold no per-verification state we rely on (DataIntegrityProof memoises the
// last document hash keyed by object identity, and every verification passes its own
// document object), so one instance each serves every verification: building them per call
// is measurable in the benchmark.
const EDDSA_RDFC_2022 = new DataIntegrityProof({
  cryptosuite: {
    ...eddsaRdfc2022,
    createVerifier: ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => ed25519Verifier(verificationMethod),
    canonize: (input: unknown, options: Record<string, unknown>) => eddsaRdfc2022.canonize(input, { ...options, ...fastContextOptions() }),
  },
});

let ed25519Signature2020: Promise<Ed25519Signature2020> | undefined;

/**
 * The Ed25519Signature2020 suite, loaded on first use: it pulls in a second key library,
 * which a process that only meets eddsa-rdfc-2022 proofs (the OB 3.0 default) need not load.
 */
function ed25519Signature2020Suite(): Promise<Ed25519Signature2020> {
  ed25519Signature2020 ??= import('@digitalbazaar/ed25519-signature-2020').then(({ Ed25519Signature2020: Suite }) => {
    class CachedKeySuite extends Suite {
      // Read by the suite's canonize on every call: a fresh fast context resolver each time.
      get canonizeOptions(): Record<string, unknown> {
        return fastContextOptions();
      }
      set canonizeOptions(_ignored: unknown) {
        // The base constructor assigns undefined here; our getter is the only source.
      }

      // Same checks as the suite's own verifySignature, with the verifier memoised by key.
      async verifySignature({ verifyData, verificationMethod, proof }: { verifyData: Uint8Array; verificationMethod: Record<string, unknown>; proof: Record<string, unknown> }): Promise<boolean> {
        const { proofValue } = proof;
        if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) throw new Error('Only base58btc multibase encoding is supported.');
        const verifier = await ed25519Verifier(verificationMethod);
        return verifier.verify({ data: verifyData, signature: base58btcDecode(proofValue.slice(1)) });
      }
    }
    return new CachedKeySuite();
  });
  return ed25519Signature2020;
}

/**
 * Keys that the verification method reference alone determines (did:key, did:jwk, and the
 * `<controller URL>#<Multikey>` convention): decoding them (base58, and for P-256/P-384 a
 * point decompression) is a pure function of the reference, met again on every credential
 * of the same issuer. Keys read from documents (did:web, https) are resolved every time: the
 * document may have changed. Frozen, and bounded so hostile input cannot grow the memo.
 */
const SELF_CONTAINED_KEYS = new Map<string, ResolvedKey>();
const MAX_SELF_CONTAINED_KEYS = 256;

async function resolveKey(ref: unknown, env: DataIntegrityEnv): Promise<ResolvedKey> {
  const known = typeof ref === 'string' ? SELF_CONTAINED_KEYS.get(ref) : undefined;
  if (known) return known;
  const key = await resolveVerificationMethod(ref, env);
  if (typeof ref !== 'string' || key.id !== ref || !(key.via === 'did:key' || key.via === 'did:jwk' || key.via === 'url-fragment')) return key;
  // A frozen copy: what the memo hands out cannot be changed by anyone.
  const frozen: ResolvedKey = Object.freeze({ ...key, jwk: Object.freeze({ ...key.jwk }), aliases: Object.freeze([...key.aliases]) as string[] });
  if (SELF_CONTAINED_KEYS.size >= MAX_SELF_CONTAINED_KEYS) SELF_CONTAINED_KEYS.delete(SELF_CONTAINED_KEYS.keys().next().value!);
  SELF_CONTAINED_KEYS.set(ref, frozen);
  return frozen;
}

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const MAX_PROOFS = 16;

/** The suites' own verifyProof ignores the purpose object; purpose is checked here. */
const NO_PURPOSE = Object.freeze({
  async validate() {
    return { valid: true };
  },
});

/** The result of one proof. */
export interface ProofResult {
  /** `type` (and `cryptosuite`) of the proof, for messages. */
  label: string;
  verified: boolean;
  code?: ErrorCode;
  message: string;
  /** The verification method, when it was resolved. */
  verificationMethod?: string;
  /** Set when the proof verifies but its key binding to the issuer is weak (see the fragment convention). */
  caution?: string;
}

/** What Data Integrity verification needs from the verification. */
export interface DataIntegrityEnv {
  fetcher: Fetcher;
  /** The caller's loader for contexts we do not bundle. */
  documentLoader?: DocumentLoader | undefined;
}

/** The outcome over the whole proof set. */
export interface DataIntegrityOutcome {
  /** True when at least one proof by the issuer verifies. */
  verified: boolean;
  /** One entry per proof, in document order; empty when there is no proof. */
  results: ProofResult[];
}

async function suiteFor(proof: Record<string, unknown>): Promise<DataIntegrityProof | Ed25519Signature2020 | undefined> {
  if (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022') return EDDSA_RDFC_2022;
  if (proof.type === 'Ed25519Signature2020') return ed25519Signature2020Suite();
  return undefined;
}

function labelOf(proof: Record<string, unknown>): string {
  const type = typeof proof.type === 'string' ? proof.type : JSON.stringify(proof.type ?? null);
  return typeof proof.cryptosuite === 'string' ? `${type}/${proof.cryptosuite}` : type;
}

/**
 * The issuer's id: `issuer` is a URL string or a Profile object with an `id`.
 *
 * @example
 * ```ts
 * issuerIdOf({ issuer: { id: 'https://example.edu/issuers/1' } }) // 'https://example.edu/issuers/1'
 * ```
 */
export function issuerIdOf(credential: Record<string, unknown>): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id;
  return undefined;
}

/**
 * Every context URL a document names, anywhere (top level and embedded `@context`s),
 * so that an unknown one is refused before any canonicalisation. (jsonld.js caches resolved
 * contexts process-wide, so relying on the loader alone would let a context a caller's loader
 * once supplied be used later without it.)
 *
 * @example
 * ```ts
 * [...contextUrls({ '@context': ['https://www.w3.org/ns/credentials/v2'] })] // ['https://www.w3.org/ns/credentials/v2']
 * ```
 */
export function contextUrls(document: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (depth > 64 || !document || typeof document !== 'object') return into;
  if (Array.isArray(document)) {
    for (const item of document) contextUrls(item, into, depth + 1);
    return into;
  }
  for (const [key, value] of Object.entries(document)) {
    if (key === '@context') {
      for (const ctx of Array.isArray(value) ? value : [value]) {
        if (typeof ctx === 'string') into.add(ctx);
        else contextUrls(ctx, into, depth + 1);
      }
    } else if (value && typeof value === 'object') {
      contextUrls(value, into, depth + 1);
    }
  }
  return into;
}

/** The verification method in the shape both suites import (a Multikey document). */
function multikeyDocument(key: ResolvedKey): Record<string, unknown> {
  return {
    '@context': MULTIKEY_CONTEXT,
    id: key.id,
    type: 'Multikey',
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
}

function errorMessage(error: unknown): string {
  if (Array.isArray(error)) return error.map(errorMessage).join('; ');
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Find a BadgeError we threw (e.g. from our loader) inside the error chain the suites wrap it in. */
function badgeErrorIn(error: unknown, depth = 0): BadgeError | undefined {
  if (depth > 8 || !error || typeof error !== 'object') return undefined;
  if (isBadgeError(error)) return error;
  const e = error as { cause?: unknown; details?: { cause?: unknown } };
  return badgeErrorIn(e.cause, depth + 1) ?? badgeErrorIn(e.details?.cause, depth + 1);
}

async function verifyOneProof(
  proof: Record<string, unknown>,
  document: Record<string, unknown>,
  proofSet: Record<string, unknown>[],
  issuerId: string | undefined,
  env: DataIntegrityEnv,
): Promise<ProofResult> {
  const label = labelOf(proof);
  const suite = await suiteFor(proof);
  if (!suite) {
    return { label, verified: false, code: 'UNSUPPORTED_PROOF', message: `proof type ${label} is not supported` };
  }
  if (proof.proofPurpose !== 'assertionMethod') {
    return { label, verified: false, code: 'PROOF_INVALID', message: `proof purpose ${String(proof.proofPurpose)} is not assertionMethod` };
  }
  const ref = typeof proof.verificationMethod === 'object' && proof.verificationMethod !== null
    ? (proof.verificationMethod as { id?: unknown }).id
    : proof.verificationMethod;
  let key: ResolvedKey;
  try {
    key = await resolveKey(ref, env);
  } catch (error) {
    const code = isBadgeError(error) ? error.code : 'KEY_MALFORMED';
    return { label, verified: false, code, message: errorMessage(error) };
  }
  const verificationMethod = key.id;
  if (!issuerId || !keyOwnedBy(key, issuerId)) {
    return {
      label,
      verified: false,
      code: 'KEY_NOT_OWNED',
      message: `${key.id} is controlled by ${key.controller}, not by the issuer ${issuerId ?? '(none)'}`,
      verificationMethod,
    };
  }
  if (key.algorithm !== 'Ed25519' || !key.publicKeyMultibase) {
    return { label, verified: false, code: 'PROOF_INVALID', message: `${label} needs an Ed25519 key; ${key.id} is ${key.algorithm}`, verificationMethod };
  }
  const documentLoader = createDocumentLoader({
    fallback: env.documentLoader,
    extra: new Map([[key.id, multikeyDocument(key)]]),
  });
  // As jsonld-signatures does: the proof options are interpreted in the document's context.
  const proofWithContext = { '@context': document['@context'], ...proof };
  try {
    const result = await suite.verifyProof({ proof: proofWithContext, document, purpose: NO_PURPOSE, proofSet, documentLoader });
    if (result.verified) {
      const verified: ProofResult = { label, verified: true, message: `${label} proof by ${key.id} verifies`, verificationMethod };
      // The 1EdTech convention puts the key in the URL itself, so nothing but the credential
      // says the issuer uses this key: anyone can mint such a URL for any issuer. Accepted
      // (OB 3.0 conformance depends on it) but said out loud.
      if (key.via === 'url-fragment') verified.caution = `the key is taken from the verification method URL ${key.id}; no controller document of ${key.controller} confirms it`;
      return verified;
    }
    const inner = badgeErrorIn(result.error);
    if (inner) return { label, verified: false, code: inner.code, message: inner.message, verificationMethod };
    return { label, verified: false, code: 'PROOF_INVALID', message: `${label} proof does not verify: ${errorMessage(result.error)}`, verificationMethod };
  } catch (error) {
    const inner = badgeErrorIn(error);
    return {
      label,
      verified: false,
      code: inner?.code ?? 'PROOF_INVALID',
      message: inner?.message ?? `${label} proof does not verify: ${errorMessage(error)}`,
      verificationMethod,
    };
  }
}

/**
 * Most JSON values (objects, arrays and the values in them) a credential may hold for its
 * proof to be checked. Canonicalising costs at most this times MAX_VALUES_PER_PROPERTY value
 * comparisons (./jsonld-node-maps.ts): a few seconds at worst, where the 4 MiB payload cap
 * alone allowed minutes. A rich OB 3.0 credential holds about a thousand values; a CLR
 * carrying a hundred such credentials, about a hundred thousand.
 */
export const MAX_CANONICAL_VALUES = 250_000;

/** The JSON values in `value`, counting stops a little past `max`. */
function countValues(value: unknown, max: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= max) {
    const next = stack.pop();
    count++;
    // One by one: spreading an array of a million items into push() would overflow the stack.
    if (next !== null && typeof next === 'object') for (const child of Array.isArray(next) ? next : Object.values(next)) stack.push(child);
  }
  return count;
}

/**
 * Verify every embedded proof of `credential`. At least one proof by the issuer must
 * verify; the result lists every proof's outcome so the caller can report the others.
 * Never throws for a bad credential.
 *
 * @example
 * ```ts
 * const { verified, results } = await verifyDataIntegrity(credential, { fetcher });
 * if (!verified) console.log(results.map((r) => r.code));
 * ```
 */
export async function verifyDataIntegrity(credential: Record<string, unknown>, env: DataIntegrityEnv): Promise<DataIntegrityOutcome> {
  const proofs = credential.proof === undefined || credential.proof === null ? [] : Array.isArray(credential.proof) ? credential.proof : [credential.proof];
  if (proofs.length === 0) return { verified: false, results: [] };
  if (proofs.length > MAX_PROOFS) {
    return { verified: false, results: [{ label: 'proof', verified: false, code: 'PROOF_INVALID', message: `more than ${MAX_PROOFS} proofs` }] };
  }
  const values = countValues(credential, MAX_CANONICAL_VALUES);
  if (values > MAX_CANONICAL_VALUES) {
    return {
      verified: false,
      results: [{ label: 'proof', verified: false, code: 'PAYLOAD_TOO_LARGE', message: `the credential holds more than ${MAX_CANONICAL_VALUES} JSON values: too large to canonicalise` }],
    };
  }
  // Refuse unknown contexts up front (fail closed, and a clear code rather than a JSON-LD error).
  if (!env.documentLoader) {
    for (const url of contextUrls(credential)) {
      if (!bundledContext(url)) {
        return {
          verified: false,
          results: [{ label: 'proof', verified: false, code: 'CONTEXT_NOT_ALLOWED', message: `JSON-LD context ${url} is not bundled and no documentLoader was given` }],
        };
      }
    }
  }
  guardNodeMaps();
  await installFastContextClone();
  const document = { ...credential };
  delete document.proof;
  const proofSet = proofs.filter((p): p is Record<string, unknown> => !!p && typeof p === 'object' && !Array.isArray(p));
  const issuerId = issuerIdOf(credential);
  const results: ProofResult[] = [];
  for (const proof of proofs) {
    if (!proof || typeof proof !== 'object' || Array.isArray(proof)) {
      results.push({ label: 'proof', verified: false, code: 'PROOF_INVALID', message: 'a proof is not an object' });
      continue;
    }
    results.push(await verifyOneProof(proof as Record<string, unknown>, document, proofSet, issuerId, env));
  }
  return { verified: results.some((r) => r.verified), results };
}

/** The canonical forms a Data Integrity proof signs, for test vectors and debugging. */
export interface CanonicalForms {
  /** RDFC-1.0 canonical N-Quads of the document without its proof. */
  document: string;
  /** Canonical N-Quads of the proof configuration (the proof without its value). */
  proof: string;
  /** The bytes signed: sha256(proof config) ‖ sha256(document). */
  verifyData: Uint8Array;
}

/**
 * The canonical N-Quads and the signed bytes of `proof` over `document`, computed exactly as
 * verification computes them (same suites, same loader, safe mode). Throws for a proof type
 * outside {@link ACCEPTED_SUITES}.
 *
 * @example
 * ```ts
 * const { document, verifyData } = await canonicalForms(unsigned, proofConfig);
 * ```
 */
export async function canonicalForms(
  document: Record<string, unknown>,
  proof: Record<string, unknown>,
  documentLoader?: DocumentLoader,
): Promise<CanonicalForms> {
  const suite = await suiteFor(proof);
  if (!suite) throw new BadgeError('UNSUPPORTED_PROOF', `proof type ${labelOf(proof)} is not supported`);
  guardNodeMaps();
  await installFastContextClone();
  const loader = createDocumentLoader({ fallback: documentLoader });
  const doc = { ...document };
  delete doc.proof;
  const proofWithContext = { '@context': doc['@context'], ...proof };
  const [canonicalDocument, canonicalProof, verifyData] = await Promise.all([
    suite.canonize(doc, { documentLoader: loader, base: null, safe: true, skipExpansion: false }),
    suite.canonizeProof(proofWithContext, { document: doc, documentLoader: loader }),
    suite.createVerifyData({ document: doc, proof: proofWithContext, documentLoader: loader }),
  ]);
  return { document: canonicalDocument, proof: canonicalProof, verifyData };
}
