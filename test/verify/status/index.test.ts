import { describe, expect, it } from 'vitest';
import { createResourceCache } from '../../../src/verify/fetcher.js';
import { checkCredentialStatus, MAX_STATUS_ENTRIES } from '../../../src/verify/status/index.js';
import { corpusFetch, fixtureFetch, corpusJson } from '../../helpers/corpus-fetch.js';
import { distrustingDeps, fixtureCredential, makeContext, trustingDeps } from './helpers.js';

async function run(credential: Record<string, unknown>, source: 'fixtures' | 'corpus' = 'fixtures', deps = trustingDeps().deps) {
  const { fetch, calls } = source === 'fixtures' ? fixtureFetch() : corpusFetch();
  const ctx = makeContext(fetch);
  await checkCredentialStatus(credential, ctx, deps);
  return { checks: ctx.checks.items, calls };
}

const VC = 'digitalcredentials-verifier-core/credentials/';
const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/';

describe('checkCredentialStatus', () => {
  it('skips a credential without credentialStatus, fetching nothing', async () => {
    const { checks, calls } = await run(fixtureCredential('noStatus'));
    expect(checks).toEqual([expect.objectContaining({ id: 'status', status: 'skipped' })]);
    expect(calls).toEqual([]);
  });

  it('skips an empty credentialStatus array', async () => {
    expect((await run(fixtureCredential('emptyStatus'))).checks).toEqual([expect.objectContaining({ status: 'skipped' })]);
  });

  it('checks every entry of an array, in order', async () => {
    const { checks } = await run(fixtureCredential('revokedAndSuspended'));
    expect(checks.map((c) => c.code)).toEqual(['REVOKED', 'SUSPENDED']);
  });

  it('shares fetched lists across a batch through the resource cache', async () => {
    const { fetch, calls } = fixtureFetch();
    const cache = createResourceCache();
    for (const name of ['revoked', 'notRevoked', 'revokedFirstEntry']) {
      const ctx = makeContext(fetch, { cache });
      await checkCredentialStatus(fixtureCredential(name), ctx, trustingDeps().deps);
    }
    expect(calls).toEqual(['https://status.example/lists/revocation.json']);
  });

  it('verifies a shared list once per batch, and again for another clock', async () => {
    const { fetch } = fixtureFetch();
    const cache = createResourceCache();
    const { deps, seen } = trustingDeps();
    for (const name of ['revoked', 'notRevoked', 'revokedFirstEntry']) {
      await checkCredentialStatus(fixtureCredential(name), makeContext(fetch, { cache }), deps);
    }
    expect(seen).toHaveLength(1);
    const later = makeContext(fetch, { cache });
    later.options.now = new Date('2027-01-01T00:00:00Z');
    await checkCredentialStatus(fixtureCredential('notRevoked'), later, deps);
    expect(seen).toHaveLength(2);
  });

  it('verifies the list again in a verification that does not share the cache', async () => {
    const { fetch } = fixtureFetch();
    const { deps, seen } = trustingDeps();
    await checkCredentialStatus(fixtureCredential('notRevoked'), makeContext(fetch), deps);
    await checkCredentialStatus(fixtureCredential('notRevoked'), makeContext(fetch), deps);
    expect(seen).toHaveLength(2);
  });

  describe('failures', () => {
    it('reports an unknown credentialStatus type as unsupported', async () => {
      const { checks, calls } = await run(fixtureCredential('unknownType'));
      expect(checks).toEqual([expect.objectContaining({ status: 'failed', code: 'STATUS_UNSUPPORTED' })]);
      expect(calls).toEqual([]);
    });

    it('reports an entry that is not an object as an invalid property', async () => {
      expect((await run(fixtureCredential('entryNotObject'))).checks[0]).toMatchObject({ status: 'failed', code: 'INVALID_PROPERTY' });
    });

    it(`refuses more than ${MAX_STATUS_ENTRIES} entries without fetching any`, async () => {
      const { checks, calls } = await run(fixtureCredential('tooManyEntries'));
      expect(checks).toEqual([expect.objectContaining({ status: 'failed', code: 'STATUS_UNSUPPORTED' })]);
      expect(calls).toEqual([]);
    });

    it('never lets an exception through and never passes on one', async () => {
      const credential = { credentialStatus: { type: 'BitstringStatusListEntry', get statusPurpose(): string { throw new Error('hostile getter'); } } };
      const { checks } = await run(credential);
      expect(checks).toEqual([expect.objectContaining({ status: 'failed', code: 'STATUS_UNAVAILABLE' })]);
    });
  });

  describe('conformance corpus (INDEX.md status rows)', () => {
    it.each([
      [`${DCPV}ob30/bit-string-list/credential-status-revoked.json`, 'REVOKED'],
      [`${DCPV}ob30/bit-string-list/credential-status-revoked-blank-nodes.json`, 'REVOKED'],
      [`${VC}v1/v1Revoked.json`, 'REVOKED'],
      [`${VC}v2/v2Revoked.json`, 'REVOKED'],
      [`${VC}v1/v1RevokedAndExpired.json`, 'REVOKED'],
      [`${VC}v2/v2RevokedAndExpired.json`, 'REVOKED'],
      [`${VC}eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json`, 'STATUS_UNAVAILABLE'],
      [`${DCPV}ob30/credential-status-revoked.json`, 'STATUS_UNAVAILABLE'],
    ])('%s → %s', async (path, code) => {
      const { checks } = await run(corpusJson(path), 'corpus');
      expect(checks).toEqual([expect.objectContaining({ id: 'status', status: 'failed', code })]);
    });

    it.each([
      `${VC}v1/v1WithValidStatus.json`,
      `${VC}v2/v2WithValidStatus.json`,
      `${VC}v1/v1ExpiredWithValidStatus.json`,
      `${VC}v2/v2ExpiredWithValidStatus.json`,
      `${VC}eddsa/v2/v2EddsaWithValidStatus.json`,
      `${VC}v2/didWeb/v2didWebWithValidStatus.json`,
      `${VC}v2/didWeb/v2didWebMultikeyWithValidStatus.json`,
      `${VC}eddsaAndEd25519/v2/v2DoubleSigWithValidStatus.json`,
    ])('%s → status passed', async (path) => {
      const { checks } = await run(corpusJson(path), 'corpus');
      expect(checks).toEqual([expect.objectContaining({ id: 'status', status: 'passed' })]);
    });

    it('never reports a corpus revocation as passed when the list fails its proof', async () => {
      const { checks } = await run(corpusJson(`${VC}v2/v2WithValidStatus.json`), 'corpus', distrustingDeps);
      expect(checks).toEqual([expect.objectContaining({ status: 'failed', code: 'STATUS_UNAVAILABLE' })]);
    });

    it('skips the corpus credentials without credentialStatus', async () => {
      expect((await run(corpusJson(`${VC}v2/v2NoStatus.json`), 'corpus')).checks).toEqual([
        expect.objectContaining({ status: 'skipped' }),
      ]);
    });
  });
});
