import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

const OB3_LOADER = fileURLToPath(new URL('./src/browser/ob3-loader.ts', import.meta.url));

/**
 * In the script-tag bundle, verify.ts's `import('./ob3/index.js')` becomes the loader that
 * imports dist/browser/ob3.js by URL: an IIFE cannot split code, and inlining OB 3.0 would
 * make every page with one OB 2.0 badge pay for JSON-LD and the proof suites.
 */
const ob3FromBrowserBuild: Plugin = {
  name: 'ob3-from-browser-build',
  setup(build) {
    build.onResolve({ filter: /^\.\/ob3\/index\.js$/ }, (args) =>
      /[\\/]src[\\/]verify[\\/]verify\.ts$/.test(args.importer) ? { path: OB3_LOADER } : undefined,
    );
  },
};

// Three builds:
// - the ESM package (code-split so the OB 3.0 machinery is a chunk loaded on demand, with
//   declarations);
// - dist/browser/: the OB 3.0 verifier for browsers, every dependency bundled, minified and
//   code-split (the JSON Schema validator and the Ed25519Signature2020 suite load on demand);
// - one minified IIFE for a plain <script src> tag that defines <verify-badge>, exposes the
//   `VerifyBadge` global, and imports dist/browser/ob3.js when an OB 3.0 credential appears.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'unbake/index': 'src/unbake/index.ts',
      'element/index': 'src/element/index.ts',
      'element/define': 'src/element/define.ts',
      'cli/main': 'src/cli/main.ts',
    },
    format: ['esm'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    clean: true,
    // Runtime dependencies stay external in the ESM build: the consumer's bundler
    // de-duplicates them and can share jsonld with other code on the page.
    external: [/^node:/],
  },
  {
    entry: { ob3: 'src/browser/ob3.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    minify: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    noExternal: [/.*/],
  },
  {
    entry: { 'verify-badge': 'src/element/global.ts' },
    format: ['iife'],
    globalName: 'VerifyBadge',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeshake: true,
    sourcemap: false,
    // One classic script, no imports, for a page without a bundler (OB 3.0 excepted, above).
    noExternal: [/.*/],
    esbuildPlugins: [ob3FromBrowserBuild],
    outExtension: () => ({ js: '.global.js' }),
  },
]);
