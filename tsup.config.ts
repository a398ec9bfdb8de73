import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';
import { SHARED_MODULES, SHARED_MODULES_SYMBOL } from './src/browser/shared-modules.js';

const VERSION: string = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
const SRC = fileURLToPath(new URL('./src/', import.meta.url));

const OB3_LOADER = fileURLToPath(new URL('./src/browser/ob3-loader.ts', import.meta.url));
const SHA256_DIGEST = fileURLToPath(new URL('./src/shims/sha256digest.ts', import.meta.url));
const MESSAGE_DIGEST = fileURLToPath(new URL('./src/shims/message-digest.ts', import.meta.url));
const ED25519 = fileURLToPath(new URL('./src/shims/ed25519.ts', import.meta.url));
const LRU_CACHE = fileURLToPath(new URL('./src/shims/lru-cache.ts', import.meta.url));
const RDF_CANONIZE_PLATFORM = fileURLToPath(new URL('./src/shims/rdf-canonize-platform.ts', import.meta.url));
const WEBCRYPTO_DIGEST = fileURLToPath(new URL('./src/shims/webcrypto-digest.ts', import.meta.url));
const ED25519_WEBCRYPTO = fileURLToPath(new URL('./src/shims/ed25519-webcrypto.ts', import.meta.url));

const JSONLD_API = fileURLToPath(new URL('./src/shims/jsonld-api.ts', import.meta.url));

/** Our ES modules that bundled CommonJS code require(): their default export as module.exports. */
const COMMONJS_WRAPPED: Record<string, string> = {
  'message-digest': MESSAGE_DIGEST,
  'webcrypto-digest': WEBCRYPTO_DIGEST,
  'lru-cache': LRU_CACHE,
  'jsonld-api': JSONLD_API,
};

/** Where a build takes its digests and Ed25519 from (src/shims). */
interface CryptoShims {
  /** The suites' `sha256digest` module. */
  sha256digest: string;
  /** rdf-canonize's MessageDigest, by its key in COMMONJS_WRAPPED (rdf-canonize require()s it). */
  messageDigest: string;
  /** @digitalbazaar/ed25519-multikey's platform file. */
  ed25519: string;
}

/**
 * ESM build: synchronous digests (Node's when it is Node, our JavaScript SHA-256 elsewhere) and
 * Ed25519 with Node's KeyObjects kept per key, WebCrypto elsewhere.
 */
const NODE_FIRST_CRYPTO: CryptoShims = { sha256digest: SHA256_DIGEST, messageDigest: 'message-digest', ed25519: ED25519 };

/**
 * Browser build: WebCrypto's SHA-256 (src/shims/webcrypto-digest.ts), cheap to await in a
 * browser, instead of our synchronous JavaScript one, and WebCrypto's Ed25519 alone
 * (src/shims/ed25519-webcrypto.ts): the Node KeyObject path would be dead weight.
 */
const WEBCRYPTO: CryptoShims = { sha256digest: WEBCRYPTO_DIGEST, messageDigest: 'webcrypto-digest', ed25519: ED25519_WEBCRYPTO };

/**
 * jsonld.js's API module is replaced by ours (src/shims/jsonld-api.ts): expansion, RDF
 * conversion and context processing over jsonld.js's own processing modules, without the
 * operations verification never uses, its platform file (an http-client/undici import in
 * Node, a third of jsonld's load time; an XHR loader and a `JsonLdProcessor` global in
 * browsers) or its default loader: we always pass our own. The suites' and rdf-canonize's
 * SHA-256 and the key library's Ed25519 are ours, per build (`crypto`, above): the packages'
 * own files are Node-only or browser-only. jsonld.js's two small LRU caches are a Map
 * (src/shims/lru-cache.ts), not lru-cache + yallist.
 */
const jsonldStack = (crypto: CryptoShims): Plugin => ({
  name: 'jsonld-stack',
  setup(build) {
    // jsonld.js's API module: ours (src/shims/jsonld-api.ts), the expansion and RDF entry points
    // over jsonld.js's processing modules, for everyone who imports 'jsonld' in the bundle.
    build.onResolve({ filter: /^jsonld$/ }, () => ({ path: 'jsonld-api', namespace: 'verify-badge-cjs' }));
    // The suites' digest, and rdf-canonize's per-blank-node digest (a CommonJS class it
    // require()s, hence the one-line CommonJS wrapper): ours, per `crypto`.
    build.onResolve({ filter: /^\.\.?\/sha256digest(\.js)?$/ }, (args) =>
      /[\\/]node_modules[\\/](jsonld-signatures|@digitalbazaar[\\/]data-integrity)[\\/]lib[\\/]/.test(args.importer) ? { path: crypto.sha256digest } : undefined,
    );
    build.onResolve({ filter: /^\.\/MessageDigest(\.js)?$/ }, (args) =>
      /[\\/]node_modules[\\/]rdf-canonize[\\/]lib[\\/]/.test(args.importer) ? { path: crypto.messageDigest, namespace: 'verify-badge-cjs' } : undefined,
    );
    // The key library's platform file: Ed25519 verification, per `crypto`.
    build.onResolve({ filter: /^\.\/ed25519\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]@digitalbazaar[\\/]ed25519-multikey[\\/]lib[\\/]/.test(args.importer) ? { path: crypto.ed25519 } : undefined,
    );
    // The Ed25519Signature2020 suite only stores its key class (for signing, which we never
    // do: its verifier is ours, src/verify/ob3/data-integrity.ts); a stand-in that refuses to
    // be used keeps that key library (and crypto-ld) out.
    build.onResolve({ filter: /^@digitalbazaar\/ed25519-verification-key-2020$/ }, (args) =>
      /[\\/]node_modules[\\/]@digitalbazaar[\\/]ed25519-signature-2020[\\/]lib[\\/]/.test(args.importer)
        ? { path: 'ed25519-verification-key-2020', namespace: 'signing-key-left-out' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'signing-key-left-out' }, () => ({
      contents: "const leftOut = () => { throw new Error('Ed25519VerificationKey2020 (signing keys) is left out of verify-badge'); };\n" +
        'export class Ed25519VerificationKey2020 { constructor() { leftOut(); } static from() { leftOut(); } static generate() { leftOut(); } }',
      loader: 'js',
    }));
    // rdf-canonize's platform file: only its setImmediate is used (src/shims/rdf-canonize-platform.ts).
    build.onResolve({ filter: /^\.\/platform(\.js)?$/ }, (args) =>
      /[\\/]node_modules[\\/]rdf-canonize[\\/]lib[\\/]/.test(args.importer) ? { path: RDF_CANONIZE_PLATFORM } : undefined,
    );
    // rdf-canonize's synchronous canonizer: never reached (the suites call the asynchronous one);
    // should a call reach it, it fails loudly instead of running unreviewed code.
    build.onResolve({ filter: /^\.\/RDFC10Sync$/ }, (args) =>
      /[\\/]node_modules[\\/]rdf-canonize[\\/]lib[\\/]index\.js$/.test(args.importer) ? { path: 'RDFC10Sync', namespace: 'jsonld-left-out' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'jsonld-left-out' }, (args) => ({
      contents: `module.exports = new Proxy(function leftOut() {}, { get: (_, name) => () => { throw new Error('${args.path}.js (' + String(name) + ') is left out of verify-badge'); }, construct: () => { throw new Error('${args.path}.js is left out of verify-badge'); } });`,
      loader: 'js',
    }));
    // The suites take two base classes from jsonld-signatures and nothing else (we call their
    // verifyProof ourselves, with our own loader and purpose check): its entry module would
    // add ProofSet, the proof purposes, its document loader and the security contexts.
    build.onResolve({ filter: /^jsonld-signatures$/ }, (args) =>
      /[\\/]node_modules[\\/]@digitalbazaar[\\/](data-integrity|ed25519-signature-2020)[\\/]lib[\\/]/.test(args.importer)
        ? { path: 'jsonld-signatures', namespace: 'jsonld-signatures-suites' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'jsonld-signatures-suites' }, () => ({
      contents: "module.exports = { suites: { LinkedDataProof: require('jsonld-signatures/lib/suites/LinkedDataProof.js'), LinkedDataSignature: require('jsonld-signatures/lib/suites/LinkedDataSignature.js') } };",
      loader: 'js',
      resolveDir: dirname(fileURLToPath(import.meta.url)),
    }));
    // …whose constants module needs two URLs from the security-context package, not its contexts.
    build.onResolve({ filter: /^@digitalbazaar\/security-context$/ }, (args) =>
      /[\\/]node_modules[\\/]jsonld-signatures[\\/]lib[\\/]constants\.js$/.test(args.importer) ? { path: 'security-context', namespace: 'security-context-urls' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'security-context-urls' }, () => ({
      contents: "module.exports = { constants: { SECURITY_CONTEXT_V1_URL: 'https://w3id.org/security/v1', SECURITY_CONTEXT_V2_URL: 'https://w3id.org/security/v2' } };",
      loader: 'js',
    }));
    build.onResolve({ filter: /^lru-cache$/ }, (args) =>
      /[\\/]node_modules[\\/]jsonld[\\/]lib[\\/]/.test(args.importer) ? { path: 'lru-cache', namespace: 'verify-badge-cjs' } : undefined,
    );
    // rdf-canonize and jsonld.js require() these as CommonJS classes: one-line CommonJS wrappers.
    build.onLoad({ filter: /.*/, namespace: 'verify-badge-cjs' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(COMMONJS_WRAPPED[args.path])}).default;`,
      loader: 'js',
      resolveDir: dirname(COMMONJS_WRAPPED[args.path]!),
    }));
  },
});

/**
 * Only in the browser build: the modules the script-tag bundle lends (src/browser/shared-modules.ts)
 * become stand-ins that read its copies, so dist/browser/ does not ship them a second time.
 */
const BORROW = 'borrow';
const borrowSharedModules: Plugin = {
  name: 'borrow-shared-modules',
  setup(build) {
    const shared = new Set<string>(SHARED_MODULES);
    // Our sources import each other as './x.js' (the .ts file). Resolved into a namespace of
    // their own, the stand-ins are CommonJS, whose exports esbuild reads by name at use.
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (!args.importer.startsWith(SRC)) return undefined;
      const name = relative(SRC, resolve(args.resolveDir, args.path)).replace(/\\/g, '/').replace(/\.js$/, '');
      return shared.has(name) ? { path: name, namespace: 'lent-module' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lent-module' }, (args) => {
      if (args.path !== BORROW) return { contents: `module.exports = require(${JSON.stringify(BORROW)})(${JSON.stringify(args.path)});`, loader: 'js' };
      const symbol = JSON.stringify(SHARED_MODULES_SYMBOL(VERSION));
      const missing = JSON.stringify(` is lent by verify-badge.global.js ${VERSION}, which loads dist/browser/ob3.js`);
      return {
        contents: `module.exports = (name) => { const lent = globalThis[Symbol.for(${symbol})]; if (!lent) throw new Error(name + ${missing}); return lent[name]; };`,
        loader: 'js',
      };
    });
    build.onResolve({ filter: new RegExp(`^${BORROW}$`) }, (args) => (args.namespace === 'lent-module' ? { path: BORROW, namespace: 'lent-module' } : undefined));
  },
};

/**
 * The JSON-LD stack, bundled into our OB 3.0 chunk instead of imported: a private copy of
 * jsonld.js that our speed-ups (src/verify/ob3/jsonld-speedup.ts) may adjust without touching
 * the host application's jsonld, and that the proof suites share with us. Bundled with the
 * packages' browser files (no Node builtins; digests replaced, above), so the chunk runs anywhere.
 * The key library (@digitalbazaar/ed25519-multikey) comes along: the suites and we share one
 * copy, whose Ed25519 verification is ours (see above).
 */
const PRIVATE_JSONLD = [
  'jsonld',
  '@digitalbazaar/data-integrity',
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  '@digitalbazaar/ed25519-signature-2020',
  '@digitalbazaar/ed25519-multikey',
  // Never loaded: bundling it lets the stand-in above replace it (the 2020 suite only stores it).
  '@digitalbazaar/ed25519-verification-key-2020',
];

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
//   declarations; the JSON-LD stack bundled into that chunk, see PRIVATE_JSONLD);
// - dist/browser/ob3.js: the OB 3.0 verifier for browsers, every dependency bundled and
//   minified, in one file: its would-be chunks (the JSON Schema check, which nearly every
//   1EdTech credential asks for, and the Ed25519Signature2020 suite) are small, and one file
//   is 2 KB gzip less than five;
// - one minified IIFE for a plain <script src> tag that defines <verify-badge>, exposes the
//   `VerifyBadge` global, and imports dist/browser/ob3.js when an OB 3.0 credential appears;
// - dist/module/: the same element for a <script type="module"> tag, minified and
//   code-split like the ESM package, so a page loads what its badges need and no more (the
//   classic script carries everything but OB 3.0, since an IIFE cannot split).
/**
 * The script tag and its OB 3.0 module are minified by terser after esbuild has bundled them:
 * 1.6 KB gzip less than esbuild's minifier (nearly all of it in the OB 3.0 module's JSON-LD
 * stack), which keeps everything a script-tag page can load under its 90 KB budget
 * (test/build/size.test.ts). The module script keeps esbuild's minifier: its small split
 * chunks came out larger through terser. Two compress passes; licence comments are kept
 * (terser's default). tsup would ship unminified code if terser failed: the size test would
 * then fail loudly.
 */
const BROWSER_TERSER = { ecma: 2020, compress: { passes: 2 } } as const;

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
    // 'browser' only selects the browser files of the bundled JSON-LD stack; everything
    // else we ship is web-platform code, and the CLI's node: imports stay external.
    platform: 'browser',
    target: 'es2022',
    dts: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    clean: true,
    // Other runtime dependencies stay external: the consumer's bundler de-duplicates them.
    // undici (the CLI's pinned fetch, src/cli/pinned-fetch.ts) is named too: a dependency is
    // external anyway, but bundled it would put Node-only code in a chunk the library shares.
    external: [/^node:/, 'undici'],
    noExternal: PRIVATE_JSONLD,
    esbuildPlugins: [jsonldStack(NODE_FIRST_CRYPTO)],
  },
  {
    entry: { ob3: 'src/browser/ob3.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    minify: 'terser',
    terserOptions: BROWSER_TERSER,
    splitting: false,
    treeshake: true,
    sourcemap: false,
    noExternal: [/.*/],
    esbuildPlugins: [jsonldStack(WEBCRYPTO), borrowSharedModules],
  },
  {
    entry: { 'verify-badge': 'src/element/global.ts' },
    format: ['iife'],
    globalName: 'VerifyBadge',
    platform: 'browser',
    target: 'es2022',
    minify: 'terser',
    terserOptions: BROWSER_TERSER,
    // esbuild's own tree shaking (always on when bundling). tsup's `treeshake` would re-run the
    // output through Rollup, whose IIFE assigns to an `exports` parameter: harmless in a
    // browser, but it reads as CommonJS to tools (publint) and saves nothing measurable.
    treeshake: false,
    sourcemap: false,
    // One classic script, no imports, for a page without a bundler (OB 3.0 excepted, above).
    noExternal: [/.*/],
    esbuildPlugins: [ob3FromBrowserBuild],
    define: { __VERIFY_BADGE_VERSION__: JSON.stringify(VERSION) },
    outExtension: () => ({ js: '.global.js' }),
  },
  {
    entry: { 'verify-badge': 'src/browser/module.ts' },
    outDir: 'dist/module',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    minify: true,
    splitting: true,
    // esbuild's tree shaking, as for the classic script (Rollup's pass would only re-bundle it).
    treeshake: false,
    sourcemap: false,
    // Every dependency inside: a page has no bundler to resolve bare imports. The JSON-LD
    // stack with WebCrypto's digests and Ed25519, as dist/browser/ob3.js has it.
    noExternal: [/.*/],
    esbuildPlugins: [jsonldStack(WEBCRYPTO)],
  },
]);
