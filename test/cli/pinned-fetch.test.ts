/// <reference types="node" />
// The CLI's pinned fetch against DNS rebinding. Every test serves from 127.0.0.1 or resolves
// names with an injected resolver: nothing here asks DNS or leaves the machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { createPinnedFetch, createPinnedLookup, PinnedAddressRefusedError, type ResolvedAddress } from '../../src/cli/pinned-fetch.js';
import { libraryOptions, runCli, type CliIo } from '../../src/cli/run.js';
import { FetchError } from '../../src/verify/fetcher.js';
import { isPrivateAddress } from '../../src/verify/network-guard.js';
import { NOW } from '../helpers/cli-harness.js';

/** A public address (no service is ever reached there: every test refuses or stays on loopback). */
// TEST-NET-3 (RFC 5737): public to the guard, routed nowhere, so a regression cannot reach a real host.
const PUBLIC = '203.0.113.7';

/** A loopback HTTP server that records every request it receives. */
interface Recorder {
  port: number;
  requests: Array<{ url: string; host: string | undefined }>;
  server: Server;
}

let recorder: Recorder;

beforeEach(async () => {
  const requests: Recorder['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', host: req.headers.host });
    // /redirect?to=<url>: a redirect hop, for the test that each hop is pinned on its own.
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) res.writeHead(302, { location: to }).end();
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorder = { port: (server.address() as AddressInfo).port, requests, server };
});

afterEach(async () => {
  recorder.server.closeAllConnections();
  await new Promise((resolve) => recorder.server.close(resolve));
});

/** A resolver that answers every name with these addresses (what a rebinding DNS server says at connect time). */
const answering =
  (...addresses: string[]) =>
  async (): Promise<ResolvedAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

/** The code a promise rejects with, or 'resolved'. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof FetchError ? error.code : `not a FetchError: ${String(error)}`;
  }
}

/** Call a lookup as net.connect does and return what it calls back with. */
function lookUp(lookup: ReturnType<typeof createPinnedLookup>, options: { all?: boolean; family?: number }) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family: number | undefined }>((resolve) =>
    lookup('badge.example.test', options, (error, address, family) => resolve({ error, address, family })),
  );
}

/**
 * Verify a hosted badge URL on the recorder's port through the whole command line, with the
 * guard's lookup saying "public" and the connection's lookup answering with `resolve`.
 */
async function runThroughCli(resolve: (hostname: string) => Promise<ResolvedAddress[]>) {
  let stdout = '';
  const io: Partial<CliIo> = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    env: {},
    resolveHost: async () => [PUBLIC],
    fetch: createPinnedFetch({ resolve }),
  };
  expect(await runCli(['--json', '--now', NOW, `http://badge.rebind.test:${recorder.port}/badge.json`], io)).toBe(1);
  return JSON.parse(stdout) as { status: string; errors: Array<{ code: string; message: string }> };
}

describe('the pinned fetch', () => {
  it('connects to the address its own lookup checked, not to one another resolver would give', async () => {
    // Everything private is refused except the test server's address, so the connection can be seen.
    const fetch = createPinnedFetch({ resolve: answering('127.0.0.1'), isRefused: (a) => a !== '127.0.0.1' && isPrivateAddress(a) });
    const response = await fetch(`http://badge.pinned.test:${recorder.port}/badge.json`);
    expect(response.status).toBe(404);
    expect(recorder.requests).toEqual([{ url: '/badge.json', host: `badge.pinned.test:${recorder.port}` }]);
  });

  it('hands back every address it checked when asked for all, and the first one otherwise', async () => {
    const lookup = createPinnedLookup({ resolve: answering(PUBLIC, '2001:db8::7'), isRefused: isPrivateAddress });
    expect(await lookUp(lookup, { all: true })).toMatchObject({
      error: null,
      address: [
        { address: PUBLIC, family: 4 },
        { address: '2001:db8::7', family: 6 },
      ],
    });
    expect(await lookUp(lookup, {})).toMatchObject({ error: null, address: PUBLIC, family: 4 });
    expect(await lookUp(lookup, { family: 6 })).toMatchObject({ error: null, address: '2001:db8::7', family: 6 });
  });
});

describe('the pinned fetch refuses', () => {
  it.each(['127.0.0.1', '::1', '10.0.0.7', '169.254.169.254'])(
    'a name that resolves to %s at connect time, and the loopback server receives nothing',
    async (rebound) => {
      const fetch = createPinnedFetch({ resolve: answering(rebound) });
      expect(await codeOf(fetch(`http://badge.rebind.test:${recorder.port}/badge.json`))).toBe('URL_REFUSED');
      expect(recorder.requests).toEqual([]);
    },
  );

  it('a rebinding answer through the command line as URL_REFUSED, although the guard was told the name is public', async () => {
    const result = await runThroughCli(answering('127.0.0.1'));
    expect(result.status).toBe('indeterminate');
    expect(result.errors.map((e) => e.code)).toContain('URL_REFUSED');
    expect(recorder.requests).toEqual([]);
  });

  it.each([
    [PUBLIC, '127.0.0.1'],
    ['10.1.2.3', PUBLIC],
    [PUBLIC, '::ffff:169.254.169.254'],
  ])('a name that resolves to a mix of public and private addresses (%s, %s)', async (...addresses) => {
    const fetch = createPinnedFetch({ resolve: answering(...addresses) });
    expect(await codeOf(fetch(`http://badge.mixed.test:${recorder.port}/badge.json`))).toBe('URL_REFUSED');
    expect(recorder.requests).toEqual([]);
  });

  it('names the refused address in the error it raises at connect time', async () => {
    const lookup = createPinnedLookup({ resolve: answering(PUBLIC, '169.254.169.254'), isRefused: isPrivateAddress });
    const { error } = await lookUp(lookup, { all: true });
    expect(error).toBeInstanceOf(PinnedAddressRefusedError);
    expect(error).toMatchObject({ hostname: 'badge.example.test', address: '169.254.169.254' });
  });

  it('an answer that is not an IP address, which it cannot check', async () => {
    const lookup = createPinnedLookup({ resolve: answering('localhost'), isRefused: isPrivateAddress });
    expect((await lookUp(lookup, { all: true })).error).toBeInstanceOf(PinnedAddressRefusedError);
  });

  it('a literal private address in the URL, for which a connection makes no lookup', async () => {
    const fetch = createPinnedFetch({ resolve: answering(PUBLIC) });
    expect(await codeOf(fetch(`http://127.0.0.1:${recorder.port}/badge.json`))).toBe('URL_REFUSED');
    expect(await codeOf(fetch(`http://[::1]:${recorder.port}/badge.json`))).toBe('URL_REFUSED');
    expect(recorder.requests).toEqual([]);
  });

  it('a Request object rather than converting it between two fetch implementations', async () => {
    const fetch = createPinnedFetch({ resolve: answering(PUBLIC) });
    await expect(fetch(new Request(`http://badge.example.test:${recorder.port}/`))).rejects.toThrow(TypeError);
    expect(recorder.requests).toEqual([]);
  });

  it('to take a name that does not resolve for a refused one: that is FETCH_FAILED', async () => {
    const result = await runThroughCli(async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND badge.rebind.test'), { code: 'ENOTFOUND' });
    });
    expect(result.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['FETCH_FAILED']));
    expect(result.errors.map((e) => e.code)).not.toContain('URL_REFUSED');
    expect(recorder.requests).toEqual([]);
  });
});

describe('the pinned fetch, on a redirect', () => {
  it('pins each hop on its own: a hop whose name resolves to a private address is refused', async () => {
    // The first host is the test server (127.0.0.1, let through for this test); the redirect's
    // host resolves to another loopback address, which stays refused.
    const byName = (hostname: string) => (hostname === 'first.rebind.test' ? '127.0.0.1' : '127.0.0.2');
    const fetch = createPinnedFetch({
      resolve: async (hostname) => [{ address: byName(hostname), family: 4 }],
      isRefused: (a) => a !== '127.0.0.1' && isPrivateAddress(a),
    });
    let stdout = '';
    const io: Partial<CliIo> = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, resolveHost: async () => [PUBLIC], fetch };
    const second = `http://second.rebind.test:${recorder.port}/badge.json`;
    const first = `http://first.rebind.test:${recorder.port}/redirect?to=${encodeURIComponent(second)}`;
    expect(await runCli(['--json', '--now', NOW, first], io)).toBe(1);
    const result = JSON.parse(stdout) as { status: string; errors: Array<{ code: string }> };
    expect(result.status).toBe('indeterminate');
    expect(result.errors.map((e) => e.code)).toEqual(['URL_REFUSED']);
    // The first hop was served; the second never reached any server.
    expect(recorder.requests.map((r) => r.host)).toEqual([`first.rebind.test:${recorder.port}`]);
  });
});

describe('which fetch the command line uses on the real network', () => {
  const optionsFor = async (argv: string[], fetch?: typeof globalThis.fetch) => {
    const parsed = parseArgs([...argv, 'badge.png']);
    if (!parsed.ok) throw new Error(parsed.error);
    return libraryOptions(parsed.args, { cwd: process.cwd(), fetch, resolveHost: async () => [PUBLIC] });
  };

  it('pins connections by default: its fetch refuses a private address by itself, before any request', async () => {
    const options = await optionsFor([]);
    expect(options.fetch).toBeTypeOf('function');
    expect(options.fetch).not.toBe(globalThis.fetch);
    expect(await codeOf(options.fetch!(`http://127.0.0.1:${recorder.port}/badge.json`))).toBe('URL_REFUSED');
    expect(recorder.requests).toEqual([]);
  });

  it('uses an injected fetch exactly as given', async () => {
    const injected: typeof globalThis.fetch = async () => new Response('{}');
    expect((await optionsFor([], injected)).fetch).toBe(injected);
    expect((await optionsFor(['--allow-private-network'], injected)).fetch).toBe(injected);
  });

  it('does not pin with --allow-private-network: a loopback server is reached', async () => {
    expect((await optionsFor(['--allow-private-network'])).fetch).toBeUndefined();
    const io: Partial<CliIo> = {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: {},
      fetch: undefined,
      resolveHost: async () => [PUBLIC],
    };
    const url = `http://127.0.0.1:${recorder.port}/badge.json`;
    await runCli(['--json', '--now', NOW, '--allow-private-network', url], io);
    expect(recorder.requests.map((r) => r.url)).toEqual(['/badge.json']);
  });
});
