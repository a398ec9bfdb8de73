// The module-script build (dist/module/) in real Chromium, under the demo's strict CSP and
// Trusted Types: every sample badge gets the status its file name promises, and a page with
// only OB 2.0 badges downloads neither the OB 3.0 verifier nor the JSON-LD stack.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, expectClean, expectedStatus, requireBrowser, settled, startHarness, statuses, type Harness } from './harness.js';

const run = requireBrowser();

/** JSON-LD processing and the Data Integrity suites, as they appear in the built code. */
const OB3_MACHINERY = /URDNA2015|RDFC-1\.0|eddsa-rdfc-2022|Ed25519Signature2020/;

describe.runIf(run)('the module script, dist/module/verify-badge.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Open a page and list the files of dist/module/ it requested. */
  async function open(path: string): Promise<{ page: Page; modules: string[] }> {
    const page = await h.page();
    const modules: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/dist/module/')) modules.push(url.pathname.slice('/dist/module/'.length));
    });
    await page.goto(`${h.origin}${path}`);
    await settled(page);
    return { page, modules };
  }


  it('renders every sample badge with the status its name promises', async () => {
    const { page, modules } = await open('/pages/module.html');
    const shown = await statuses(page);
    expect(Object.keys(shown)).toHaveLength(13);
    for (const [src, status] of Object.entries(shown)) expect({ src, status }).toEqual({ src, status: expectedStatus(src) });
    // The OB 3.0 verifier came with the first OB 3.0 badge, once.
    expect(modules.filter((m) => m.startsWith('ob3-'))).toHaveLength(1);
    expect(new Set(modules).size).toBe(modules.length);
    await expectClean(h, page);
    await page.close();
  });

  it('a page with only OB 2.0 badges never downloads the OB 3.0 verifier or the JSON-LD stack', async () => {
    const { page, modules } = await open('/pages/module-ob2.html');
    const shown = await statuses(page);
    expect(Object.keys(shown)).toHaveLength(6);
    for (const [src, status] of Object.entries(shown)) expect({ src, status }).toEqual({ src, status: expectedStatus(src) });
    expect(modules).toContain('verify-badge.js');
    expect(modules.filter((m) => m.startsWith('ob3-'))).toEqual([]);
    for (const file of modules) expect({ file, ob3: OB3_MACHINERY.test(readFileSync(`${DIST}/module/${file}`, 'utf8')) }).toEqual({ file, ob3: false });
    // The control: the machinery is in the build, in files this page did not load.
    const shipped = readdirSync(`${DIST}/module`).filter((f) => OB3_MACHINERY.test(readFileSync(`${DIST}/module/${f}`, 'utf8')));
    expect(shipped.length).toBeGreaterThan(0);
    await expectClean(h, page);
    await page.close();
  });

  it('exports verify() and the element class it registered', async () => {
    const { page } = await open('/pages/module-ob2.html');
    // As a string: the test runner would rewrite an import() written in this file.
    const info = await page.evaluate(`(async () => {
      const mod = await import('/dist/module/verify-badge.js');
      const result = await mod.verify('not a badge');
      return {
        verify: typeof mod.verify,
        defined: customElements.get('verify-badge') === mod.VerifyBadgeElement,
        codes: Array.isArray(mod.ERROR_CODES),
        notABadge: [result.status, result.errors.map((e) => e.code)],
      };
    })()`);
    expect(info).toEqual({ verify: 'function', defined: true, codes: true, notABadge: ['error', ['INPUT_UNRECOGNISED']] });
    await page.close();
  });
});
