import { describe, expect, it } from 'vitest';
import type { VerifyOptions } from '../../../src/verify/options.js';
import { verify } from '../../../src/verify/verify.js';
import { bytesOf, mapFetch, OB2_FIXTURES, OB2_MAP, textOf } from '../../helpers/corpus-fetch.js';

const NOW = '2026-11-23T00:00:00Z';
const L = (name: string) => `https://badges.example.org/legacy/${name}`;

async function check(input: Parameters<typeof verify>[0], options: VerifyOptions = {}) {
  const result = await verify(input, { fetch: mapFetch([OB2_MAP]), now: NOW, ...options });
  const failed = Object.fromEntries(result.checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.code]));
  return { result, failed };
}

describe('OB 0.5', () => {
  it('verifies a 0.5 assertion by the URL it is hosted at, normalising its shape', async () => {
    const { result } = await check(L('v05.json'), { recipient: 'alice@example.org' });
    expect([result.status, result.version]).toEqual(['valid', '0.5']);
    expect(result.badge).toMatchObject({
      name: 'Robotics (2012)',
      image: 'https://badges.example.org/badges/robotics.png',
      criteria: 'https://badges.example.org/criteria/robotics.html',
      issuer: { id: 'https://badges.example.org', name: 'Example Robotics Academy (Outreach)', url: 'https://badges.example.org' },
      recipient: { identity: null, hashed: true },
      issuedOn: '2012-06-01T00:00:00.000Z',
    });
  });

  it('verifies a 0.5 badge baked as a URL', async () => {
    const { result } = await check(bytesOf(new URL('baked/v05-url.png', OB2_FIXTURES)));
    expect([result.status, result.version, result.format]).toEqual(['valid', '0.5', 'png']);
  });

  it('reports ID_OUT_OF_SCOPE for a 0.5 assertion hosted off the issuer origin', async () => {
    const { result, failed } = await check(L('v05-elsewhere.json'));
    expect(result.status).toBe('invalid');
    expect(failed.scope).toBe('ID_OUT_OF_SCOPE');
  });

  it('is indeterminate for a 0.5 assertion given without its URL', async () => {
    const json = JSON.parse(textOf(new URL('hosted/badges.example.org/legacy/v05.json', OB2_FIXTURES))) as Record<string, unknown>;
    const { result, failed } = await check(json);
    expect([result.status, result.version]).toEqual(['indeterminate', '0.5']);
    expect(failed.hosted).toBe('FETCH_FAILED');
    expect(result.badge?.name).toBe('Robotics (2012)');
  });
});

describe('OB 1.0 and 1.1', () => {
  it('verifies a 1.0 hosted assertion through verify.url, reading a Unix timestamp', async () => {
    const { result } = await check(L('v10.json'), { recipient: 'alice@example.org' });
    expect([result.status, result.version]).toEqual(['valid', '1.0']);
    expect(result.badge?.issuedOn).toBe('2013-01-26T16:31:50.000Z');
    expect(result.badge?.issuer.name).toBe('Example Robotics Academy');
  });

  it('verifies a 1.1 hosted assertion', async () => {
    const { result } = await check(L('v11.json'), { recipient: 'alice@example.org' });
    expect([result.status, result.version]).toEqual(['valid', '1.1']);
    expect(result.badge?.recipient.identity).toBe('alice@example.org');
  });

  it('verifies a 1.0 signed badge with the PEM key on the issuer host', async () => {
    const { result } = await check(textOf(new URL('signed/v10-signed.jws', OB2_FIXTURES)));
    expect([result.status, result.version]).toEqual(['valid', '1.0']);
  });

  it('reports REVOKED for a 1.0 signed badge whose uid is in the revocation map', async () => {
    const { result, failed } = await check(textOf(new URL('signed/v10-signed-revoked.jws', OB2_FIXTURES)));
    expect(result.status).toBe('revoked');
    expect(failed.revocation).toBe('REVOKED');
  });

  it('is indeterminate when a 1.0 hosted assertion cannot be fetched', async () => {
    const json = JSON.parse(textOf(new URL('hosted/badges.example.org/legacy/v10.json', OB2_FIXTURES))) as Record<string, unknown>;
    const { result, failed } = await check({ ...json, verify: { type: 'hosted', url: L('missing.json') } });
    expect(result.status).toBe('indeterminate');
    expect(failed.hosted).toBe('FETCH_FAILED');
  });
});
