// Real headless Chromium: the script-tag bundle on pages served with a strict CSP.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO, expectClean, expectedStatus, requireBrowser, settled, startHarness, statuses, type Harness } from './harness.js';
import { CORPUS_URL } from '../helpers/corpus-dir.js';

const run = requireBrowser();

describe.runIf(run)('<verify-badge> in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function open(path: string, colorScheme: 'light' | 'dark' = 'light', bypassCSP = false): Promise<Page> {
    const page = await h.page({ colorScheme, bypassCSP });
    const response = await page.goto(`${h.origin}${path}`);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    return page;
  }


  it('the script-tag page renders each sample badge with the status its name promises', async () => {
    const page = await open('/examples/embed.html');
    await settled(page);
    const shown = await statuses(page, 'verify-badge:not([verify=manual])');
    const srcs = Object.keys(shown);
    expect(srcs.length).toBeGreaterThanOrEqual(5);
    for (const [src, status] of Object.entries(shown)) expect({ src, status }).toEqual({ src, status: expectedStatus(src) });
    // Both generations of sample badges, and only files that exist, are on the page.
    const onDisk = readdirSync(`${REPO}examples/badges`).map((file) => `badges/${file}`);
    for (const src of srcs) expect(onDisk).toContain(src);
    expect(srcs.some((src) => src.includes('ob2-')) && srcs.some((src) => src.includes('ob3-'))).toBe(true);
    await expectClean(h, page);
  });

  it('exposes the API on the VerifyBadge global and styles with adopted stylesheets', async () => {
    const page = await open('/examples/embed.html');
    await settled(page);
    const info = await page.evaluate(() => {
      const g = (window as unknown as { VerifyBadge: Record<string, unknown> }).VerifyBadge;
      const el = document.querySelector('verify-badge')!;
      return {
        api: ['verify', 'unbake', 'bake', 'VerifyBadgeElement'].map((k) => typeof g[k]),
        defined: customElements.get('verify-badge') === g.VerifyBadgeElement,
        adopted: el.shadowRoot!.adoptedStyleSheets.length,
        styleElements: el.shadowRoot!.querySelectorAll('style').length,
        styleAttributes: document.querySelectorAll('[style]').length + el.shadowRoot!.querySelectorAll('[style]').length,
      };
    });
    expect(info).toEqual({ api: ['function', 'function', 'function', 'function'], defined: true, adopted: 1, styleElements: 0, styleAttributes: 0 });
  });

  it('runs under Trusted Types: an HTML sink anywhere on these pages would throw', async () => {
    const page = await open('/pages/states.html');
    await settled(page);
    // The control: the policy is live, so the element's clean run above is meaningful.
    const blocked = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    expect(blocked).toBe(true);
    expect(h.errors).toEqual([]);
    // The control's own violation report must not leak into the other tests' checks.
    await page.waitForTimeout(200);
    await page.context().close();
    h.cspViolations.length = 0;
  });

  it('renders every state of the card', async () => {
    const page = await open('/pages/states.html');
    await settled(page);
    expect(await statuses(page, 'verify-badge[src]:not([verify=manual])')).toEqual({
      valid: 'valid',
      revoked: 'revoked',
      expired: 'expired',
      invalid: 'invalid',
      indeterminate: 'indeterminate',
      error: 'error',
    });
    await expect(page.locator('#valid [part~="status"]').textContent()).resolves.toContain('Verified');
    await expect(page.locator('#indeterminate [part~="status"]').textContent()).resolves.toContain('Cannot be checked');
    await expectClean(h, page);
  });

  it('with verify="manual" verifies only when the viewer presses the button', async () => {
    const page = await open('/pages/states.html');
    await settled(page);
    const manual = page.locator('#manual');
    await expect(manual.evaluate((el: HTMLElement & { state?: string }) => el.state)).resolves.toBe('idle');
    // With the keyboard: focus the button, press Enter.
    await manual.getByRole('button', { name: 'Verify badge' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('#manual') as HTMLElement & { state?: string }).state === 'result');
    expect((await statuses(page, '#manual')).manual).toBe('valid');
    // The viewer's focus moved with the content, to the card, not back to <body>.
    await expect(manual.evaluate((el) => el.shadowRoot?.activeElement?.getAttribute('part'))).resolves.toContain('card');
  });

  it('lays out compact whatever the case of the keyword, as the layout property reads it', async () => {
    const page = await open('/pages/states.html');
    await settled(page);
    const valid = page.locator('#valid');
    const descriptionDisplay = () => valid.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part~="description"]')!).display);
    await expect(descriptionDisplay()).resolves.not.toBe('none');
    await valid.evaluate((el) => el.setAttribute('layout', 'Compact'));
    await expect(valid.evaluate((el: HTMLElement & { layout?: string }) => el.layout)).resolves.toBe('compact');
    await expect(descriptionDisplay()).resolves.toBe('none');
  });

  it('the drop zone verifies a file chosen with the file picker', async () => {
    const page = await open('/examples/dropzone.html');
    await page.locator('#checker input[type=file]').setInputFiles(`${REPO}examples/badges/ob2-valid.png`);
    await page.waitForFunction(() => (document.querySelector('#checker') as HTMLElement & { state?: string }).state === 'result');
    expect((await statuses(page, '#checker')).checker).toBe('valid');
    await expect(page.locator('#checker [part~="name"]').textContent()).resolves.toBeTruthy();
    await page.locator('#checker').getByRole('button', { name: 'Check another badge' }).click();
    await expect(page.locator('#checker [part~="dropzone"]').count()).resolves.toBe(1);
    await expectClean(h, page);
  });

  // 1EdTech's baked OB 3.0 badges take their key from the verification method URL or the JWT
  // header, and their issuers' documents are not published: ownership of the key cannot be
  // confirmed, so the element (like verify()) reports them indeterminate, never valid.
  it('the drop zone reads 1EdTech conformance badges (OB 3.0 JSON-LD and VC-JWT, baked in PNG and SVG) and reports them indeterminate', async () => {
    const corpus = fileURLToPath(new URL('1EdTech-digital-credentials-public-validator/test-resources/ob30/', CORPUS_URL));
    const page = await open('/examples/dropzone.html');
    for (const file of ['simple-json.png', 'simple-jwt.png', 'simple-jwt.svg']) {
      await page.locator('#checker input[type=file]').setInputFiles(`${corpus}${file}`);
      await page.waitForFunction(() => (document.querySelector('#checker') as HTMLElement & { state?: string }).state === 'result', undefined, { timeout: 20_000 });
      const result = await page.evaluate(() => {
        const el = document.querySelector('#checker') as HTMLElement & { result?: { status: string; version: string; input: string } };
        return { status: el.result?.status, version: el.result?.version, input: el.result?.input };
      });
      expect(result).toEqual({ status: 'indeterminate', version: '3.0', input: file });
      await page.locator('#checker').getByRole('button', { name: 'Check another badge' }).click();
    }
    await expectClean(h, page);
  });

  it('the drop zone is reachable with the keyboard and opens the file chooser', async () => {
    const page = await open('/examples/dropzone.html');
    // Keys and the file chooser go to the focused page: earlier tests' pages may still be open.
    await page.bringToFront();
    await page.waitForFunction(() => customElements.get('verify-badge') !== undefined);
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'file-input'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part') ?? '');
    }
    expect(focused).toBe('file-input');
    // A wait limit, not a speed check: the chooser can take seconds on a loaded 2-core machine.
    const chooser = page.waitForEvent('filechooser', { timeout: 20_000 });
    await page.keyboard.press('Space');
    expect((await chooser).isMultiple()).toBe(false);
  });

  it('the drop zone verifies a dropped file', async () => {
    const page = await open('/examples/dropzone.html');
    await page.waitForFunction(() => customElements.get('verify-badge') !== undefined);
    const url = `${h.origin}/examples/badges/ob3-valid.json`;
    const dataTransfer = await page.evaluateHandle(async (href) => {
      const bytes = await (await fetch(href)).arrayBuffer();
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'ob3-valid.json', { type: 'application/json' }));
      return dt;
    }, url);
    const zone = page.locator('#checker [part~="dropzone"]');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await page.waitForFunction(() => (document.querySelector('#checker') as HTMLElement & { state?: string }).state === 'result', undefined, { timeout: 20_000 });
    const result = await page.evaluate(() => {
      const el = document.querySelector('#checker') as HTMLElement & { result?: { status: string; input: string; version: string } };
      return { status: el.result?.status, input: el.result?.input, version: el.result?.version };
    });
    expect(result).toEqual({ status: 'valid', input: 'ob3-valid.json', version: '3.0' });
  });

  it('renders a badge whose name, description and URLs carry script inert', async () => {
    const page = await open('/pages/xss.html');
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await settled(page);
    // Give any injected handler (onerror, onload) the chance to run, and hover/click what is there.
    await page.locator('#xss [part~="name"]').hover();
    await page.locator('#xss [part~="description"]').click();
    await page.locator('#xss [part~="checks"] summary').click();
    await page.waitForTimeout(300);
    const findings = await page.evaluate(() => {
      const root = document.querySelector('#xss')!.shadowRoot!;
      const attrs = Array.from(root.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).map((a) => `${a.name}=${a.value}`));
      return {
        xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
        name: root.querySelector('[part~="name"]')?.textContent,
        dangerousElements: root.querySelectorAll('script, iframe, svg, object, embed, b').length,
        handlerAttrs: attrs.filter((a) => a.toLowerCase().startsWith('on')),
        scriptUrls: attrs.filter((a) => /javascript:/i.test(a)),
      };
    });
    expect(findings).toEqual({
      xss: null,
      name: '<img src=x onerror="window.__xss=\'name\'">',
      dangerousElements: 0,
      handlerAttrs: [],
      scriptUrls: [],
    });
    expect(dialogs).toBe(0);
    await expectClean(h, page);
  });

  describe('accessibility (axe-core)', () => {
    // axe-core itself writes innerHTML, which the pages' Trusted Types policy forbids: these
    // pages are opened with the CSP bypassed (every other test keeps it on).
    async function axe(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
      await page.addScriptTag({ url: '/vendor/axe/axe.min.js' });
      return page.evaluate(async () => {
        const axeApi = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
        const { violations } = await axeApi.run(document, { resultTypes: ['violations'] });
        return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
      });
    }

    it.each(['light', 'dark'] as const)('finds no violations on the states page (%s)', async (scheme) => {
      const page = await open('/pages/states.html', scheme, true);
      await settled(page);
      // Open one checks list so its content is scanned too.
      await page.locator('#revoked [part~="checks"] summary').click();
      expect(await axe(page)).toEqual([]);
    });

    it('finds no violations on the embed and drop-zone pages', async () => {
      for (const path of ['/examples/embed.html', '/examples/dropzone.html']) {
        const page = await open(path, 'light', true);
        await settled(page);
        expect({ path, violations: await axe(page) }).toEqual({ path, violations: [] });
      }
    });
  });
});
