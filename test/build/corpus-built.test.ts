// The conformance corpus through the *built* command line (dist/cli/main.js), in one batch:
// the build swaps modules inside the bundled JSON-LD stack (src/shims, tsup.config.ts), so
// the verdicts the source gives (test/conformance) must hold for what ships too. Skipped when
// there is no build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, NOW, URL_MAP } from '../helpers/cli-harness.js';
import { BATCH_CASES, unexpectedStatuses, type Expectation } from '../conformance/expectations.js';
import type { ResultStatus } from '../../src/errors.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Statuses of `cases`, verified in one run of the built CLI, in input order. */
function batch(cases: readonly Expectation[], ...flags: string[]): ResultStatus[] {
  const files = cases.map((e) => path.join(CORPUS_DIR, e.file));
  const run = spawnSync(process.execPath, [CLI, '--json', '--now', NOW, '--resources', URL_MAP, '--concurrency', '4', ...flags, ...files], {
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.stderr).toBe('');
  const results = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { input: string; status: ResultStatus });
  expect(results.map((r) => r.input)).toEqual(files);
  return results.map((r) => r.status);
}

describe.runIf(existsSync(CLI))('the conformance corpus through the built CLI', () => {
  it('gives every case its expected status', () => {
    expect(unexpectedStatuses(BATCH_CASES, batch(BATCH_CASES))).toEqual([]);
  }, 300_000);

  it('gives INDEX\'s verdicts with --trust-embedded-keys', () => {
    const cases = BATCH_CASES.filter((e) => e.trusted);
    const statuses = batch(cases, '--trust-embedded-keys');
    expect(cases.map((e, i) => ({ file: e.file, got: statuses[i] }))).toEqual(cases.map((e) => ({ file: e.file, got: e.trusted })));
  }, 300_000);
});
