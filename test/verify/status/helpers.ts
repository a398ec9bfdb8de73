import { readFileSync } from 'node:fs';
import { CheckList, type VerifyContext } from '../../../src/verify/context.js';
import { Fetcher, type ResourceCache } from '../../../src/verify/fetcher.js';
import { resolveOptions } from '../../../src/verify/options.js';
import type { StatusDeps } from '../../../src/verify/status/index.js';
import { STATUS_FIXTURES } from '../../helpers/corpus-fetch.js';

/** The frozen clock of every status test. */
export const NOW = '2026-06-01T00:00:00Z';

export function makeContext(fetch: typeof globalThis.fetch, extra: { cache?: ResourceCache; strictSchema?: boolean } = {}): VerifyContext {
  const options = resolveOptions({ fetch, now: NOW, ...extra });
  return { options, fetcher: new Fetcher(options), checks: new CheckList(), nested: false };
}

/** A list verifier double that trusts every list, and records what it was asked. */
export function trustingDeps() {
  const seen: Record<string, unknown>[] = [];
  const deps: StatusDeps = {
    async verifyListCredential(list) {
      seen.push(list);
      return { ok: true };
    },
  };
  return { deps, seen };
}

/** A list verifier double for which every list fails its proof. */
export const distrustingDeps: StatusDeps = {
  async verifyListCredential() {
    return { ok: false, code: 'PROOF_INVALID', message: 'the signature does not verify' };
  },
};

export const fixtureCredentials = JSON.parse(
  readFileSync(new URL('credentials.json', STATUS_FIXTURES), 'utf8'),
) as Record<string, Record<string, unknown>>;

export function fixtureCredential(name: string): Record<string, unknown> {
  const credential = fixtureCredentials[name];
  if (!credential) throw new Error(`no fixture credential ${name}`);
  return structuredClone(credential);
}
