// The built ESM package (dist/, or $VB_DIST), as a Node application imports it: the OB 3.0
// chunk carries its own jsonld.js, so the host's copy is left untouched and no Node builtin
// reaches the library files. Skipped when there is no build (npm test builds first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { corpusFetch, corpusJson } from '../helpers/corpus-fetch.js';

const DIST = process.env.VB_DIST ?? new URL('../../dist', import.meta.url).pathname;
const built = existsSync(join(DIST, 'index.js'));
if (!built) console.warn(`SKIPPING dist tests: no build at ${DIST} (run npm run build)`);

const NOW = '2026-11-23T00:00:00Z';
// A did:key credential: its key needs no issuer document, so it verifies offline without trusting embedded keys.
const CREDENTIAL = 'digitalcredentials-verifier-core/credentials/v2/v2NoStatus.json';

type Verify = typeof import('../../src/verify/verify.js').verify;

/** Every .js file of the build, by path relative to it. */
function jsFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.js') ? [`${prefix}${e.name}`] : [],
  );
}

describe.runIf(built)('the built package (dist/index.js) in Node', () => {
  it('verifies an OB 3.0 corpus credential, and finds a tampered copy invalid', async () => {
    const { verify } = (await import(pathToFileURL(join(DIST, 'index.js')).href)) as { verify: Verify };
    const credential = corpusJson(CREDENTIAL);
    const valid = await verify(credential, { now: NOW, fetch: corpusFetch().fetch });
    expect(valid.status).toBe('valid');
    const tampered = await verify({ ...credential, name: `${String(credential.name)} (edited)` }, { now: NOW, fetch: corpusFetch().fetch });
    expect(tampered.errors.map((e) => e.code)).toContain('PROOF_INVALID');
  });

  // Both proof suites and status lists through the built JSON-LD stack, whose unused
  // jsonld.js operations (compaction, framing) are left out at build time.
  it.each([
    ['Ed25519Signature2020 (VC 1.1), status bit set', 'digitalcredentials-verifier-core/credentials/v1/v1Revoked.json', 'revoked'],
    ['Ed25519Signature2020 (VC 2.0), status bit set', 'digitalcredentials-verifier-core/credentials/v2/v2Revoked.json', 'revoked'],
    ['eddsa-rdfc-2022, status bit unset', 'digitalcredentials-verifier-core/credentials/eddsa/v2/v2EddsaWithValidStatus.json', 'valid'],
  ])('verifies %s', async (_what, file, status) => {
    const { verify } = (await import(pathToFileURL(join(DIST, 'index.js')).href)) as { verify: Verify };
    const result = await verify(corpusJson(file), { now: NOW, fetch: corpusFetch().fetch });
    expect({ status: result.status, errors: result.errors.filter((e) => e.code !== 'REVOKED') }).toEqual({ status, errors: [] });
  });

  // Safe mode in the built JSON-LD stack: a VC 1.1 context has no @vocab, so a term added after
  // signing would be dropped from the canonical form, and the proof would still verify.
  it('refuses a term no context defines instead of dropping it (safe mode)', async () => {
    const { verify } = (await import(pathToFileURL(join(DIST, 'index.js')).href)) as { verify: Verify };
    const credential = corpusJson('digitalcredentials-verifier-core/credentials/v1/v1NoStatus.json');
    expect((await verify(credential, { now: NOW, fetch: corpusFetch().fetch })).status).toBe('valid');
    const injected = await verify({ ...credential, injectedAfterSigning: 'not in any context' }, { now: NOW, fetch: corpusFetch().fetch });
    expect(injected.status).toBe('invalid');
    expect(injected.errors.map((e) => e.message).join(' ')).toMatch(/safe mode/i);
  });

  it("leaves the application's own jsonld.js as it was (the speed-ups patch only the bundled copy)", async () => {
    const initial = (await (jsonld as unknown as { processContext: (a: null, b: null, o: object) => Promise<Record<string | symbol, unknown>> }).processContext(null, null, {}));
    const clone = initial.clone;
    const { verify } = (await import(pathToFileURL(join(DIST, 'index.js')).href)) as { verify: Verify };
    await verify(corpusJson(CREDENTIAL), { now: NOW, fetch: corpusFetch().fetch });
    expect(initial.clone).toBe(clone);
    expect(initial[Symbol.for('verify-badge.jsonld-fast-clone')]).toBeUndefined();
    expect((globalThis as { JsonLdProcessor?: unknown }).JsonLdProcessor).toBeUndefined();
  });

  it('ships the modules the script-tag bundle lends (errors, JOSE, inflater…) only there, not again in dist/browser/', () => {
    const browser = jsFiles(join(DIST, 'browser')).map((f) => readFileSync(join(DIST, 'browser', f), 'utf8')).join('\n');
    // errors.ts's code → status table, as minified: in the classic script, and borrowed by dist/browser/.
    const table = 'CRYPTO_UNAVAILABLE:"indeterminate"';
    expect(readFileSync(join(DIST, 'verify-badge.global.js'), 'utf8')).toContain(table);
    expect(browser).not.toContain(table);
    expect(browser).toContain('is lent by verify-badge.global.js');
  });

  it('imports no Node builtin, no jsonld.js, no signing-key library and no pako outside the CLI', () => {
    for (const file of jsFiles(DIST).filter((f) => !f.startsWith('cli/'))) {
      const imports = [...readFileSync(join(DIST, file), 'utf8').matchAll(/\bfrom\s*["']([^"'.][^"']*)["']|\bimport\(\s*["']([^"'.][^"']*)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
      expect({ file, imports: imports.filter((i) => /^(node:|fs$|path$|crypto$|url$|jsonld|rdf-canonize|undici|@digitalbazaar\/http-client|@digitalbazaar\/ed25519-verification-key-2020|crypto-ld|pako)/.test(i!)) }).toEqual({ file, imports: [] });
    }
  });

  it('leaves undici out of the bundle and loads it in the CLI only on demand, for a network request', () => {
    const cli = readFileSync(join(DIST, 'cli', 'main.js'), 'utf8');
    expect(cli).toMatch(/\bimport\(\s*["']undici["']\s*\)/);
    expect(cli).not.toMatch(/\bfrom\s*["']undici["']/);
    // undici's own source, had it been bundled anywhere.
    for (const file of jsFiles(DIST)) expect(readFileSync(join(DIST, file), 'utf8'), file).not.toContain('UND_ERR_');
  });
});
