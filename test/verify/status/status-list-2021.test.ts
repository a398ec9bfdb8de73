import { describe, expect, it } from 'vitest';
import { checkCredentialStatus } from '../../../src/verify/status/index.js';
import { corpusFetch, fixtureFetch } from '../../helpers/corpus-fetch.js';
import { distrustingDeps, fixtureCredential, makeContext, trustingDeps } from './helpers.js';

async function statusChecks(credential: Record<string, unknown>, source: 'fixtures' | 'corpus', deps = trustingDeps().deps) {
  const { fetch } = source === 'fixtures' ? fixtureFetch() : corpusFetch();
  const ctx = makeContext(fetch);
  await checkCredentialStatus(credential, ctx, deps);
  return ctx.checks.items;
}

/** A credential pointing at a corpus StatusList2021 list (example.com/status/1 and /2 in url-map.json). */
function sl2021Credential(list: 1 | 2, index: number, purpose: string) {
  return {
    id: 'urn:uuid:sl2021',
    credentialStatus: {
      id: `https://example.com/status/${list}#${index}`,
      type: 'StatusList2021Entry',
      statusPurpose: purpose,
      statusListIndex: String(index),
      statusListCredential: `https://example.com/status/${list}`,
    },
  };
}

describe('StatusList2021Entry', () => {
  it('reports REVOKED when the bit is set and passes when it is clear', async () => {
    expect((await statusChecks(fixtureCredential('sl2021Revoked'), 'fixtures'))[0]).toMatchObject({ status: 'failed', code: 'REVOKED' });
    expect((await statusChecks(fixtureCredential('sl2021NotRevoked'), 'fixtures'))[0]).toMatchObject({ status: 'passed' });
  });

  it('reads a list written with a multibase prefix too', async () => {
    expect((await statusChecks(fixtureCredential('sl2021PrefixedSuspended'), 'fixtures'))[0]).toMatchObject({
      status: 'failed',
      code: 'SUSPENDED',
    });
  });

  describe('on the digitalbazaar/vc-status-list corpus lists', () => {
    it('finds the revoked entry, read MSB-first (index 50007)', async () => {
      expect((await statusChecks(sl2021Credential(1, 50007, 'revocation'), 'corpus'))[0]).toMatchObject({ status: 'failed', code: 'REVOKED' });
    });

    it('passes the entries the source tests expect to be clear', async () => {
      expect((await statusChecks(sl2021Credential(1, 67342, 'revocation'), 'corpus'))[0]).toMatchObject({ status: 'passed' });
      // "50Kth revoked" in the source counts bits right-to-left; per the spec index 50000 is clear.
      expect((await statusChecks(sl2021Credential(1, 50000, 'revocation'), 'corpus'))[0]).toMatchObject({ status: 'passed' });
    });

    it('reports SUSPENDED from the suspension list', async () => {
      expect((await statusChecks(sl2021Credential(2, 50007, 'suspension'), 'corpus'))[0]).toMatchObject({ status: 'failed', code: 'SUSPENDED' });
    });

    it('will not answer a suspension question from the revocation list', async () => {
      expect((await statusChecks(sl2021Credential(1, 50007, 'suspension'), 'corpus'))[0]).toMatchObject({
        status: 'failed',
        code: 'STATUS_UNAVAILABLE',
      });
    });

    it('is indeterminate for an index past the 100 000 entries', async () => {
      expect((await statusChecks(sl2021Credential(1, 100000, 'revocation'), 'corpus'))[0]).toMatchObject({
        status: 'failed',
        code: 'STATUS_UNAVAILABLE',
      });
    });
  });

  describe('when the status cannot be told', () => {
    it('is indeterminate when the list fails its own proof', async () => {
      expect((await statusChecks(fixtureCredential('sl2021Revoked'), 'fixtures', distrustingDeps))[0]).toMatchObject({
        status: 'failed',
        code: 'STATUS_UNAVAILABLE',
      });
    });

    it('is indeterminate when the entry points at a Bitstring list', async () => {
      expect((await statusChecks(fixtureCredential('sl2021OnBitstringList'), 'fixtures'))[0]).toMatchObject({
        status: 'failed',
        code: 'STATUS_UNAVAILABLE',
      });
    });

    it('reports an unknown purpose as unsupported', async () => {
      expect((await statusChecks(sl2021Credential(1, 1, 'message'), 'corpus'))[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNSUPPORTED' });
    });

    it('is indeterminate for the verifier-core list that is not in the corpus', async () => {
      const credential = { id: 'x', credentialStatus: { id: 'https://digital-promise.github.io/credential-status-list/5R6EGMYJCL#848', type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: '848', statusListCredential: 'https://digital-promise.github.io/credential-status-list/5R6EGMYJCL' } };
      expect((await statusChecks(credential, 'corpus'))[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });
  });
});
