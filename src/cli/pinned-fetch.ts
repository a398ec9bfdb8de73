/// <reference types="node" />
/**
 * The command line's network fetch: the private-network guard's answer pinned to the
 * connection. The library's guard (src/verify/network-guard.ts) resolves a host name and
 * refuses private addresses, but a fetch that resolves the name again on its own can be
 * handed a different answer (DNS rebinding: public to the check, 127.0.0.1 or
 * 169.254.169.254 to the connection). Here the connection itself resolves the name, refuses
 * it when any address is private, and connects only to the addresses it has just checked,
 * so the address checked is the address connected to.
 *
 * Node-only (undici, node:dns), so it lives with the CLI; the library stays web-platform.
 * undici is imported on the first request, so `--resources`, `--offline` and the command's
 * start never load it.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { FetchError } from '../verify/fetcher.js';

/** One resolved address, as node:dns `lookup(name, { all: true })` gives them. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. Defaults to node:dns lookup. */
export type ResolveAll = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * The connection refused: `hostname` resolved to `address`, which is not on the public internet.
 *
 * @example
 * ```ts
 * if (error instanceof PinnedAddressRefusedError) console.log(error.hostname, error.address);
 * ```
 */
export class PinnedAddressRefusedError extends Error {
  override readonly name = 'PinnedAddressRefusedError';
  readonly hostname: string;
  readonly address: string;
  constructor(hostname: string, address: string) {
    super(`refused to connect to ${hostname}: it resolves to ${address}, which is not on the public internet`);
    this.hostname = hostname;
    this.address = address;
  }
}

/** Every address, in the resolver's order (verbatim: no IPv4-first reordering that hides an IPv6 answer). */
async function resolveAllWithDns(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

export interface PinnedLookupOptions {
  /** Where names are resolved at connect time. Defaults to node:dns lookup (all addresses). */
  resolve?: ResolveAll;
  /** Which addresses are refused: the library's `isPrivateAddress` (network-guard.ts). */
  isRefused: (address: string) => boolean;
}

export interface PinnedFetchOptions {
  /** Where names are resolved at connect time. Defaults to node:dns lookup (all addresses). */
  resolve?: ResolveAll;
  /**
   * Which addresses are refused. Defaults to the library's own rule, `isPrivateAddress`;
   * tests that serve from 127.0.0.1 pass a narrower one to see where a connection goes.
   */
  isRefused?: (address: string) => boolean;
}

/**
 * A `lookup` for `net.connect` / `tls.connect` (undici's `connect.lookup`) that resolves the
 * name, refuses it with {@link PinnedAddressRefusedError} when ANY address is refused (one
 * private answer among public ones is enough for a client to end up on it: Node tries the
 * addresses in turn), and otherwise hands back exactly the addresses it checked.
 *
 * @example
 * ```ts
 * const agent = new Agent({ connect: { lookup: createPinnedLookup({ isRefused: isPrivateAddress }) } });
 * ```
 */
export function createPinnedLookup(options: PinnedLookupOptions): LookupFunction {
  const resolve = options.resolve ?? resolveAllWithDns;
  const { isRefused } = options;
  return (hostname, lookupOptions, callback) => {
    // Through a promise even if the resolver throws synchronously: net.connect must get a callback, not an exception.
    Promise.resolve(hostname).then(resolve).then(
      (resolved) => {
        if (resolved.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND', hostname }), '', 0);
          return;
        }
        // Something that is not an IP address cannot be checked: refused, not passed on.
        const bad = resolved.find(({ address }) => isIP(address) === 0 || isRefused(address));
        if (bad) {
          callback(new PinnedAddressRefusedError(hostname, bad.address), '', 0);
          return;
        }
        // The family comes from the address itself, not from what the resolver claimed.
        const all = resolved.map(({ address }) => ({ address, family: isIP(address) }));
        const family = lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family;
        const wanted = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND', hostname }), '', 0);
        } else if (lookupOptions.all) {
          callback(null, wanted);
        } else {
          callback(null, wanted[0]!.address, wanted[0]!.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

interface Pinned {
  fetch: typeof import('undici').fetch;
  dispatcher: import('undici').Agent;
  isRefused: (address: string) => boolean;
}

/** The refusal somewhere in a failed fetch's chain of causes (undici wraps it: TypeError "fetch failed"). */
function refusalIn(error: unknown): PinnedAddressRefusedError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof PinnedAddressRefusedError) return e;
  }
  return undefined;
}

/**
 * A `fetch` (undici's, with an Agent whose connections go through {@link createPinnedLookup})
 * for the library's `fetch` option. A refused connection rejects with the library's own
 * `FetchError` `URL_REFUSED`, which the fetcher passes through as it is: a rebinding
 * answer is reported exactly like a private address the guard caught before the request.
 * A literal private IP in the URL is refused too (no name, so the connection makes no lookup).
 *
 * Takes a URL (string or `URL`), as the library calls it; a `Request` object is refused with
 * a TypeError rather than half-converted between two fetch implementations.
 *
 * @example
 * ```ts
 * const result = await verify('https://badges.example.org/a/1.json', { fetch: createPinnedFetch(), resolveHost });
 * ```
 */
export function createPinnedFetch(options: PinnedFetchOptions = {}): typeof globalThis.fetch {
  // Loaded with the first request, and only then. The address rules come by dynamic import, as
  // the library's fetcher loads them, so the CLI shares that chunk instead of reshaping it.
  let loaded: Promise<Pinned> | undefined;
  const load = async (): Promise<Pinned> => {
    const [{ Agent, fetch }, isRefused] = await Promise.all([
      import('undici'),
      options.isRefused ?? import('../verify/network-guard.js').then((guard) => guard.isPrivateAddress),
    ]);
    // One Agent for every request of this fetch: its connection pool serves a whole batch.
    const dispatcher = new Agent({ connect: { lookup: createPinnedLookup({ isRefused, ...(options.resolve ? { resolve: options.resolve } : {}) }) } });
    return { fetch, dispatcher, isRefused };
  };
  return async (input, init) => {
    if (typeof input !== 'string' && !(input instanceof URL)) {
      throw new TypeError('the pinned fetch takes a URL (string or URL), not a Request');
    }
    const url = new URL(input);
    loaded ??= load();
    const { fetch, dispatcher, isRefused } = await loaded;
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) !== 0 && isRefused(literal)) {
      throw new FetchError('URL_REFUSED', url.href, `refused to fetch ${url.href}: address ${literal} is not on the public internet`);
    }
    try {
      // undici's Response has the web Response's shape; only its class differs from the global one.
      return (await fetch(url, { ...(init as import('undici').RequestInit), dispatcher })) as unknown as Response;
    } catch (error) {
      const refusal = refusalIn(error);
      if (refusal) throw new FetchError('URL_REFUSED', url.href, `refused to fetch ${url.href}: it resolves to ${refusal.address} at connect time`, undefined, error);
      throw error;
    }
  };
}
