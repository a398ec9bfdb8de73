import { describe, expect, it } from 'vitest';
import { checkCredentialStatus } from '../../../src/verify/status/index.js';
import { corpusFetch, fixtureFetch, corpusJson } from '../../helpers/corpus-fetch.js';
import { fixtureCredential, makeContext, trustingDeps } from './helpers.js';

async function statusChecks(credential: Record<string, unknown>, source: 'fixtures' | 'corpus' = 'fixtures') {
  const { fetch, calls } = source === 'fixtures' ? fixtureFetch() : corpusFetch();
  const { deps, seen } = trustingDeps();
  const ctx = makeContext(fetch);
  await checkCredentialStatus(credential, ctx, deps);
  return { checks: ctx.checks.items, calls, seen };
}

describe('1EdTechRevocationList', () => {
  it('reports REVOKED with the reason when the credential id is listed', async () => {
    const { checks, calls } = await statusChecks(fixtureCredential('edtechRevoked'));
    expect(checks).toEqual([expect.objectContaining({ id: 'status', status: 'failed', code: 'REVOKED' })]);
    expect(checks[0]!.message).toContain('Issued in error');
    expect(calls).toEqual(['https://status.example/revocations/1edtech.json']);
  });

  it('accepts a bare id string in revokedCredentials', async () => {
    expect((await statusChecks(fixtureCredential('edtechRevokedBareId'))).checks[0]).toMatchObject({ status: 'failed', code: 'REVOKED' });
  });

  it('passes an id listed with "revoked": false', async () => {
    expect((await statusChecks(fixtureCredential('edtechReinstated'))).checks[0]).toMatchObject({ status: 'passed' });
  });

  it('passes a credential whose id is not listed', async () => {
    expect((await statusChecks(fixtureCredential('edtechNotRevoked'))).checks[0]).toMatchObject({ status: 'passed' });
  });

  it('needs no list-credential verification (the list is not a credential)', async () => {
    expect((await statusChecks(fixtureCredential('edtechNotRevoked'))).seen).toEqual([]);
  });

  describe('when the status cannot be told', () => {
    it('is indeterminate when the list cannot be fetched', async () => {
      expect((await statusChecks(fixtureCredential('edtechUnreachable'))).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate when the document has no revokedCredentials array', async () => {
      expect((await statusChecks(fixtureCredential('edtechMalformed'))).checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
    });

    it('is indeterminate for a credential without an id, fetching nothing', async () => {
      const { checks, calls } = await statusChecks(fixtureCredential('edtechNoCredentialId'));
      expect(checks[0]).toMatchObject({ status: 'failed', code: 'STATUS_UNAVAILABLE' });
      expect(calls).toEqual([]);
    });

    it('reports an entry without a list URL as an invalid property', async () => {
      const credential = { id: 'urn:x', credentialStatus: { type: '1EdTechRevocationList' } };
      expect((await statusChecks(credential)).checks[0]).toMatchObject({ status: 'failed', code: 'INVALID_PROPERTY', property: 'credentialStatus.id' });
    });
  });

  describe('on the corpus, whose live 1EdTech endpoints are unavailable', () => {
    it.each([
      '1EdTech-digital-credentials-public-validator/test-resources/ob30/credential-status-revoked.json',
      '1EdTech-digital-credentials-public-validator/test-resources/ob30/complete.json',
      '1EdTech-openbadges-specification/ob_v3p0/examples-extracted/endorsement.json',
    ])('is indeterminate for %s', async (path) => {
      const { checks } = await statusChecks(corpusJson(path), 'corpus');
      expect(checks).toEqual([expect.objectContaining({ id: 'status', status: 'failed', code: 'STATUS_UNAVAILABLE' })]);
    });
  });
});
