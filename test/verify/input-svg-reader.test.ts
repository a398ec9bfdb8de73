// The SVG reader is loaded only for bytes that may be an SVG (src/verify/input.ts mayBeSvg):
// never for a web page, and when it cannot be loaded an SVG is still reported by unbaking.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckList, type VerifyContext } from '../../src/verify/context.js';
import { Fetcher } from '../../src/verify/fetcher.js';
import { detectInput } from '../../src/verify/input.js';
import { resolveOptions } from '../../src/verify/options.js';

const reader = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../src/verify/svg-reader.js', async (importOriginal) => {
  reader.loads++;
  return importOriginal();
});

function context(): VerifyContext {
  const fetch = (() => Promise.reject(new Error('no network in tests'))) as typeof globalThis.fetch;
  const options = resolveOptions({ fetch, now: new Date('2026-11-23T00:00:00Z') });
  return { options, fetcher: new Fetcher(options), checks: new CheckList(), nested: false };
}

const SVG = readFileSync(new URL('../fixtures/unbake/ob3-default-ns.svg', import.meta.url));

beforeEach(() => {
  reader.loads = 0;
});

describe('the SVG reader on demand', () => {
  it('is not loaded for a web page', async () => {
    for (const page of ['<!DOCTYPE html><html><body>badge</body></html>', '\n <html lang="en"><body></body></html>', '<HTML>']) {
      const ctx = context();
      expect(await detectInput(new TextEncoder().encode(page), ctx)).toEqual({ format: null, payload: null });
      expect(ctx.checks.items.find((c) => c.id === 'input')?.code).toBe('INPUT_UNRECOGNISED');
    }
    expect(reader.loads).toBe(0);
  });

  it('is loaded for an SVG', async () => {
    const detected = await detectInput(new Uint8Array(SVG), context());
    expect(detected.format).toBe('svg');
    expect(reader.loads).toBe(1);
  });

  it('failing to load, leaves an SVG to unbaking, which reports it (no crash, no guess)', async () => {
    vi.resetModules();
    vi.doMock('../../src/verify/svg-reader.js', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const fresh = await import('../../src/verify/input.js');
    const ctx = context();
    const detected = await fresh.detectInput(new Uint8Array(SVG), ctx);
    expect(detected).toEqual({ format: 'svg', payload: null });
    expect(ctx.checks.items.find((c) => c.id === 'unbake')).toMatchObject({ status: 'failed', code: 'INPUT_UNRECOGNISED' });
  });
});
