// The unbake layer must run in browsers as it does in Node: web-platform APIs only, no
// DOMParser needed, no network. This bundles src/unbake for the browser and runs it in
// headless Chromium (skipped when no Chromium is installed; CHROMIUM_PATH overrides).
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, fixture } from './helpers.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/';

declare global {
  // The bundle's global, inside the page.
  var Unbake: typeof import('../../src/unbake/index.js');
}

describe.skipIf(!existsSync(CHROMIUM))('unbaking in a real browser (headless Chromium)', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [new URL('../../src/unbake/index.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      globalName: 'Unbake',
      platform: 'browser',
      target: 'es2022',
      write: false,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    // A fetch stub for the whole page: any request at all is recorded and refused.
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent('<!doctype html><title>unbake</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Runs unbake on `bytes` (as a Blob) in the page; returns the badge or the error code. */
  const unbakeInPage = (bytes: Uint8Array) =>
    page.evaluate(async (data) => {
      try {
        return await globalThis.Unbake.unbake(new Blob([new Uint8Array(data)]));
      } catch (e) {
        return { code: (e as { code?: string }).code ?? String(e) };
      }
    }, [...bytes]);

  it('reads the OB 3.0 JSON of simple-json.svg and the VC-JWT of simple-jwt.png', async () => {
    expect(await unbakeInPage(corpus(`${DCPV}ob30/simple-json.svg`))).toMatchObject({ container: 'svg', payloadType: 'json' });
    expect(await unbakeInPage(corpus(`${DCPV}ob30/simple-jwt.png`))).toMatchObject({ container: 'png', payloadType: 'jws' });
  });

  it('stops the zip bomb and refuses the billion laughs with the same codes as in Node', async () => {
    expect(await unbakeInPage(fixture('zip-bomb.png'))).toEqual({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await unbakeInPage(fixture('billion-laughs.svg'))).toEqual({ code: 'SVG_UNSAFE' });
  });

  it('bakes and unbakes a round trip inside the page', async () => {
    const result = await page.evaluate((png) => {
      const baked = globalThis.Unbake.bake(new Uint8Array(png), { name: 'in the browser' }, { version: '3.0' });
      return globalThis.Unbake.unbakeBytes(baked);
    }, [...fixture('tiny.png')]);
    expect(result).toMatchObject({ payload: '{"name":"in the browser"}', keyword: 'openbadgecredential' });
  });

  it('made no network request', () => {
    expect(requests).toEqual([]);
  });
});
