/// <reference types="node" />
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_FIXTURES, NOW } from '../helpers/cli-harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const built = existsSync(BUILT_CLI);

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [BUILT_CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    // No colour, no inherited proxy settings: the output must not depend on the caller's shell.
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
  });
}

// `npm test` builds first; a bare `vitest run` before any build has no executable to spawn.
describe.skipIf(!built)('the built verify-badge executable (dist/cli/main.js; skipped when not built)', () => {
  it('prints usage with --help and exits 0', () => {
    const child = run(['--help']);
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^usage: verify-badge/);
  });

  it('exits 2 on a usage error, with the message on standard error and no stack trace', () => {
    const child = run(['--no-such-flag', 'x']);
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toMatch(/^verify-badge: unknown option --no-such-flag/);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });

  it('verifies a hosted badge offline from a resources map and prints NDJSON', () => {
    const valid = path.join(CLI_FIXTURES, 'hosted/assertions/valid.json');
    const missing = path.join(CLI_FIXTURES, 'missing.png');
    const child = run(['--json', '--now', NOW, '--resources', path.join(CLI_FIXTURES, 'resources.json'), valid, missing]);
    expect(child.stderr).toBe('');
    const results = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as { input: string; status: string });
    expect(results.map((r) => [r.input, r.status])).toEqual([
      [valid, 'valid'],
      [missing, 'error'],
    ]);
    expect(child.status).toBe(1);
  });

  it('reads standard input with "-"', () => {
    const child = run(['--json', '--offline', '-'], 'not a badge');
    expect(child.status).toBe(1);
    expect(JSON.parse(child.stdout)).toMatchObject({ input: '-', status: 'error' });
  });

  it('refuses a name that DNS rebinds to 127.0.0.1 between the guard and the connection, and the server hears nothing', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://badge.rebind.test:${(server.address() as AddressInfo).port}/badge.json`;
      // Asynchronously: the server above must be free to answer if a request got through.
      const stdout = await new Promise<string>((resolve) =>
        execFile(
          process.execPath,
          ['--import', path.join(ROOT, 'test/helpers/rebinding-dns.mjs'), BUILT_CLI, '--json', '--now', NOW, url],
          { cwd: ROOT, timeout: 60_000, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } },
          (_error, out) => resolve(out),
        ),
      );
      const result = JSON.parse(stdout) as { status: string; errors: Array<{ code: string }> };
      expect(result.status).toBe('indeterminate');
      expect(result.errors.map((e) => e.code)).toContain('URL_REFUSED');
      expect(requests).toEqual([]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
