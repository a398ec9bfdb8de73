/**
 * Fetching and trusting a bitstring status list credential: the steps that Bitstring
 * Status List v1.0 (§ "Validate Algorithm", steps 4–8) and StatusList2021 share. Every way
 * this can go wrong is "we cannot tell", i.e. STATUS_UNAVAILABLE, never "not revoked".
 */
import { isBadgeError } from '../../errors.js';
import type { VerifyContext } from '../context.js';
import type { FetchedResource } from '../fetcher.js';
import { decodeListCached } from './bitstring.js';
import { clip, isObject, typesOf } from '../json.js';
import type { StatusDeps, StatusVerdict } from './types.js';

/** What distinguishes one bitstring list format from the other. */
export interface ListFormat {
  /** Name used in messages, e.g. `BitstringStatusList`. */
  name: string;
  /** The `type` the list credential must have. */
  credentialType: string;
  /** The `type` its `credentialSubject` must have. */
  subjectType: string;
}

export type LoadedList =
  | { ok: true; bits: Uint8Array; entries: number }
  | { ok: false; verdict: StatusVerdict & { status: 'failed' } };

function unavailable(message: string): LoadedList {
  return { ok: false, verdict: { status: 'failed', code: 'STATUS_UNAVAILABLE', message } };
}

type ListVerdict = Awaited<ReturnType<StatusDeps['verifyListCredential']>>;

/** Stands for "no documentLoader" as a WeakMap key. */
const NO_LOADER = {};

/**
 * Verdicts on list credentials, per verifier function, fetched resource, document loader and
 * clock. Verifying a list's proof means canonicalising it (the costly part of a status
 * check); in a batch sharing a resource cache, every badge of an issuer points at the same
 * list resource, so it is verified once. Any input that could change the verdict is part
 * of the key, and entries go when the resource does.
 */
const listVerdicts = new WeakMap<object, WeakMap<FetchedResource, WeakMap<object, Map<number, Promise<ListVerdict>>>>>();

function verifyListOnce(list: Record<string, unknown>, resource: FetchedResource, ctx: VerifyContext, deps: StatusDeps): Promise<ListVerdict> {
  const fn = deps.verifyListCredential;
  let byResource = listVerdicts.get(fn);
  if (!byResource) listVerdicts.set(fn, (byResource = new WeakMap()));
  let byLoader = byResource.get(resource);
  if (!byLoader) byResource.set(resource, (byLoader = new WeakMap()));
  const loader = ctx.options.documentLoader ?? NO_LOADER;
  let byNow = byLoader.get(loader);
  if (!byNow) byLoader.set(loader, (byNow = new Map()));
  const now = ctx.options.now.getTime();
  let verdict = byNow.get(now);
  if (!verdict) {
    verdict = Promise.resolve().then(() => fn.call(deps, list, ctx));
    byNow.set(now, verdict);
  }
  return verdict;
}

/** A compact JWS: the list was published as a VC-JWT (allowed by Bitstring Status List). */
const COMPACT_JWS = /^\s*[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\s*$/;

/**
 * Fetch the list credential at `url` through the context's fetcher, check that it is a list
 * of `format` for `purpose`, decode its bitstring (bounded), and have the OB 3.0 pipeline
 * verify the list's own proof and validity period.
 *
 * @example
 * ```ts
 * const list = await loadStatusList(url, 'revocation', BITSTRING_FORMAT, ctx, deps);
 * if (list.ok) readStatus(list.bits, index, 1);
 * ```
 */
export async function loadStatusList(
  url: string,
  purpose: string,
  format: ListFormat,
  ctx: VerifyContext,
  deps: StatusDeps,
): Promise<LoadedList> {
  let resource: FetchedResource;
  try {
    resource = await ctx.fetcher.get(url);
  } catch (error) {
    const why = isBadgeError(error) ? `${error.code}: ${error.message}` : String(error);
    return unavailable(`the status list ${clip(url, 200)} could not be fetched (${why})`);
  }

  const text = new TextDecoder().decode(resource.bytes);
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    if (COMPACT_JWS.test(text)) {
      return {
        ok: false,
        verdict: { status: 'failed', code: 'STATUS_UNSUPPORTED', message: `the status list ${clip(url, 200)} is a VC-JWT, which is not supported` },
      };
    }
    return unavailable(`the status list ${clip(url, 200)} is not JSON`);
  }
  if (!isObject(list)) return unavailable(`the status list ${clip(url, 200)} is not a credential`);
  if (!typesOf(list.type).includes(format.credentialType)) {
    return unavailable(`the status list ${clip(url, 200)} is not a ${format.credentialType} (type ${clip(list.type, 100)})`);
  }

  let subject = list.credentialSubject;
  if (Array.isArray(subject) && subject.length === 1) subject = subject[0];
  if (!isObject(subject)) return unavailable(`the status list ${clip(url, 200)} has no single credentialSubject`);
  if (!typesOf(subject.type).includes(format.subjectType)) {
    return unavailable(`the status list ${clip(url, 200)} has a credentialSubject that is not a ${format.subjectType}`);
  }
  // The list must be published for the purpose the entry asks about: a suspension list
  // must never answer a revocation question (Bitstring Status List §3.2 step 5).
  const purposes = typesOf(subject.statusPurpose);
  if (!purposes.includes(purpose)) {
    return unavailable(
      `the status list ${clip(url, 200)} is for ${purposes.length ? purposes.map((p) => clip(p, 40)).join(', ') : 'no stated purpose'}, not ${purpose}`,
    );
  }
  if (typeof subject.encodedList !== 'string') return unavailable(`the status list ${clip(url, 200)} has no encodedList`);

  // Decode before the (expensive) proof check: it is bounded, cached per resource, and a
  // list we cannot read is unavailable whatever its proof says.
  let bits: Uint8Array;
  try {
    bits = decodeListCached(resource, subject.encodedList);
  } catch (error) {
    const why = isBadgeError(error) ? error.message : String(error);
    return unavailable(`the status list ${clip(url, 200)} cannot be decoded: ${why}`);
  }

  let trusted: ListVerdict;
  try {
    trusted = await verifyListOnce(list, resource, ctx, deps);
  } catch (error) {
    const why = isBadgeError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    return unavailable(`the status list ${clip(url, 200)} could not be verified (${why})`);
  }
  if (!trusted.ok) {
    return unavailable(`the status list ${clip(url, 200)} failed its own verification (${trusted.code}: ${trusted.message})`);
  }
  return { ok: true, bits, entries: bits.length * 8 };
}
