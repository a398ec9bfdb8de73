// The script-tag bundle loads the OB 3.0 verifier (dist/browser/ob3.js) only when an OB 3.0
// credential appears; in real Chromium, under the demo's strict CSP and Trusted Types.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, requireBrowser, settled, startHarness, statuses, type Harness } from './harness.js';

const run = requireBrowser();

describe.runIf(run)('the script-tag bundle and the on-demand OB 3.0 module', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Open a page and list the script URLs it requested. */
  async function open(path: string): Promise<{ page: Page; scripts: string[] }> {
    const page = await h.page();
    const scripts: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('.js')) scripts.push(url.pathname + url.search);
    });
    await page.goto(`${h.origin}${path}`);
    await settled(page);
    return { page, scripts };
  }

  it('carries no JSON-LD processor or proof suite in the classic script itself', () => {
    const iife = readFileSync(`${DIST}/verify-badge.global.js`, 'utf8');
    expect(iife).toContain('browser/ob3.js');
    expect(iife).not.toMatch(/JsonLdProcessor|URDNA2015|eddsa-rdfc-2022-cryptosuite|Ed25519Signature2020Suite/);
  });

  it('a page with only OB 2.0 badges never requests the OB 3.0 module', async () => {
    const { page, scripts } = await open('/pages/states.html');
    expect(scripts).toContain('/dist/verify-badge.global.js');
    expect(scripts.filter((s) => s.startsWith('/dist/browser/'))).toEqual([]);
    expect(h.errors).toEqual([]);
    await page.close();
  });

  it('a page with OB 3.0 badges loads dist/browser/ob3.js once, under the strict CSP, and verifies them', async () => {
    const { page, scripts } = await open('/examples/embed.html');
    // Once, with this release's version in the query (it borrows this script's modules).
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(scripts.filter((s) => s.startsWith('/dist/browser/'))).toEqual([`/dist/browser/ob3.js?v=${version}`]);
    const shown = await statuses(page);
    expect(shown['badges/ob3-valid.json']).toBe('valid');
    expect(shown['badges/ob3-tampered.json']).toBe('invalid');
    expect(h.errors).toEqual([]);
    expect(h.cspViolations).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(h.offsite).toEqual([]);
  });
});
