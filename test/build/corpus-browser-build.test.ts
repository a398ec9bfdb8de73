// The conformance corpus with OB 3.0 verified by the browser build (dist/browser/ob3.js): that
// file swaps more modules than the ESM build (WebCrypto digests and Ed25519, borrowed modules;
// src/shims, tsup.config.ts), so its verdicts are checked on every corpus case, in Node, with
// the source's command line around it. Skipped when there is no build (npm test builds first).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { lendSharedModules } from '../../src/browser/shared.js';
import { BATCH_CASES, unexpectedStatuses } from '../conformance/expectations.js';
import { CORPUS_DIR, NOW, URL_MAP, runCapture } from '../helpers/cli-harness.js';

const BROWSER_OB3 = fileURLToPath(new URL('../../dist/browser/ob3.js', import.meta.url));
const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

// verify() imports './ob3/index.js' on demand: here it gets the browser build instead, which
// borrows this process's copies of the shared modules, as it borrows the script tag's in a page.
vi.mock('../../src/verify/ob3/index.js', async () => {
  lendSharedModules(VERSION);
  return import(pathToFileURL(BROWSER_OB3).href);
});

describe.runIf(existsSync(BROWSER_OB3))('the conformance corpus with the browser build of OB 3.0', () => {
  it('gives every case its expected status, and INDEX\'s with --trust-embedded-keys', async () => {
    const files = BATCH_CASES.map((e) => path.join(CORPUS_DIR, e.file));
    const run = await runCapture(['--json', '--now', NOW, '--resources', URL_MAP, '--concurrency', '4', ...files]);
    const results = run.results();
    expect(results.map((r) => r.input)).toEqual(files);
    expect(unexpectedStatuses(BATCH_CASES, results.map((r) => r.status))).toEqual([]);

    const trusted = BATCH_CASES.filter((e) => e.trusted);
    const again = await runCapture(['--json', '--now', NOW, '--resources', URL_MAP, '--trust-embedded-keys', ...trusted.map((e) => path.join(CORPUS_DIR, e.file))]);
    expect(again.results().map((r) => r.status)).toEqual(trusted.map((e) => e.trusted));
    expect([...run.networkAttempts, ...again.networkAttempts]).toEqual([]);
    // The browser build did the work: the modules were lent when it was imported.
    expect(Object.getOwnPropertySymbols(globalThis).map(String)).toContain(`Symbol(verify-badge.shared-modules@${VERSION})`);
  }, 300_000);
});
