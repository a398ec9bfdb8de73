import { describe, expect, it } from 'vitest';
import { checkCredentialStatus } from '../../../src/verify/status/index.js';
import { fixtureFetch } from '../../helpers/corpus-fetch.js';
import { distrustingDeps, fixtureCredential, makeContext, trustingDeps } from './helpers.js';

async function statusChecks(name: string, deps = trustingDeps().deps) {
  const { fetch, calls } = fixtureFetch();
  const ctx = makeContext(fetch);
  await checkCredentialStatus(fixtureCredential(name), ctx, deps);
  return { checks: ctx.checks.items, calls };
}

describe('BitstringStatusListEntry', () => {
  it('reports REVOKED when the revocation bit is set', async () => {
    const { checks } = await statusChecks('revoked');
    expect(checks).toEqual([expect.objectContaining({ id: 'status', status: 'failed', code: 'REVOKED' })]);
  });

  it('reads the first and the last entry of the list', async () => {
    expect((await statusChecks('revokedFirstEntry')).checks[0]).toMatchObject({ status: 'failed', code: 'REVOKED' });
    expect((await statusChecks('revokedLastEntry')).checks[0]).toMatchObject({ status: 'failed', code: 'REVOKED' });
  });

  it('passes when the revocation bit is clear', async () => {
    const { checks, calls } = await statusChecks('notRevoked');
    expect(checks).toEqual([expect.objectContaining({ id: 'status', status: 'passed' })]);
    expect(calls).toEqual(['https://status.example/lists/revocation.json']);
  });

  it('accepts statusListIndex written as a number', async () => {
    expect((await statusChecks('indexAsNumber')).checks[0]).toMatchObject({ status: 'failed', code: 'REVOKED' });
  });

  it('reads a list whose encodedList has no multibase prefix', async () => {
    expect((await statusChecks('unprefixedList')).checks[0]).toMatchObject({ status: 'failed', code: 'REVOKED' });
  });

  it('reports SUSPENDED when the suspension bit is set, and passes when it is clear', async () => {
    expect((await statusChecks('suspended')).checks[0]).toMatchObject({ status: 'failed', code: 'SUSPENDED' });
    expect((await statusChecks('notSuspended')).checks[0]).toMatchObject({ status: 'passed' });
  });

  it('records one status check per entry', async () => {
    const { checks } = await statusChecks('revokedAndSuspended');
    expect(checks.map((c) => [c.id, c.code])).toEqual([
      ['status', 'REVOKED'],
      ['status', 'SUSPENDED'],
    ]);
  });

  it('reports a status message without failing the badge', async () => {
    const { checks } = await statusChecks('message');
    expect(checks).toEqual([expect.objectContaining({ status: 'passed', message: expect.stringContaining('rejected') })]);
  });

  it('hands the list credential to the pipeline for its proof and validity', async () => {
    const { deps, seen } = trustingDeps();
    await statusChecks('notRevoked', deps);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'] });
  });

  describe('when the status cannot be told', () => {
    it('is indeterminate when the list fails its own proof, even with the bit clear', async () => {
      const { checks } = await statusChecks('notRevoked', distrustingDeps);
      expect(checks).toEqual([expect.objectContaining({ status: 'failed', code: 'STATUS_UNAVAILABLE' })]);
      expect(checks[0]!.message).toContain('PROOF_INVALID');
    });

    it('is indeterminate when the list verifier throws', async () => {
      const deps = { verifyListCredential: async () => Promise.reject(new Error('boom')) };
      expect((await statusChecks('notRevoked', deps)).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate when the list cannot be fetched', async () => {
      expect((await statusChecks('listMissing')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate when the index is outside the list', async () => {
      expect((await statusChecks('indexOutOfRange')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate when the list is for another purpose', async () => {
      expect((await statusChecks('wrongPurpose')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate for a GZIP bomb, which is not inflated past the cap', async () => {
      expect((await statusChecks('gzipBomb')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it.each(['malformedBase64', 'notGzip', 'truncatedGzip'])('is indeterminate for an undecodable list (%s)', async (name) => {
      expect((await statusChecks(name)).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate when the URL is not a status list, or a list of another format', async () => {
      expect((await statusChecks('notAList')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
      expect((await statusChecks('wrongListFormat')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate for a list published as a VC-JWT', async () => {
      expect((await statusChecks('vcJwtList')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNSUPPORTED' });
    });

    it('refuses a list on a private address without asking for it', async () => {
      const { checks, calls } = await statusChecks('privateListUrl');
      expect(checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
      expect(calls).toEqual([]);
    });

    it('reports a 2-bit revocation entry as unsupported', async () => {
      expect((await statusChecks('statusSize2Revocation')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNSUPPORTED' });
    });

    it('reports an unknown purpose as unsupported', async () => {
      expect((await statusChecks('unknownPurpose')).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNSUPPORTED' });
    });

    it('only warns when a message list is unavailable', async () => {
      expect((await statusChecks('messageListMissing')).checks[0]).toMatchObject({ status: 'warning', code: 'STATUS_UNAVAILABLE' });
    });
  });

  describe('malformed entries', () => {
    it('reports a negative index as an invalid property', async () => {
      expect((await statusChecks('negativeIndex')).checks[0]).toMatchObject({
        status: 'failed',
        code: 'INVALID_PROPERTY',
        property: 'credentialStatus.statusListIndex',
      });
    });

    it('reports a missing list URL as an invalid property, fetching nothing', async () => {
      const { checks, calls } = await statusChecks('noListUrl');
      expect(checks[0]).toMatchObject({ status: 'failed', code: 'INVALID_PROPERTY', property: 'credentialStatus.statusListCredential' });
      expect(calls).toEqual([]);
    });
  });
});
