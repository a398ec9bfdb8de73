/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { createResourceFetch, loadResourceMap } from '../../src/cli/resources.js';
import { libraryOptions } from '../../src/cli/run.js';
import { CLI_FIXTURES, CORPUS_DIR, NOW, URL_MAP, runCapture } from '../helpers/cli-harness.js';

const fixture = (name: string) => path.join(CLI_FIXTURES, name);
const RESOURCES = fixture('resources.json');
const VALID = fixture('hosted/assertions/valid.json');
const EXPIRED = fixture('hosted/assertions/expired.json');
const REVOKED = fixture('hosted/assertions/revoked.json');
const UNLISTED = fixture('unlisted-assertion.json');
const NOT_JSON = fixture('not-json.json');
const NOT_A_BADGE = fixture('not-a-badge.json');
const MISSING = fixture('no-such-badge.png');
const ORIGIN = 'https://badges.example.org';

/** The usual offline invocation: frozen clock, resources from the fixtures. */
const offline = (...rest: string[]) => ['--json', '--now', NOW, '--resources', RESOURCES, ...rest];

/**
 * A pretend web server for the "real network" mode: serves the hosted fixtures, after a
 * per-URL delay, and honours the request's abort signal like a real fetch.
 */
async function slowServer(delays: Record<string, number>): Promise<typeof globalThis.fetch> {
  const serve = createResourceFetch(await loadResourceMap(RESOURCES));
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const wait = delays[url] ?? 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, wait);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });
    return serve(input, init);
  };
}

describe('verify-badge --help and --version', () => {
  it('prints the usage and exits 0', async () => {
    const run = await runCapture(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: verify-badge/);
    expect(run.stdout).toContain('--resources');
  });

  it('prints the package version and exits 0', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await runCapture(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('verifying badges from the command line', () => {
  it('reports a valid hosted badge as valid and exits 0', async () => {
    const run = await runCapture(offline(VALID));
    expect(run.code).toBe(0);
    const [result] = run.results();
    expect(result).toMatchObject({ input: VALID, status: 'valid', verified: true, version: '2.0' });
    expect(run.networkAttempts).toEqual([]);
  });

  it('labels each result with the path exactly as given', async () => {
    const run = await runCapture(offline(path.relative(process.cwd(), VALID)));
    expect(run.results()[0]?.input).toBe(path.relative(process.cwd(), VALID));
  });

  it('exits 1 when any badge is not valid', async () => {
    const run = await runCapture(offline(VALID, REVOKED));
    expect(run.code).toBe(1);
    expect(run.results().map((r) => r.status)).toEqual(['valid', 'revoked']);
  });

  it('uses --now as the clock of every date check', async () => {
    const late = await runCapture(offline(EXPIRED));
    expect(late.results()[0]?.status).toBe('expired');
    expect(late.code).toBe(1);
    const early = await runCapture(['--json', '--now', '2026-03-01T00:00:00Z', '--resources', RESOURCES, EXPIRED]);
    expect(early.results()[0]?.status).toBe('valid');
    expect(early.code).toBe(0);
  });

  it('checks --recipient against the badge', async () => {
    const match = await runCapture(offline('--recipient', 'ada@example.org', VALID));
    expect(match.results()[0]?.status).toBe('valid');
    const mismatch = await runCapture(offline('--recipient', 'eve@example.org', VALID));
    const [result] = mismatch.results();
    expect(result?.status).toBe('invalid');
    expect(result?.errors.map((e) => e.code)).toContain('RECIPIENT_MISMATCH');
  });

  it('makes a JSON Schema failure a failed check with --strict-schema, a warning without', async () => {
    // A corpus credential that declares the 1EdTech schema and fails it (proof must be an array).
    const file = path.join(CORPUS_DIR, '1EdTech-digital-credentials-public-validator/test-resources/ob30/simple-err-proof-method.json');
    const schemaCheck = async (...flags: string[]) => {
      const run = await runCapture(['--json', '--now', NOW, '--resources', URL_MAP, ...flags, file]);
      return run.results()[0]?.checks.find((c) => c.id === 'schema');
    };
    expect(await schemaCheck()).toMatchObject({ status: 'warning', code: 'SCHEMA_INVALID' });
    expect(await schemaCheck('--strict-schema')).toMatchObject({ status: 'failed', code: 'SCHEMA_INVALID' });
  });

  it('reads a badge from standard input with "-", labelled "-"', async () => {
    const run = await runCapture(offline('-'), { stdin: await readFile(VALID) });
    expect(run.results()).toMatchObject([{ input: '-', status: 'valid' }]);
  });

  it('reports standard input that is not a badge as an error result', async () => {
    const run = await runCapture(offline('-'), { stdin: '{"hello": "world"}' });
    expect(run.code).toBe(1);
    expect(run.results()).toMatchObject([{ input: '-', status: 'error' }]);
  });
});

describe('--json output', () => {
  it('is one JSON result per input, in input order, with nothing else on standard output', async () => {
    const inputs = [VALID, MISSING, NOT_JSON, REVOKED, NOT_A_BADGE, EXPIRED, UNLISTED];
    const run = await runCapture([...offline('--concurrency', '3'), ...inputs]);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(inputs.length);
    const results = lines.map((line) => JSON.parse(line) as { input: string; status: string });
    expect(results.map((r) => r.input)).toEqual(inputs);
    expect(results.map((r) => r.status)).toEqual(['valid', 'error', 'error', 'revoked', 'error', 'expired', 'indeterminate']);
  });

  it('keeps input order when later inputs finish first (concurrency > 1)', async () => {
    const fetch = await slowServer({ [`${ORIGIN}/assertions/valid.json`]: 300, [`${ORIGIN}/assertions/revoked.json`]: 150 });
    const urls = [`${ORIGIN}/assertions/valid.json`, `${ORIGIN}/assertions/revoked.json`, `${ORIGIN}/assertions/expired.json`];
    const run = await runCapture(['--json', '--now', NOW, '--concurrency', '3', ...urls], { fetch });
    expect(run.results().map((r) => [r.input, r.status])).toEqual([
      [urls[0], 'valid'],
      [urls[1], 'revoked'],
      [urls[2], 'expired'],
    ]);
  });
});

describe('where fetches go', () => {
  it('--resources answers only from the map: an unlisted URL is unreachable, so indeterminate', async () => {
    const run = await runCapture(offline(UNLISTED));
    const [result] = run.results();
    expect(result?.status).toBe('indeterminate');
    expect(result?.errors.map((e) => e.code)).toContain('FETCH_FAILED');
    expect(run.networkAttempts).toEqual([]);
  });

  it('--resources also answers an http(s) URL given as the input', async () => {
    const run = await runCapture(offline(`${ORIGIN}/assertions/revoked.json`));
    expect(run.results()).toMatchObject([{ input: `${ORIGIN}/assertions/revoked.json`, status: 'revoked' }]);
    expect(run.networkAttempts).toEqual([]);
  });

  it('--offline makes a hosted badge indeterminate without any request', async () => {
    const run = await runCapture(['--json', '--now', NOW, '--offline', VALID]);
    const [result] = run.results();
    expect(result?.status).toBe('indeterminate');
    expect(result?.errors.map((e) => e.code)).toContain('FETCH_FAILED');
    expect(run.networkAttempts).toEqual([]);
  });

  it('without --resources or --offline, fetches through the network fetch', async () => {
    const run = await runCapture(['--json', '--now', NOW, UNLISTED]);
    expect(run.networkAttempts).toContain('https://unlisted.example.org/assertions/1.json');
    expect(run.results()[0]?.status).toBe('indeterminate');
  });

  it('refuses private addresses unless --allow-private-network is given', async () => {
    const refused = await runCapture(['--json', '--now', NOW, 'http://127.0.0.1/badge.json']);
    expect(refused.results()[0]?.errors.map((e) => e.code)).toContain('URL_REFUSED');
    expect(refused.networkAttempts).toEqual([]);

    const allowed = await runCapture(['--json', '--now', NOW, '--allow-private-network', 'http://127.0.0.1/badge.json']);
    expect(allowed.networkAttempts).toEqual(['http://127.0.0.1/badge.json']);
    expect(allowed.results()[0]?.status).toBe('indeterminate');
  });

  it('applies --timeout to each request', async () => {
    const fetch = await slowServer({ [`${ORIGIN}/assertions/valid.json`]: 60_000 });
    const started = Date.now();
    const run = await runCapture(['--json', '--now', NOW, '--timeout', '100', `${ORIGIN}/assertions/valid.json`], { fetch });
    expect(Date.now() - started).toBeLessThan(10_000);
    const [result] = run.results();
    expect(result?.status).toBe('indeterminate');
    expect(result?.errors.map((e) => e.code)).toContain('FETCH_TIMEOUT');
  });
});

describe('human output', () => {
  it('shows the status word and the badge name', async () => {
    const run = await runCapture(['--now', NOW, '--resources', RESOURCES, VALID]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^VALID\s/);
    expect(run.stdout).toContain('Robotics Fundamentals');
    expect(run.stdout).toContain('Example Robotics Academy');
  });

  it('shows the first error under a badge that is not valid, and a summary for a batch', async () => {
    const run = await runCapture(['--now', NOW, '--resources', RESOURCES, VALID, REVOKED]);
    expect(run.stdout).toMatch(/\nREVOKED\s[^\n]*\n\s+REVOKED: /);
    expect(run.stdout).toMatch(/2 badges: 1 revoked, 1 valid\n$/);
  });

  it('uses no colour when standard output is not a terminal', async () => {
    const run = await runCapture(['--now', NOW, '--resources', RESOURCES, VALID], { isTTY: false });
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('uses colour on a terminal, unless NO_COLOR is set', async () => {
    const tty = await runCapture(['--now', NOW, '--resources', RESOURCES, VALID], { isTTY: true });
    expect(tty.stdout).toContain('\u001b[32m');
    const noColor = await runCapture(['--now', NOW, '--resources', RESOURCES, VALID], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('never uses colour with --json, even on a terminal', async () => {
    const run = await runCapture(offline(VALID), { isTTY: true });
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('bad input and usage errors', () => {
  it('reports a missing file as an error result with INPUT_UNREADABLE, not a crash', async () => {
    const run = await runCapture(offline(MISSING));
    expect(run.code).toBe(1);
    expect(run.results()).toMatchObject([{ input: MISSING, status: 'error', errors: [{ code: 'INPUT_UNREADABLE' }] }]);
    expect(run.stderr).toBe('');
  });

  it('reports a directory as an error result with INPUT_UNREADABLE', async () => {
    const run = await runCapture(offline(CLI_FIXTURES));
    expect(run.results()).toMatchObject([{ status: 'error', errors: [{ code: 'INPUT_UNREADABLE' }] }]);
  });

  it('reports bytes that are not JSON as an error result', async () => {
    const run = await runCapture(offline(NOT_JSON));
    expect(run.results()[0]?.status).toBe('error');
  });

  describe('exit 2 with nothing on standard output', () => {
    let cases: Array<[string, string[]]>;
    beforeAll(() => {
      cases = [
        ['an unknown flag', ['--frobnicate', VALID]],
        ['no inputs', ['--json']],
        ['a missing value', ['--json', VALID, '--now']],
        ['an invalid --now', ['--now', 'tomorrow', VALID]],
        ['a bad number', ['--concurrency', 'many', VALID]],
        ['an unreadable resources map', ['--resources', fixture('no-such-map.json'), VALID]],
        ['a resources map that is not JSON', ['--resources', NOT_JSON, VALID]],
      ];
    });

    it('for each kind of usage error', async () => {
      for (const [what, argv] of cases) {
        const run = await runCapture(argv);
        expect(run.code, what).toBe(2);
        expect(run.stdout, what).toBe('');
        expect(run.stderr, what).toMatch(/^verify-badge: /);
        expect(run.stderr, what).not.toMatch(/\n\s+at /); // no stack trace
      }
    });
  });
});

describe('the library options a command line turns into', () => {
  const io = { cwd: CLI_FIXTURES, fetch: undefined, resolveHost: async () => ['203.0.113.7'] };
  const optionsFor = async (argv: string[]) => {
    const parsed = parseArgs([...argv, 'badge.png']);
    if (!parsed.ok) throw new Error(parsed.error);
    return libraryOptions(parsed.args, io);
  };

  it('passes the clock, recipient, timeout and strict schema through', async () => {
    const options = await optionsFor(['--now', NOW, '--recipient', 'ada@example.org', '--timeout', '1500', '--strict-schema']);
    expect(options.now).toEqual(new Date(NOW));
    expect(options).toMatchObject({ recipient: 'ada@example.org', timeout: 1500, strictSchema: true });
    expect(options.cache).toBeDefined();
  });

  it('trusts keys a badge carries only with --trust-embedded-keys', async () => {
    expect((await optionsFor([])).trustEmbeddedKeys).toBeUndefined();
    expect(await optionsFor(['--trust-embedded-keys'])).toMatchObject({ trustEmbeddedKeys: true });
  });

  it('answers from the map with --resources, with no DNS resolver and no private-network opt-out', async () => {
    const options = await optionsFor(['--resources', 'resources.json', '--allow-private-network']);
    expect(typeof options.fetch).toBe('function');
    expect(typeof options.documentLoader).toBe('function');
    expect(options.resolveHost).toBeUndefined();
    expect(options.allowPrivateNetwork).toBeUndefined();
    expect(options.offline).toBeUndefined();
  });

  it('makes no request at all with --offline, even with --resources', async () => {
    const options = await optionsFor(['--offline', '--resources', 'resources.json']);
    expect(options.offline).toBe(true);
    expect(options.fetch).toBeUndefined();
  });

  it('resolves host names for the private-network guard on the real network', async () => {
    const options = await optionsFor([]);
    expect(options.resolveHost).toBe(io.resolveHost);
    expect(options.allowPrivateNetwork).toBeUndefined();
    expect((await optionsFor(['--allow-private-network'])).allowPrivateNetwork).toBe(true);
  });
});
