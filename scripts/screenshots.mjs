#!/usr/bin/env node
/**
 * Screenshots of the <verify-badge> card states for the README, taken in headless Chromium
 * from test/browser/pages/states.html (badges from test/fixtures/element, answered locally).
 *
 *   npm run build && node scripts/screenshots.mjs      (VB_DIST=... to use another build)
 *
 * Writes docs/screenshots/{valid,revoked,expired,invalid,indeterminate,error,manual,
 * dropzone,checks,compact,dark-mode,embed}.png. Needs /usr/bin/chromium (apt-get install chromium).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createDemoServer } from '../examples/serve.mjs';

const CHROMIUM = '/usr/bin/chromium';
const dist = process.env.VB_DIST ?? 'dist';
const out = new URL('../docs/screenshots/', import.meta.url);
if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}`);
if (!existsSync(`${dist}/verify-badge.global.js`)) throw new Error(`no build in ${dist}: run npm run build first`);
mkdirSync(out, { recursive: true });

const server = createDemoServer({
  mounts: { '/examples/': 'examples', '/dist/': dist, '/fixtures/': 'test/fixtures/element', '/pages/': 'test/browser/pages' },
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--font-render-hinting=none'],
});

async function open(path, colorScheme = 'light') {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
  // Nothing leaves the machine.
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('verify-badge:not([verify=manual])')).every((el) => (el.src ? el.state === 'result' : el.state === 'idle')),
  );
  return page;
}

const shots = [];
const shoot = async (locator, name) => {
  await locator.screenshot({ path: new URL(`${name}.png`, out).pathname, animations: 'disabled' });
  shots.push(name);
};

try {
  const page = await open('/pages/states.html');
  for (const id of ['valid', 'revoked', 'expired', 'invalid', 'indeterminate', 'error', 'manual', 'dropzone']) await shoot(page.locator(`#${id}`), id);
  await page.locator('#revoked [part~="checks"] summary').click();
  await shoot(page.locator('#revoked'), 'checks');
  await page.locator('#valid').evaluate((el) => el.setAttribute('layout', 'compact'));
  await shoot(page.locator('#valid'), 'compact');

  const dark = await open('/pages/states.html', 'dark');
  await shoot(dark.locator('.grid'), 'dark-mode');

  const embed = await open('/examples/embed.html');
  await embed.setViewportSize({ width: 1180, height: 1700 });
  await shoot(embed.locator('main'), 'embed');
} finally {
  await browser.close();
  server.close();
}
console.log(`wrote ${shots.length} screenshots to ${out.pathname}: ${shots.join(', ')}`);
