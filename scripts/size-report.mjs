#!/usr/bin/env node
/**
 * Size report of the build: raw and gzip size of every file in dist/, then the two budgets
 * of the element (issue 5):
 *
 *   1. the element's load for a hosted OB 2.0 PNG badge, without OB 3.0   ≤ 15 KB gzip
 *   2. everything (the script-tag bundle, OB 3.0 included)                 ≤ 90 KB gzip
 *
 * Budget 1 is measured as a consumer's bundler would ship the ESM element: the define module
 * and everything it imports, minified and code-split by esbuild (what tsup runs), with
 * verify()'s dynamic imports left as chunks. The files a page downloads for one hosted OB 2.0
 * PNG badge are the initial load (the define module's static graph) plus the OB 2.0 chunk
 * and what it imports; each file is gzipped on its own, as a server sends it. The other
 * on-demand chunks (SVG reader, inflater, signed OB 2.0, extension schemas, endorsements,
 * the JWS parser) are listed with what each adds on top. OB 3.0 is left out of this build
 * (it loads only when an OB 3.0 credential appears): its weight is dist/browser/'s.
 * Budget 2 is what a script-tag page can load: dist/verify-badge.global.js plus every file
 * of dist/browser/ (the OB 3.0 module it imports on demand, and that module's own
 * on-demand chunks, if any: today it is one file).
 *
 * The module-script build (dist/module/) is measured from its own files: what a page loading
 * dist/module/verify-badge.js downloads for a hosted OB 2.0 badge and for an OB 3.0 one.
 *
 * Budget 1's target is not met yet (issue 5): until it is, ELEMENT_CEILING is the most it may
 * weigh, so the element cannot grow back unnoticed; test/build/size.test.ts holds both the
 * ceiling and budget 2, on every `npm test`.
 *
 *   node scripts/size-report.mjs [dist-dir]      (default: $VB_DIST or dist)
 *   --json     print one JSON object (every file, both budgets) instead of the report
 *   --strict   exit status 1 when a target is exceeded
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const asJson = args.includes('--json');
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? process.env.VB_DIST ?? 'dist');
const KB = 1024;
const ELEMENT_BUDGET = 15 * KB;
/**
 * Budget 1 as measured when the ceiling was set (19.1 KB), plus room for fixes: raised to
 * 20 KB when keyboard focus handling, attribute upgrades and the bounds on a fetch that
 * ignores its signal took the element to 19.5 KB.
 */
const ELEMENT_CEILING = 20 * KB;
const TOTAL_BUDGET = 90 * KB;

// In --json mode the report's lines are not printed: only the object at the end is.
const print = asJson ? () => {} : (...parts) => console.log(...parts);
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
print(`Files in ${relative(process.cwd(), dist) || '.'} (JavaScript)\n${'file'.padEnd(58)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
let esmRaw = 0;
let esmGzip = 0;
/** Every file's raw and gzip size, by path: each file is read and compressed once. */
const sizeOf = new Map();
for (const file of all) {
  const bytes = readFileSync(file);
  const size = gz(bytes);
  sizeOf.set(file, { raw: bytes.length, gzip: size });
  if (!file.endsWith('.global.js') && !file.startsWith(join(dist, 'cli')) && !file.startsWith(join(dist, 'browser')) && !file.startsWith(join(dist, 'module'))) {
    esmRaw += bytes.length;
    esmGzip += size;
  }
  print(`${relative(dist, file).padEnd(58)}${fmt(bytes.length)}${fmt(size)}`);
}

const browserFiles = all.filter((f) => f.startsWith(join(dist, 'browser')));
const browserGzip = browserFiles.reduce((n, f) => n + sizeOf.get(f).gzip, 0);
const browserRaw = browserFiles.reduce((n, f) => n + sizeOf.get(f).raw, 0);

// Leave the OB 3.0 module (and what only it imports) out: verify() loads it on demand, and
// its browser build is measured from dist/browser/ below.
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

/**
 * The files loading `roots` downloads: each file's static imports, transitively.
 * `importsOf(file)` is undefined for a file that is not part of the build.
 */
function staticClosure(roots, importsOf) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop();
    const imports = importsOf(file);
    if (seen.has(file) || imports === undefined) continue;
    seen.add(file);
    stack.push(...imports);
  }
  return seen;
}

/** Minified bytes per package (node_modules) or source file, largest first. */
function contributorsOf(inputsList, count = 8) {
  const groups = {};
  for (const inputs of inputsList) {
    for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
      const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
      const key = pkg ? pkg[1] : input.replace(/^(.*\/)?(src\/.*)$/, '$2');
      groups[key] = (groups[key] ?? 0) + bytesInOutput;
    }
  }
  return Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** One file, no splitting (the script-tag bundle's breakdown). */
async function minified(entry, plugins = [], format = 'esm') {
  const result = await build({
    entryPoints: [entry], bundle: true, minify: true, format, platform: 'browser', target: 'es2022',
    write: false, metafile: true, logLevel: 'silent', plugins,
  });
  const bytes = result.outputFiles[0].contents;
  return { raw: bytes.length, gzip: gz(bytes), top: contributorsOf([Object.values(result.metafile.outputs)[0].inputs]) };
}

/**
 * The ESM element code-split as a bundler ships it: every output file with its gzip size,
 * static imports and inputs; `closure(files)` is what loading them downloads.
 */
async function split(entry) {
  const outdir = mkdtempSync(join(tmpdir(), 'vb-size-'));
  try {
    const result = await build({
      entryPoints: [entry], bundle: true, minify: true, splitting: true, format: 'esm', platform: 'browser',
      target: 'es2022', outdir, write: false, metafile: true, logLevel: 'silent', plugins: [lazyOb3],
    });
    const bytesOf = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.contents]));
    const outputs = new Map();
    for (const [path, out] of Object.entries(result.metafile.outputs)) {
      const bytes = bytesOf.get(path) ?? new Uint8Array();
      outputs.set(path, {
        bytes,
        raw: bytes.length,
        gzip: gz(bytes),
        entryPoint: out.entryPoint,
        imports: out.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path),
        inputs: out.inputs,
      });
    }
    const closure = (roots) => staticClosure(roots, (path) => outputs.get(path)?.imports);
    const sum = (set) => [...set].reduce((acc, p) => ({ raw: acc.raw + outputs.get(p).raw, gzip: acc.gzip + outputs.get(p).gzip, files: acc.files + 1 }), { raw: 0, gzip: 0, files: 0 });
    const byEntry = (source) => [...outputs].find(([, o]) => o.entryPoint === source)?.[0];
    return { outputs, closure, sum, byEntry };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const esm = await split(resolve('src/element/define.ts'));
const defineOut = esm.byEntry('src/element/define.ts');
const ob2Out = esm.byEntry('src/verify/ob2/index.ts');
const initial = esm.closure([defineOut]);
const hosted = esm.closure(ob2Out ? [defineOut, ob2Out] : [defineOut]);
const initialSize = esm.sum(initial);
const hostedSize = esm.sum(hosted);
// Every other dynamic-import target: what it adds to a page that already verified a hosted OB 2.0 badge.
const onDemand = [...esm.outputs]
  .filter(([path, o]) => o.entryPoint && path !== defineOut && path !== ob2Out)
  .map(([path, o]) => {
    const extra = new Set([...esm.closure([path])].filter((p) => !hosted.has(p)));
    return { name: o.entryPoint.replace(/^src\//, ''), ...esm.sum(extra) };
  })
  .sort((a, b) => b.gzip - a.gzip);

/**
 * The module-script build (dist/module/), measured from the files themselves: a page that
 * loads dist/module/verify-badge.js downloads its static imports at once, and each dynamic
 * import's file with its static imports when a badge needs it.
 */
function moduleBuild(dir) {
  const names = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const text = new Map(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  // Minified esbuild output: `import{a as b}from"./chunk-X.js"` and `import"./chunk-X.js"`.
  const staticImports = (f) => [...text.get(f).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const closure = (roots) => staticClosure(roots, (f) => (text.has(f) ? staticImports(f) : undefined));
  const size = (set) => [...set].reduce((acc, f) => ({ raw: acc.raw + sizeOf.get(join(dir, f)).raw, gzip: acc.gzip + sizeOf.get(join(dir, f)).gzip, files: acc.files + 1 }), { raw: 0, gzip: 0, files: 0 });
  const entry = 'verify-badge.js';
  const chunk = (prefix) => names.find((f) => f.startsWith(prefix));
  return {
    initial: size(closure([entry])),
    hostedOb2: size(closure([entry, chunk('ob2-')])),
    ob3: size(closure([entry, chunk('ob3-')])),
    all: size(new Set(names)),
  };
}
const moduleDir = join(dist, 'module');
const mod = statSync(moduleDir, { throwIfNoEntry: false })?.isDirectory() ? moduleBuild(moduleDir) : null;

const iifeParts = await minified(resolve('src/element/global.ts'), [ob3FromBrowserBuild], 'iife');
// One file, no splitting: the whole OB 3.0 side (schema validator included), for the breakdown.
const ob3Parts = await minified(resolve('src/browser/ob3.ts'));
const iifePath = join(dist, 'verify-badge.global.js');
const iife = readFileSync(iifePath);
const iifeGzip = gz(iife);

const verdict = (size, budget) => (size <= budget ? `within ${fmt(budget).trim()}` : `OVER ${fmt(budget).trim()} by ${fmt(size - budget).trim()}`);
const line = (label, raw, gzip, extra = '') => print(`${label.padEnd(58)}${fmt(raw)}${fmt(gzip)}${extra ? `  ${extra}` : ''}`);
print('\nBudgets (minified, gzip -9 per file)');
line(`element, hosted OB 2.0 PNG badge: initial + OB 2.0 (${hostedSize.files} files)`, hostedSize.raw, hostedSize.gzip, `${verdict(hostedSize.gzip, ELEMENT_BUDGET)}; ${verdict(hostedSize.gzip, ELEMENT_CEILING).replace('within', 'under the ceiling').replace('OVER', 'OVER the ceiling')}`);
line(`  of which the initial load, before verify() (${initialSize.files} files)`, initialSize.raw, initialSize.gzip);
line('  (the same, as one file: no per-file gzip overhead)', hostedSize.raw, gz(Buffer.concat([...hosted].map((p) => esm.outputs.get(p).bytes))));
line('everything: script-tag bundle + all of dist/browser/', iife.length + browserRaw, iifeGzip + browserGzip, verdict(iifeGzip + browserGzip, TOTAL_BUDGET));
line('  of which the script-tag bundle alone (no OB 3.0)', iife.length, iifeGzip);
line('all ESM files of dist/ (unminified, JSON-LD stack inside)', esmRaw, esmGzip);

// The files behind budget 1, largest first, each with the sources it carries: every file is
// a request with its own gzip overhead, so this is where splitting shows.
if (mod) {
  print('\nThe module script, dist/module/verify-badge.js (what a page downloads, gzip -9 per file)');
  line(`  a hosted OB 2.0 PNG badge (${mod.hostedOb2.files} files)`, mod.hostedOb2.raw, mod.hostedOb2.gzip, `the classic script: ${fmt(iifeGzip).trim()}`);
  line(`    of which before verify() (${mod.initial.files} files)`, mod.initial.raw, mod.initial.gzip);
  line(`  an OB 3.0 credential (${mod.ob3.files} files)`, mod.ob3.raw, mod.ob3.gzip, `the classic script + browser/ob3.js: ${fmt(iifeGzip + browserGzip).trim()}`);
  line(`  every file (${mod.all.files})`, mod.all.raw, mod.all.gzip);
}

print('\nFiles of budget 1 (minified, gzip -9 each): initial load marked *');
for (const path of [...hosted].sort((x, y) => esm.outputs.get(y).gzip - esm.outputs.get(x).gzip)) {
  const o = esm.outputs.get(path);
  const sources = Object.entries(o.inputs).sort((x, y) => y[1].bytesInOutput - x[1].bytesInOutput).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k.replace(/^(.*\/)?src\//, ''));
  const name = `${initial.has(path) ? '*' : ' '} ${relative(process.cwd(), path).replace(/^.*[\\/]/, '')}`;
  line(`  ${name}`, o.raw, o.gzip, sources.length > 0 ? sources.join(' ') : '(re-exports only)');
}

print('\nOn-demand ESM chunks: what each adds to a page that verified a hosted OB 2.0 badge');
for (const c of onDemand) line(`  ${c.name} (${c.files} file${c.files === 1 ? '' : 's'})`, c.raw, c.gzip);
line('  OB 3.0: dist/browser/ (all files)', browserRaw, browserGzip);

print('\nLargest contributors (KB minified)');
const contributors = (label, top) => print(`  ${label}: ${top.map(([name, n]) => `${name} ${(n / KB).toFixed(1)}`).join(', ')}`);
contributors('hosted OB 2.0 PNG, ESM', contributorsOf([...hosted].map((p) => esm.outputs.get(p).inputs), 10));
contributors('script-tag bundle', iifeParts.top);
contributors('OB 3.0 (dist/browser/)', ob3Parts.top);
if (asJson) {
  const budget = (size, target, ceiling = target) => ({ raw: size.raw, gzip: size.gzip, target, ceiling });
  console.log(JSON.stringify({
    files: Object.fromEntries(all.map((f) => [relative(dist, f), sizeOf.get(f)])),
    element: { ...budget(hostedSize, ELEMENT_BUDGET, ELEMENT_CEILING), files: hostedSize.files, initialGzip: initialSize.gzip },
    total: budget({ raw: iife.length + browserRaw, gzip: iifeGzip + browserGzip }, TOTAL_BUDGET),
    classicScript: { raw: iife.length, gzip: iifeGzip },
    moduleScript: mod,
  }));
}
if (strict && (hostedSize.gzip > ELEMENT_BUDGET || iifeGzip + browserGzip > TOTAL_BUDGET)) process.exit(1);

