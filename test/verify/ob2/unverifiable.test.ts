import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/verify/verify.js';

const NOW = '2026-11-23T00:00:00Z';
const OB2 = 'https://w3id.org/openbadges/v2';
const noNetwork = (() => Promise.reject(new TypeError('no network in tests'))) as typeof globalThis.fetch;
const run = (input: Record<string, unknown>) => verify(input, { fetch: noNetwork, now: NOW });
const failed = (checks: { id: string; status: string; code?: string }[]) =>
  Object.fromEntries(checks.filter((c) => c.status === 'failed').map((c) => [c.id, c.code]));

const assertion = (verification: unknown) => ({
  '@context': OB2,
  type: 'Assertion',
  id: 'https://badges.example.org/assertions/1.json',
  recipient: { type: 'email', hashed: false, identity: 'jane@example.org' },
  badge: { type: 'BadgeClass', id: 'https://badges.example.org/badges/b.json', name: 'Robotics', description: 'd', criteria: 'https://badges.example.org/c', issuer: 'https://badges.example.org/issuer.json' },
  verification,
  issuedOn: '2026-01-15T09:30:00Z',
});

describe('OB 2.0 documents that cannot be verified as given', () => {
  it('reports a BadgeClass as NOT_A_BADGE and still names it', async () => {
    const result = await run({ '@context': OB2, type: 'BadgeClass', id: 'https://badges.example.org/badges/b.json', name: 'Robotics', description: 'Builds robots' });
    expect(result.status).toBe('error');
    expect(failed(result.checks)).toEqual({ structure: 'NOT_A_BADGE' });
    expect(result.badge).toMatchObject({ name: 'Robotics', description: 'Builds robots' });
  });

  it('reports an issuer Profile as NOT_A_BADGE, with no badge', async () => {
    const result = await run({ '@context': OB2, type: 'Profile', id: 'https://badges.example.org/issuer.json', name: 'Academy' });
    expect(failed(result.checks)).toEqual({ structure: 'NOT_A_BADGE' });
    expect(result.badge).toBeNull();
  });

  it('reports a signed assertion without its JWS as PROOF_MISSING, naming the badge', async () => {
    const result = await run(assertion({ type: 'SignedBadge', creator: 'https://badges.example.org/key.json' }));
    expect(result.status).toBe('invalid');
    expect(failed(result.checks)).toEqual({ proof: 'PROOF_MISSING' });
    expect(result.badge?.name).toBe('Robotics');
  });

  it('reports an assertion with no verification type through its structure', async () => {
    const result = await run(assertion({}));
    expect(result.status).toBe('invalid');
    expect(failed(result.checks)).toEqual({ structure: 'MISSING_PROPERTY' });
    expect(result.badge?.name).toBe('Robotics');
  });
});
