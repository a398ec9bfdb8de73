/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
});
