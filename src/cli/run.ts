/// <reference types="node" />
/**
 * The `verify-badge` command as a function: `runCli(argv, io)` resolves to the exit status.
 * All process wiring (real stdout, stdin, exit) lives in main.ts, so tests run the whole
 * command in-process with captured output and a fetch that refuses the network.
 */
import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { ErrorCode } from '../errors.js';
import { buildResult, type VerificationResult } from '../result.js';
import { verifyMany } from '../verify/batch.js';
import { createResourceCache } from '../verify/fetcher.js';
import type { VerifyOptions } from '../verify/options.js';
import { parseArgs, USAGE, type CliArgs } from './args.js';
import { formatHuman, formatJsonLine, formatSummary, type HumanStyle } from './output.js';
import { createPinnedFetch } from './pinned-fetch.js';
import { createResourceDocumentLoader, createResourceFetch, loadResourceMap, ResourceMapError } from './resources.js';

/** Somewhere to write text (process.stdout, or a test's collector). */
export interface CliOutput {
  write(chunk: string): unknown;
  /** True for a terminal: the only case in which colours are used. */
  isTTY?: boolean;
}

/** Everything the command touches outside its arguments. Each part defaults to the process's own. */
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  /** Standard input, read only when an input is `-`. */
  stdin: AsyncIterable<Uint8Array | string>;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative file paths are read from here. */
  cwd: string;
  /**
   * The network fetch, used only without --resources and --offline, exactly as given. When
   * absent: the pinned fetch (pinned-fetch.ts), or with --allow-private-network the library's
   * default, globalThis.fetch.
   */
  fetch: typeof globalThis.fetch | undefined;
  /** Resolves host names for the private-network guard. Defaults to DNS (node:dns lookup). */
  resolveHost: (hostname: string) => Promise<string[]>;
}

/** Exit statuses of the contract. */
export const EXIT_VALID = 0;
export const EXIT_NOT_VALID = 1;
export const EXIT_USAGE = 2;

/**
 * Largest file or standard input read as one badge. Badge images are kilobytes to a few
 * megabytes; refusing absurd sizes up front keeps memory bounded (`--concurrency` files
 * are in memory at once, not the whole batch).
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const URL_INPUT = /^https?:\/\//i;

/** Every address a host name resolves to, so the SSRF guard sees where a name really points. */
async function dnsResolveHost(hostname: string): Promise<string[]> {
  const addresses = await lookup(hostname, { all: true, verbatim: true });
  return addresses.map((a) => a.address);
}

function defaultIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    fetch: undefined,
    resolveHost: dnsResolveHost,
  };
}

/**
 * The package version, read from the package.json above this module (in src/ or dist/).
 *
 * @example
 * ```ts
 * await readPackageVersion(); // '0.1.0'
 * ```
 */
export async function readPackageVersion(): Promise<string> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'verify-badge' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

/** A result for an input that never reached the library (missing file, oversized stdin). */
function inputErrorResult(label: string, code: ErrorCode, message: string): VerificationResult {
  return buildResult({
    input: label,
    version: null,
    format: null,
    checks: [{ id: 'input', status: 'failed', code, message }],
    badge: null,
    credential: null,
  });
}

async function readAllLimited(source: AsyncIterable<Uint8Array | string>, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const encoder = new TextEncoder();
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total > limit) return null;
    chunks.push(bytes);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

type Prepared =
  | { kind: 'verify'; input: Uint8Array | Blob | string; label: string }
  | { kind: 'done'; result: VerificationResult };

/** Turn one command-line input into what verify() takes, or into an `error` result. */
async function prepareInput(arg: string, io: CliIo): Promise<Prepared> {
  if (arg === '-') {
    let bytes: Uint8Array | null;
    try {
      bytes = await readAllLimited(io.stdin, MAX_INPUT_BYTES);
    } catch {
      return { kind: 'done', result: inputErrorResult('-', 'INPUT_UNREADABLE', 'standard input could not be read') };
    }
    if (bytes === null) {
      return { kind: 'done', result: inputErrorResult('-', 'PAYLOAD_TOO_LARGE', `standard input is larger than ${MAX_INPUT_BYTES} bytes`) };
    }
    return { kind: 'verify', input: bytes, label: '-' };
  }
  // An http(s) URL goes to the library as a string: it fetches (through the guarded fetcher) and detects.
  if (URL_INPUT.test(arg)) return { kind: 'verify', input: arg, label: arg };

  const file = path.resolve(io.cwd, arg);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { kind: 'done', result: inputErrorResult(arg, 'INPUT_UNREADABLE', `${arg} is not a file`) };
    if (info.size > MAX_INPUT_BYTES) {
      return { kind: 'done', result: inputErrorResult(arg, 'PAYLOAD_TOO_LARGE', `${arg} is larger than ${MAX_INPUT_BYTES} bytes`) };
    }
    // A file-backed Blob is read only when its verification starts, so a batch of many
    // files holds at most `concurrency` of them in memory. The library detects the
    // format from the bytes, whatever the extension says.
    return { kind: 'verify', input: await openAsBlob(file), label: arg };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    return { kind: 'done', result: inputErrorResult(arg, 'INPUT_UNREADABLE', `${arg}: ${why}`) };
  }
}

/**
 * The library options for these arguments: where fetches go is decided here, once.
 * `--offline` wins over `--resources`; with `--resources` there is no real network, so no
 * DNS lookups either; only the real network gets `resolveHost` and `--allow-private-network`.
 * On the real network without that flag (and without an injected fetch), requests go through
 * the pinned fetch, which checks the addresses it connects to (DNS rebinding).
 * Throws {@link ResourceMapError} for an unusable map.
 *
 * @example
 * ```ts
 * const options = await libraryOptions(parsed.args, io);
 * const results = await verifyMany(batch, options);
 * ```
 */
export async function libraryOptions(args: CliArgs, io: Pick<CliIo, 'cwd' | 'fetch' | 'resolveHost'>): Promise<VerifyOptions> {
  const options: VerifyOptions = { cache: createResourceCache() };
  if (args.now) options.now = args.now;
  if (args.recipient !== undefined) options.recipient = args.recipient;
  if (args.timeout !== undefined) options.timeout = args.timeout;
  if (args.strictSchema) options.strictSchema = true;
  if (args.trustEmbeddedKeys) options.trustEmbeddedKeys = true;
  if (args.offline) {
    options.offline = true;
  } else if (args.resources !== undefined) {
    // Local files only: no real network, so no DNS lookups (resolveHost) either.
    const map = await loadResourceMap(path.resolve(io.cwd, args.resources));
    options.fetch = createResourceFetch(map);
    options.documentLoader = createResourceDocumentLoader(map);
  } else {
    // The guard's resolveHost check stays in front of the pinned fetch: it refuses before any
    // connection is attempted, and it also covers an injected fetch. Only the pin closes the
    // gap between its lookup and the connection's own (a rebinding DNS server answers each
    // differently). With private networks allowed there is nothing to pin.
    if (io.fetch) options.fetch = io.fetch;
    else if (!args.allowPrivateNetwork) options.fetch = createPinnedFetch();
    options.resolveHost = io.resolveHost;
    if (args.allowPrivateNetwork) options.allowPrivateNetwork = true;
  }
  return options;
}

function useColour(io: CliIo): boolean {
  // https://no-color.org: NO_COLOR present and non-empty turns colour off.
  const noColor = io.env['NO_COLOR'];
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

/**
 * Run `verify-badge` with these arguments (without the node and script paths). Resolves to
 * the exit status: 0 when every input is valid, 1 when any is not, 2 for a usage error.
 * Never rejects for bad input: unreadable files become `error` results.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const code = await runCli(['--json', '--offline', 'badge.png'], { stdout: { write: (s) => out.push(s) } });
 * ```
 */
export async function runCli(argv: readonly string[], ioOverrides: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = { ...defaultIo(), ...ioOverrides };
  const usageError = (message: string): number => {
    io.stderr.write(`verify-badge: ${message}\nTry 'verify-badge --help' for more information.\n`);
    return EXIT_USAGE;
  };

  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(parsed.error);
  const args = parsed.args;
  if (args.help) {
    io.stdout.write(USAGE);
    return EXIT_VALID;
  }
  if (args.version) {
    io.stdout.write(`${await readPackageVersion()}\n`);
    return EXIT_VALID;
  }

  let options: VerifyOptions;
  try {
    options = await libraryOptions(args, io);
  } catch (error) {
    if (error instanceof ResourceMapError) return usageError(`--resources: ${error.message}`);
    throw error;
  }

  const style: HumanStyle = { color: useColour(io) };
  const total = args.inputs.length;
  const slots: Array<VerificationResult | undefined> = new Array<VerificationResult | undefined>(total);
  let nextToPrint = 0;
  // Results are printed in input order, each as soon as every earlier one is out, so a
  // long batch streams instead of waiting for its slowest badge.
  const deliver = (index: number, result: VerificationResult): void => {
    if (slots[index] !== undefined) return;
    slots[index] = result;
    while (nextToPrint < total && slots[nextToPrint] !== undefined) {
      const ready = slots[nextToPrint]!;
      io.stdout.write(args.json ? formatJsonLine(ready) : formatHuman(ready, style));
      nextToPrint++;
    }
  };

  const prepared = await Promise.all(args.inputs.map((arg) => prepareInput(arg, io)));
  const batch: Array<{ input: Uint8Array | Blob | string; label: string }> = [];
  const slotOfBatch: number[] = [];
  prepared.forEach((item, index) => {
    if (item.kind === 'verify') {
      slotOfBatch.push(index);
      batch.push({ input: item.input, label: item.label });
    }
  });
  // Errors found before verification wait for their turn like every other result.
  prepared.forEach((item, index) => {
    if (item.kind === 'done') deliver(index, item.result);
  });

  if (batch.length > 0) {
    try {
      const results = await verifyMany(batch, {
        ...options,
        ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
        onResult: (result: VerificationResult, index: number) => deliver(slotOfBatch[index]!, result),
      });
      results.forEach((result, index) => deliver(slotOfBatch[index]!, result));
    } catch (error) {
      // verifyMany resolves bad badges to results; reaching here is a bug, reported without a stack trace.
      io.stderr.write(`verify-badge: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_NOT_VALID;
    }
  }

  const results = slots.filter((r): r is VerificationResult => r !== undefined);
  if (!args.json && total > 1) io.stdout.write(formatSummary(results, style));
  return results.length === total && results.every((r) => r.status === 'valid') ? EXIT_VALID : EXIT_NOT_VALID;
}
