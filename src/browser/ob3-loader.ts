/**
 * The OB 3.0 verifier as the script-tag bundle sees it: the same two functions as
 * src/verify/ob3/index.ts, which load dist/browser/ob3.js (built for browsers, next to the
 * script) on first use. The script-tag build substitutes this module for the dynamic
 * `import('./ob3/index.js')` of verify.ts (tsup.config.ts), so the classic script stays
 * small and pages without OB 3.0 badges never fetch JSON-LD and the proof suites.
 *
 * Why a URL import: a classic script cannot name its siblings with a relative specifier, but
 * `import()` works from classic scripts, resolves an absolute URL, and is allowed by a strict
 * `script-src 'self'` CSP (it is not a Trusted Types sink). The base is the script's own URL,
 * which `document.currentScript` gives only while the script first runs, so the entry hands
 * it over at the start ({@link locateOb3}).
 *
 * The module borrows this script's copies of the small modules both need (errors, encodings,
 * JOSE, the inflater…: see ./shared-modules.ts) instead of carrying its own, so they are
 * lent just before the import. Nothing else crosses the boundary: the context's fetcher and
 * check list are used through their methods, and the outcome is plain data.
 */
import { BadgeError } from '../errors.js';
import type { VerifierOutcome, VerifyContext } from '../verify/context.js';
import { lendSharedModules } from './shared.js';

/** The package version, set by the build (tsup.config.ts `define`); "dev" when run from source. */
declare const __VERIFY_BADGE_VERSION__: string | undefined;
const VERSION = typeof __VERIFY_BADGE_VERSION__ === 'string' ? __VERIFY_BADGE_VERSION__ : 'dev';

type Ob3Module = typeof import('./ob3.js');

/** Where the OB 3.0 module lives; set once by {@link locateOb3} when the script starts. */
let ob3Url: string | undefined;

/**
 * Remember where dist/browser/ob3.js is: in browser/ next to `script` (the running
 * `<script src>`). Called by the script-tag entry before anything else, because
 * `document.currentScript` is only set while the script first runs.
 *
 * @example
 * ```ts
 * locateOb3(document.currentScript); // https://cdn.example/verify-badge.global.js → https://cdn.example/browser/ob3.js?v=<version>
 * ```
 */
export function locateOb3(script: Element | null | undefined): void {
  lendSharedModules(VERSION);
  const src = script && 'src' in script && typeof script.src === 'string' ? script.src : '';
  try {
    // The version in the query: a cached ob3.js of another release is never paired with this
    // script (it borrows this script's modules, registered under this version).
    ob3Url = src ? new URL(`./browser/ob3.js?v=${encodeURIComponent(VERSION)}`, src).href : undefined;
  } catch {
    ob3Url = undefined;
  }
}

/** The import in flight or done, for the URL it was made for. */
let loading: { url: string; module: Promise<Ob3Module> } | undefined;

/**
 * The OB 3.0 module, imported once (the module loader caches it; a failed load is retried
 * on the next call rather than remembered, a network blip should not poison the page).
 *
 * @example
 * ```ts
 * const { verifyOb3Credential } = await loadOb3();
 * ```
 */
export function loadOb3(url: string | undefined = ob3Url): Promise<Ob3Module> {
  if (url === undefined) {
    return Promise.reject(
      new BadgeError('FETCH_FAILED', 'the OB 3.0 verifier could not be located: the script-tag bundle must be loaded by a <script src> element (with browser/ next to it)'),
    );
  }
  if (loading?.url !== url) {
    lendSharedModules(VERSION);
    const module = (import(/* @vite-ignore */ url) as Promise<Ob3Module>).catch((cause: unknown) => {
      if (loading?.module === module) loading = undefined;
      throw new BadgeError('FETCH_FAILED', `the OB 3.0 verifier could not be loaded from ${url}`, { cause });
    });
    loading = { url, module };
  }
  return loading.module;
}

/**
 * Verify an OB 3.0 credential (JSON-LD with Data Integrity proofs), loading the verifier on first use.
 *
 * @example
 * ```ts
 * const outcome = await verifyOb3Credential(credential, ctx);
 * ```
 */
export async function verifyOb3Credential(credential: Record<string, unknown>, ctx: VerifyContext): Promise<VerifierOutcome> {
  return (await loadOb3()).verifyOb3Credential(credential, ctx);
}

/**
 * Verify an OB 3.0 VC-JWT, loading the verifier on first use.
 *
 * @example
 * ```ts
 * const outcome = await verifyOb3Jwt(token, ctx);
 * ```
 */
export async function verifyOb3Jwt(token: string, ctx: VerifyContext): Promise<VerifierOutcome> {
  return (await loadOb3()).verifyOb3Jwt(token, ctx);
}
