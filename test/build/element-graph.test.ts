// What the ESM element downloads, as a consumer's bundler splits it (esbuild, as the size
// report measures budget 1): the initial load and the hosted OB 2.0 path must not carry the
// modules that only some badges need; those stay behind verify()'s dynamic imports.
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// As scripts/size-report.mjs: OB 3.0 is measured from dist/browser/, not here.
const lazyOb3: Plugin = {
  name: 'lazy-ob3',
  setup(b) {
    b.onResolve({ filter: /^\.\/ob3\/index\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Source files (repo-relative) in the closure of static imports from `roots`. */
function sourcesOf(meta: Metafile, roots: string[]): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const path = stack.pop() as string;
    const out = meta.outputs[path];
    if (seen.has(path) || out === undefined) continue;
    seen.add(path);
    for (const i of out.imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  return [...seen].flatMap((path) => Object.keys(meta.outputs[path]?.inputs ?? {}));
}

const ON_DEMAND = [
  'src/unbake/svg.ts',
  'src/unbake/xml.ts',
  'src/unbake/inflate.ts',
  'src/unbake/bake.ts',
  'src/verify/ob2/signed.ts',
  'src/verify/ob2/revocation-list.ts',
  'src/verify/ob2/extensions.ts',
  'src/verify/ob2/json-schema-lite.ts',
  'src/verify/ob2/endorsements.ts',
  'src/verify/ob2/legacy.ts',
  'src/verify/ob2/revoked.ts',
  'src/verify/jose/jws.ts',
  'src/verify/jose/keys.ts',
  'src/verify/recipient.ts',
  'src/verify/md5.ts',
  'src/verify/network-guard.ts',
  'src/verify/redirects.ts',
  'src/verify/ob2/unverifiable.ts',
  'src/verify/svg-reader.ts',
  'src/verify/inflate-reader.ts',
];

describe('the ESM element, code-split', () => {
  let meta: Metafile;
  let define: string;
  let ob2: string;
  beforeAll(async () => {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/element/define.ts'],
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [lazyOb3],
    });
    meta = result.metafile;
    const byEntry = (entry: string) => Object.keys(meta.outputs).find((p) => meta.outputs[p]?.entryPoint === entry) ?? '';
    define = byEntry('src/element/define.ts');
    ob2 = byEntry('src/verify/ob2/index.ts');
  });

  it('loads OB 2.0 on demand: the initial load has the element, unbaking of PNGs and the fetcher only', () => {
    const initial = sourcesOf(meta, [define]);
    expect(initial).toContain('src/element/index.ts');
    expect(initial).toContain('src/unbake/png.ts');
    expect(initial).toContain('src/verify/fetcher.ts');
    expect(initial.filter((s) => s.startsWith('src/verify/ob2/') && s !== 'src/verify/ob2/gone.ts')).toEqual([]);
  });

  it('verifies a hosted OB 2.0 PNG badge without the modules only other badges need', () => {
    expect(ob2).not.toBe('');
    const hosted = sourcesOf(meta, [define, ob2]);
    expect(hosted).toContain('src/verify/ob2/hosted.ts');
    expect(hosted.filter((s) => ON_DEMAND.includes(s))).toEqual([]);
    expect(hosted.filter((s) => s.startsWith('src/verify/ob3/') || s.includes('node_modules/'))).toEqual([]);
  });

  it('ships the hosted OB 2.0 path in four files: each one more costs a request and its own gzip overhead', () => {
    // The element (with input detection and the PNG reader), the code it shares with every
    // on-demand module (errors, payload sniffing, the verifier core), the OB 2.0 code and the
    // OB 2.0 entry (a stub of re-exports): the on-demand modules import through
    // src/verify/core.ts (directly or via src/verify/shared.ts, src/verify/ob2/shared.ts and
    // the image-reader modules) so that they do not split these into one chunk per importer set.
    const files = new Set<string>();
    const stack = [define, ob2];
    while (stack.length > 0) {
      const path = stack.pop() as string;
      if (files.has(path) || meta.outputs[path] === undefined) continue;
      files.add(path);
      for (const i of meta.outputs[path].imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
    }
    expect(files.size).toBeLessThanOrEqual(4);
  });

  it('keeps each on-demand module behind a dynamic import (it is still in the build)', () => {
    const all = new Set(Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)));
    for (const source of ON_DEMAND.filter((s) => s !== 'src/unbake/bake.ts')) expect(all).toContain(source);
    // The element never bakes.
    expect(all).not.toContain('src/unbake/bake.ts');
  });
});
