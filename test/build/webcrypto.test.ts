// The built CLI in a process without Node's crypto (as the library sees a browser or a
// worker): Ed25519 Data Integrity proofs and EdDSA JWTs verify with WebCrypto; where WebCrypto
// lacks Ed25519 (older browsers) or is missing (pages served over plain http:) the badge is
// "indeterminate" CRYPTO_UNAVAILABLE, never "invalid". Skipped when there is no build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS_URL } from '../helpers/corpus-dir.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const CORPUS = fileURLToPath(CORPUS_URL);
const PRELOAD = (name: string) => fileURLToPath(new URL(`../fixtures/preload/${name}.mjs`, import.meta.url));

/** Verify corpus files in a child process with `preload` run first; one result per file. */
function verifyWith(preload: string, files: string[]): { status: string; errors: { code: string }[] }[] {
  const run = spawnSync(
    process.execPath,
    ['--import', PRELOAD(preload), CLI, '--json', '--now', '2026-11-23T00:00:00Z', '--resources', `${CORPUS}url-map.json`, ...files],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toBe('');
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

// did:key issuers: the keys need no fetch.
const EDDSA = `${CORPUS}digitalcredentials-verifier-core/credentials/v2/v2NoStatus.json`;
const ED25519_2020 = `${CORPUS}digitalcredentials-verifier-core/credentials/v1/v1NoStatus.json`;
const JWT = fileURLToPath(new URL('../fixtures/ob3/jwt-eddsa-did-key.jwt', import.meta.url));

describe.runIf(existsSync(CLI))('Ed25519 without Node crypto (built CLI)', () => {
  it('verifies both Data Integrity suites and an EdDSA JWT with WebCrypto', () => {
    const [eddsa, ed2020, jwt] = verifyWith('no-node-crypto', [EDDSA, ED25519_2020, JWT]);
    expect([eddsa!.status, ed2020!.status, jwt!.status]).toEqual(['valid', 'valid', 'valid']);
  });

  it.each(['no-webcrypto-ed25519', 'no-webcrypto'])('reports "indeterminate" CRYPTO_UNAVAILABLE with preload %s', (preload) => {
    const results = verifyWith(preload, [EDDSA, ED25519_2020, JWT]);
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(result.status).toBe('indeterminate');
      expect(result.errors.map((e) => e.code)).toContain('CRYPTO_UNAVAILABLE');
    }
  });
});
