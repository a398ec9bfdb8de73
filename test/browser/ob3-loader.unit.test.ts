// src/browser/ob3-loader.ts without a browser: where it looks, and what a failed load reports.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as errors from '../../src/errors.js';
import { isBadgeError } from '../../src/errors.js';
import * as base64 from '../../src/encoding/base64.js';
import { SHARED_MODULES, SHARED_MODULES_SYMBOL } from '../../src/browser/shared-modules.js';
import { loadOb3, locateOb3, verifyOb3Jwt } from '../../src/browser/ob3-loader.js';
import type { VerifyContext } from '../../src/verify/context.js';

describe('the OB 3.0 loader of the script-tag bundle', () => {
  it('loads browser/ob3.js from next to the script that started it, and hands the call over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vb-loader-'));
    mkdirSync(join(dir, 'browser'));
    writeFileSync(join(dir, 'browser', 'ob3.js'), 'export async function verifyOb3Jwt(token) { return { version: "3.0", badge: null, credential: token }; }\n');
    locateOb3({ src: pathToFileURL(join(dir, 'verify-badge.global.js')).href } as unknown as Element);
    const outcome = await verifyOb3Jwt('a.b.c', {} as VerifyContext);
    expect(outcome).toEqual({ version: '3.0', badge: null, credential: 'a.b.c' });
  });

  it('lends its own shared modules before the import, read-only (dist/browser/ob3.js borrows them)', async () => {
    await loadOb3('data:text/javascript,export const borrowed = true;');
    const lent = (globalThis as Record<symbol, Record<string, object>>)[Symbol.for(SHARED_MODULES_SYMBOL('dev'))]!;
    expect(Object.keys(lent).sort()).toEqual([...SHARED_MODULES].sort());
    expect(lent.errors).toBe(errors);
    expect(lent['encoding/base64']).toBe(base64);
    expect(Object.isFrozen(lent)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(globalThis, Symbol.for(SHARED_MODULES_SYMBOL('dev')))).toMatchObject({ writable: false, configurable: false });
  });

  describe('fails with FETCH_FAILED', () => {
    it('when the script URL cannot be a base (a data: URL)', async () => {
      locateOb3({ src: 'data:text/javascript,1' } as unknown as Element);
      await expect(loadOb3()).rejects.toSatisfy((e: unknown) => isBadgeError(e) && e.code === 'FETCH_FAILED');
    });

    it('when no <script src> was seen (the bundle was not loaded by a script tag)', async () => {
      locateOb3(null);
      await expect(loadOb3()).rejects.toSatisfy((e: unknown) => isBadgeError(e) && e.code === 'FETCH_FAILED');
    });

    it('when the module cannot be imported, and tries again on the next call', async () => {
      const missing = new URL('./no-such-ob3-module.js', import.meta.url).href;
      await expect(loadOb3(missing)).rejects.toSatisfy((e: unknown) => isBadgeError(e) && e.code === 'FETCH_FAILED');
      await expect(loadOb3(missing)).rejects.toSatisfy((e: unknown) => isBadgeError(e) && e.code === 'FETCH_FAILED');
    });
  });
});
