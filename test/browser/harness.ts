import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs script without type declarations
import { createDemoServer } from '../../examples/serve.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The build under test: `npm test` builds dist/ first; VB_DIST points elsewhere for local runs. */
export const DIST = process.env.VB_DIST ?? `${REPO}dist`;

/**
 * Why the browser tests cannot run here, or null when they can. In CI a missing browser or
 * build is a failure (the suite must not go quietly green); locally it is a skip.
 */
export function unavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`;
  if (!existsSync(`${DIST}/verify-badge.global.js`)) return `no build at ${DIST} (run npm run build, or set VB_DIST)`;
  return null;
}

export function requireBrowser(): boolean {
  const reason = unavailable();
  if (reason === null) return true;
  if (process.env.CI) throw new Error(`browser tests cannot run: ${reason}`);
  console.warn(`SKIPPING browser tests: ${reason}`);
  return false;
}

export interface Harness {
  origin: string;
  browser: Browser;
  /** A fresh page; records page errors, CSP violations and any request that left 127.0.0.1. */
  page(options?: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean }): Promise<Page>;
  errors: string[];
  cspViolations: string[];
  offsite: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server: Server = createDemoServer({
    mounts: {
      '/examples/': 'examples',
      '/dist/': DIST,
      '/fixtures/': 'test/fixtures/element',
      '/pages/': 'test/browser/pages',
      '/vendor/axe/': 'node_modules/axe-core',
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const cspViolations: string[] = [];
  const offsite: string[] = [];
  return {
    origin,
    browser,
    errors,
    cspViolations,
    offsite,
    async page(options = {}) {
      const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', serviceWorkers: 'block', bypassCSP: options.bypassCSP ?? false });
      contexts.push(context);
      // Nothing may leave the machine: the badges' own URLs are answered by demo-fetch.js.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
        offsite.push(url);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        const text = message.text();
        // img-src blocks are the demo's offline policy working (remote badge images are not
        // loaded); a script or style violation would mean the element breaks a strict CSP.
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text) && !/img-src/.test(text)) cspViolations.push(text);
      });
      // Runs before any page script (through the DevTools protocol, so the page's CSP does not apply).
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          if (e.effectiveDirective === 'img-src') return;
          ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Wait until every matching <verify-badge> has finished (result or error state). */
export async function settled(page: Page, selector = 'verify-badge:not([verify=manual])'): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const els = Array.from(document.querySelectorAll(sel)) as (HTMLElement & { state?: string; src?: string })[];
      return els.length > 0 && els.every((el) => (el.src ? el.state === 'result' || el.state === 'error' : el.state === 'idle'));
    },
    selector,
    { timeout: 20_000 },
  );
}

/** The status each rendered card shows, by element id or src. */
export async function statuses(page: Page, selector = 'verify-badge'): Promise<Record<string, string | null>> {
  return page.$$eval(selector, (els) =>
    Object.fromEntries(
      els.map((el) => [el.id || el.getAttribute('src') || '', el.shadowRoot?.querySelector('[part~="card"]')?.getAttribute('data-status') ?? null]),
    ),
  );
}

/** The page ran clean: no page error, no CSP violation (reported or caught by the page), no request off 127.0.0.1. */
export async function expectClean(h: Harness, page: Page): Promise<void> {
  expect(h.errors).toEqual([]);
  expect(h.cspViolations).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  expect(h.offsite).toEqual([]);
}

/** What a sample badge's file name promises. */
export function expectedStatus(file: string): string {
  if (/tampered|invalid/.test(file)) return 'invalid';
  for (const status of ['revoked', 'suspended', 'expired', 'not-yet-valid', 'indeterminate', 'valid']) if (file.includes(status)) return status;
  throw new Error(`no expectation for ${file}`);
}
