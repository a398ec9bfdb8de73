import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerificationResult } from '../../src/result.js';

/** The element fixtures (written by scripts/element-fixtures.mjs). */
// Paths, not URL objects: happy-dom replaces the global URL class, which node:fs rejects.
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'element');
export const ORIGIN = 'https://element.example.org';
/** Every date check in these tests happens on this day. */
export const NOW = '2026-06-01T12:00:00Z';

export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  const bytes = readFileSync(join(FIXTURES, name));
  // A copy on its own ArrayBuffer: what Blob and Response accept under TypeScript 5.9 DOM types.
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

interface Gate {
  promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * A fetch that answers only the URLs of test/fixtures/element/resources.json from disk and
 * refuses everything else (no test reaches the real network). `hold` delays chosen URLs
 * until a gate opens, to test loading states and stale answers.
 */
export function fixtureFetch(options: { hold?: Map<string, Gate>; ignoreAbort?: boolean } = {}) {
  const map = JSON.parse(readFileSync(join(FIXTURES, 'resources.json'), 'utf8')) as { exact: Record<string, string> };
  const requests: string[] = [];
  const signals: AbortSignal[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    if (init?.signal) signals.push(init.signal);
    const held = options.hold?.get(url);
    if (held !== undefined) {
      await (options.ignoreAbort || !init?.signal
        ? held.promise
        : Promise.race([
            held.promise,
            new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
          ]));
    }
    const file = map.exact[url.replace(/#.*$/, '')];
    if (file === undefined) throw new TypeError(`fixture fetch refuses ${url}`);
    const type = file.endsWith('.png') ? 'image/png' : 'application/json';
    return new Response(fixtureBytes(file), { status: 200, headers: { 'content-type': type } });
  }) as typeof globalThis.fetch;
  return { fetch, requests, signals };
}

/** The next event of this type on the element. */
export function next<T = VerificationResult>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

/** Let queued microtasks and timers run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
