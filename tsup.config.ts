import { defineConfig } from 'tsup';

// Two builds: the ESM package (code-split so the OB 3.0 machinery is a chunk loaded on
// demand, with declarations) and one minified IIFE for a plain <script src> tag that
// defines <verify-badge> and exposes the `VerifyBadge` global.
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
    entry: { 'verify-badge': 'src/element/global.ts' },
    format: ['iife'],
    globalName: 'VerifyBadge',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeshake: true,
    sourcemap: false,
    // Everything inlined: one file, no imports, for a page without a bundler.
    noExternal: [/.*/],
    outExtension: () => ({ js: '.global.js' }),
  },
]);
