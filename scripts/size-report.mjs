#!/usr/bin/env node
/**
 * Size report of the build: raw and gzip size of every file in dist/, then the two budgets
 * of the element (issue 5):
 *
 *   1. the element with unbaking and OB 2.0, without the OB 3.0 chunk   ≤ 15 KB gzip
 *   2. everything (the script-tag bundle, OB 3.0 included)              ≤ 90 KB gzip
 *
 * Budget 1 is measured as a consumer's bundler would ship it: dist/element/define.js and
 * everything it imports (pako included), minified by esbuild into one file, with the
 * on-demand OB 3.0 chunk left out (it is only fetched when an OB 3.0 credential appears).
 *
 *   node scripts/size-report.mjs [dist-dir]      (default: $VB_DIST or dist)
 *   exit status 1 when a budget is exceeded and --strict is given
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? process.env.VB_DIST ?? 'dist');
const KB = 1024;
const ELEMENT_BUDGET = 15 * KB;
const TOTAL_BUDGET = 90 * KB;

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const fmt = (n) => `${(n / KB).toFixed(1).padStart(7)} KB`;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const all = files(dist).filter((f) => /\.(m?js)$/.test(f)).sort();
if (all.length === 0) {
  console.error(`size-report: no JavaScript in ${dist} (run npm run build first)`);
  process.exit(2);
}
console.log(`Files in ${relative(process.cwd(), dist) || '.'} (JavaScript)\n${'file'.padEnd(58)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
let esmRaw = 0;
let esmGzip = 0;
for (const file of all) {
  const bytes = readFileSync(file);
  const size = gz(bytes);
  if (!file.endsWith('.global.js') && !file.includes(`${join(dist, 'cli')}`)) {
    esmRaw += bytes.length;
    esmGzip += size;
  }
  console.log(`${relative(dist, file).padEnd(58)}${fmt(bytes.length)}${fmt(size)}`);
}

// Leave the OB 3.0 chunk (and what only it imports) out: it loads on demand.
const lazyOb3 = {
  name: 'lazy-ob3',
  setup(b) {
    b.onResolve({ filter: /(^|\/)ob3-[A-Za-z0-9_-]+\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

async function minified(entry, plugins = []) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins,
  });
  const bytes = result.outputFiles[0].contents;
  return { raw: bytes.length, gzip: gz(bytes) };
}

const element = await minified(join(dist, 'element/define.js'), [lazyOb3]);
const everythingEsm = await minified(join(dist, 'element/define.js'));
const iifePath = join(dist, 'verify-badge.global.js');
const iife = readFileSync(iifePath);
const iifeGzip = gz(iife);

const verdict = (size, budget) => (size <= budget ? `within ${fmt(budget).trim()}` : `OVER ${fmt(budget).trim()} by ${fmt(size - budget).trim()}`);
console.log('\nBudgets (minified, gzip -9)');
console.log(`${'element + unbake + OB 2.0, no OB 3.0 chunk (ESM, minified)'.padEnd(58)}${fmt(element.raw)}${fmt(element.gzip)}  ${verdict(element.gzip, ELEMENT_BUDGET)}`);
console.log(`${'everything: script-tag bundle verify-badge.global.js'.padEnd(58)}${fmt(iife.length)}${fmt(iifeGzip)}  ${verdict(iifeGzip, TOTAL_BUDGET)}`);
console.log(`${'everything: element ESM with OB 3.0, deps bundled, min.'.padEnd(58)}${fmt(everythingEsm.raw)}${fmt(everythingEsm.gzip)}`);
console.log(`${'all ESM files of dist/ (unminified, deps external)'.padEnd(58)}${fmt(esmRaw)}${fmt(esmGzip)}`);
if (strict && (element.gzip > ELEMENT_BUDGET || iifeGzip > TOTAL_BUDGET)) process.exit(1);
