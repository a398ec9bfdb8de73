import { defineConfig } from 'tsup';

// Two builds: the ESM package (code-split, with declarations) and one minified IIFE
// for a plain <script src> tag that defines <verify-badge> and exposes `VerifyBadge`.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'unbake/index': 'src/unbake/index.ts',
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
]);
