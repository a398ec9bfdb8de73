/**
 * Server-side request forgery guard. A hiring portal that verifies a candidate's badge on
 * its server must not become a proxy into its own network: a badge can name any URL, so
 * outside a browser we refuse URLs that point at loopback, private, link-local, carrier-NAT
 * or cloud-metadata addresses, unless the caller opts in with `allowPrivateNetwork`.
 *
 * The core only sees host names; it cannot resolve DNS with web-platform APIs. Callers that
 * can (the CLI does, with node:dns) pass `resolveHost`, and every address it returns is
 * checked too, which closes the "public name, private address" hole. The request then
 * resolves the name again, and a rebinding DNS server may answer it differently: only the
 * fetch itself can close that gap (the CLI's does, src/cli/pinned-fetch.ts).
 */

// Through core.ts, as every on-demand module imports (see there): fetch-error.ts then stays
// in the chunk every page already has.
import { FetchError } from './core.js';

const BLOCKED_HOST_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata', 'instance-data']);
const BLOCKED_HOST_SUFFIXES = ['.localhost', '.internal', '.local', '.home.arpa'];

/** Parse dotted IPv4 (the URL parser has already normalised octal/hex/short forms). */
function parseIPv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function isPrivateIPv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return true;
  return (
    a === 0 || // "this" network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast and reserved
  );
}

/** Expand an IPv6 literal (without brackets) into eight 16-bit groups. */
function parseIPv6(host: string): number[] | null {
  let text = host.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const v4 = parseIPv4(maybeV4);
    if (!v4) return null;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    text = text.slice(0, lastColon + 1) + '0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = toGroups(halves[0]!);
  const rest = halves.length === 2 ? toGroups(halves[1]!) : [];
  let groups: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - rest.length - (tail.length ? 1 : 0);
    if (fill < 0) return null;
    groups = [...head, ...new Array<number>(fill).fill(0), ...rest];
  } else {
    groups = head;
  }
  if (tail.length) groups = [...groups.slice(0, -1), ...tail];
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return null;
  return groups;
}

function isPrivateIPv6(g: number[]): boolean {
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const allZeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (allZeroUpTo(7) && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  if (allZeroUpTo(5) && g5 === 0xffff) return isPrivateIPv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]); // v4-mapped
  // IPv4-compatible (::/96, deprecated): no public host has one, and a stack that still maps
  // it would reach the IPv4 address inside, so the whole block is refused.
  if (allZeroUpTo(6)) return true;
  // IPv4-translated (::ffff:0:0/96, SIIT): the IPv4 address inside is what a translator reaches.
  if (allZeroUpTo(4) && g[4] === 0xffff && g5 === 0) return isPrivateIPv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that a gateway may reach.
  if (g0 === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPrivateIPv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  if (g0 === 0x2002) return isPrivateIPv4([g[1]! >> 8, g[1]! & 0xff, g[2]! >> 8, g[2]! & 0xff]);
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/** True when an IP address (v4 or v6, without brackets) is not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return isPrivateIPv4(v4);
  const v6 = parseIPv6(address);
  if (v6) return isPrivateIPv6(v6);
  return false;
}

/**
 * Why a URL's host is refused, or null when it may be fetched. Only looks at the URL itself.
 */
export function privateHostReason(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (BLOCKED_HOST_NAMES.has(bare) || BLOCKED_HOST_SUFFIXES.some((s) => bare.endsWith(s))) {
    return `host ${host} is on the local network`;
  }
  if (isPrivateAddress(bare)) return `address ${bare} is not on the public internet`;
  return null;
}

/**
 * Refuse a URL whose host is not on the public internet: by its name or literal address and,
 * when the caller can resolve names (`resolveHost`), by every address the name resolves to.
 *
 * @throws FetchError `URL_REFUSED` for a private host, `FETCH_FAILED` when the name does not resolve.
 * @example
 * ```ts
 * await assertPublicHost(new URL('http://10.0.0.5/admin')); // throws URL_REFUSED
 * ```
 */
export async function assertPublicHost(url: URL, resolveHost?: (hostname: string) => Promise<string[]>): Promise<void> {
  const reason = privateHostReason(url);
  if (reason) throw new FetchError('URL_REFUSED', url.href, `refused to fetch ${url.href}: ${reason}`);
  if (!resolveHost) return;
  let addresses: string[];
  try {
    addresses = await resolveHost(url.hostname.replace(/^\[|\]$/g, ''));
  } catch (cause) {
    throw new FetchError('FETCH_FAILED', url.href, `could not resolve ${url.hostname}`, undefined, cause);
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw new FetchError('URL_REFUSED', url.href, `refused to fetch ${url.href}: it resolves to ${bad}`);
}
