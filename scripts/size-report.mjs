#!/usr/bin/env node
/**
 * Size report of the build: raw and gzip size of every file in dist/, then the two budgets
 * of the element (issue 5):
 *
 *   1. the element with unbaking and OB 2.0, without the OB 3.0 chunk   ≤ 15 KB gzip
 *   2. everything (the script-tag bundle, OB 3.0 included)              ≤ 90 KB gzip
 *
 * Budget 1 is measured as a consumer's bundler would ship it: the define module and
 * everything it imports, minified by esbuild (what tsup runs) into one file, with the
 * on-demand OB 3.0 module left out (it loads only when an OB 3.0 credential appears).
 * Budget 2 is what a script-tag page can load: dist/verify-badge.global.js plus every file
 * of dist/browser/ (the OB 3.0 module it imports on demand, and that module's own
 * on-demand chunks: the JSON Schema validator, the Ed25519Signature2020 suite).
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
  if (!file.endsWith('.global.js') && !file.startsWith(join(dist, 'cli')) && !file.startsWith(join(dist, 'browser'))) {
    esmRaw += bytes.length;
    esmGzip += size;
  }
  console.log(`${relative(dist, file).padEnd(58)}${fmt(bytes.length)}${fmt(size)}`);
}

const browserFiles = all.filter((f) => f.startsWith(join(dist, 'browser')));
const browserGzip = browserFiles.reduce((n, f) => n + gz(readFileSync(f)), 0);
const browserRaw = browserFiles.reduce((n, f) => n + readFileSync(f).length, 0);

// Leave the OB 3.0 module (and what only it imports) out: verify() loads it on demand.
const lazyOb3 = {
  name: 'lazy-ob3',
  setup(b) {
    b.onResolve({ filter: /^\.\/ob3\/index\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// As tsup.config.ts does for the script-tag bundle: OB 3.0 comes from dist/browser/ob3.js.
const ob3FromBrowserBuild = {
  name: 'ob3-from-browser-build',
  setup(b) {
    b.onResolve({ filter: /^\.\/ob3\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]verify[\\/]verify\.ts$/.test(args.importer) ? { path: resolve('src/browser/ob3-loader.ts') } : undefined,
    );
  },
};

async function minified(entry, plugins = [], format = 'esm') {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format,
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const bytes = result.outputFiles[0].contents;
  // Minified bytes per package (node_modules) or source folder, to show where the weight is.
  const groups = {};
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    const key = pkg ? pkg[1] : input.replace(/^(.*\/)?(src\/.*)\/[^/]+$/, '$2');
    groups[key] = (groups[key] ?? 0) + bytesInOutput;
  }
  const top = Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { raw: bytes.length, gzip: gz(bytes), top };
}

const contributors = (label, top) =>
  console.log(`  ${label}: ${top.map(([name, n]) => `${name} ${(n / KB).toFixed(1)}`).join(', ')} (KB minified)`);

// Bundled from source with the same esbuild tsup uses (source paths make the breakdown readable).
const element = await minified(resolve('src/element/define.ts'), [lazyOb3]);
const everythingEsm = await minified(resolve('src/element/define.ts'));
const iifeParts = await minified(resolve('src/element/global.ts'), [ob3FromBrowserBuild], 'iife');
// One file, no splitting: the whole OB 3.0 side (schema validator included), for the breakdown.
const ob3Parts = await minified(resolve('src/browser/ob3.ts'));
const iifePath = join(dist, 'verify-badge.global.js');
const iife = readFileSync(iifePath);
const iifeGzip = gz(iife);

const verdict = (size, budget) => (size <= budget ? `within ${fmt(budget).trim()}` : `OVER ${fmt(budget).trim()} by ${fmt(size - budget).trim()}`);
console.log('\nBudgets (minified, gzip -9)');
console.log(`${'element + unbake + OB 2.0, no OB 3.0 chunk (ESM, minified)'.padEnd(58)}${fmt(element.raw)}${fmt(element.gzip)}  ${verdict(element.gzip, ELEMENT_BUDGET)}`);
console.log(`${'script-tag bundle alone (pages without OB 3.0)'.padEnd(58)}${fmt(iife.length)}${fmt(iifeGzip)}`);
console.log(`${'everything: script-tag bundle + all of dist/browser/'.padEnd(58)}${fmt(iife.length + browserRaw)}${fmt(iifeGzip + browserGzip)}  ${verdict(iifeGzip + browserGzip, TOTAL_BUDGET)}`);
console.log(`${'everything: element ESM with OB 3.0, deps bundled, min.'.padEnd(58)}${fmt(everythingEsm.raw)}${fmt(everythingEsm.gzip)}`);
console.log(`${'all ESM files of dist/ (unminified, JSON-LD stack inside)'.padEnd(58)}${fmt(esmRaw)}${fmt(esmGzip)}`);
console.log('\nLargest contributors');
contributors('element, no OB 3.0', element.top);
contributors('script-tag bundle', iifeParts.top);
contributors('OB 3.0 (dist/browser/)', ob3Parts.top);
if (strict && (element.gzip > ELEMENT_BUDGET || iifeGzip + browserGzip > TOTAL_BUDGET)) process.exit(1);
