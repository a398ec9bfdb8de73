/// <reference types="node" />
/**
 * Runs `verify-badge` in-process with captured output, a fetch that refuses the real
 * network (and records every attempt), and a host resolver that never asks DNS.
 */
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/run.js';
import type { VerificationResult } from '../../src/result.js';
import { CORPUS_URL } from './corpus-dir.js';

/** The conformance corpus, read in place (never copied into the repo). */
export const CORPUS_DIR = fileURLToPath(CORPUS_URL);
export const URL_MAP = `${CORPUS_DIR}url-map.json`;
/** This area's own fixtures (made by scripts/make-cli-fixtures.mjs). */
export const CLI_FIXTURES = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));
/** The clock of every test: the corpus expectations assume "now" is late 2026. */
export const NOW = '2026-11-23T00:00:00Z';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every URL the command tried to fetch over the "network" (always refused). */
  networkAttempts: string[];
  /** Standard output parsed as NDJSON (throws if any line is not JSON). */
  results(): VerificationResult[];
}

export interface RunOptions {
  stdin?: Uint8Array | string;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  cwd?: string;
  /** Replaces the refusing network fetch (for tests that simulate a server). */
  fetch?: typeof globalThis.fetch;
}

/** A fetch that refuses every request and remembers it was asked. */
export function refusingFetch(attempts: string[]): typeof globalThis.fetch {
  return async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    attempts.push(url);
    throw new TypeError(`test: refused a real network request to ${url}`);
  };
}

/** Run the command and capture everything it writes. */
export async function runCapture(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const networkAttempts: string[] = [];
  const stdinBytes = options.stdin ?? new Uint8Array();
  const io: Partial<CliIo> = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.isTTY ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: (async function* () {
      yield typeof stdinBytes === 'string' ? new TextEncoder().encode(stdinBytes) : stdinBytes;
    })(),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    fetch: options.fetch ?? refusingFetch(networkAttempts),
    // A public documentation-free address: the guard lets it through, the fetch refuses it.
    resolveHost: async () => ['203.0.113.7'],
  };
  // Loaded on first use, so tests that only need the paths above do not load the pipeline.
  const { runCli } = await import('../../src/cli/run.js');
  // Anything that bypasses the injected fetch and reaches for the global one is refused
  // and recorded too, so "no network" is checked, not assumed.
  const globalFetch = globalThis.fetch;
  globalThis.fetch = refusingFetch(networkAttempts);
  let code: number;
  try {
    code = await runCli(argv, io);
  } finally {
    globalThis.fetch = globalFetch;
  }
  return {
    code,
    stdout,
    stderr,
    networkAttempts,
    results: () =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as VerificationResult),
  };
}
