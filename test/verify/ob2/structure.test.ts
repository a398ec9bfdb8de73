import { describe, expect, it } from 'vitest';
import { detectVersion, nodeKind, verificationType } from '../../../src/verify/ob2/model.js';
import { fromOb05 } from '../../../src/verify/ob2/legacy.js';
import { findRevocation } from '../../../src/verify/ob2/revocation-list.js';
import { checkScope } from '../../../src/verify/ob2/scope.js';
import { checkAssertion, checkBadgeClass, checkProfile } from '../../../src/verify/ob2/structure.js';

const OB2 = 'https://w3id.org/openbadges/v2';
const assertion = () => ({
  '@context': OB2,
  type: 'Assertion',
  id: 'https://example.org/a.json',
  recipient: { type: 'email', hashed: true, salt: 's', identity: `sha256$${'a'.repeat(64)}` },
  badge: 'https://example.org/b.json',
  verification: { type: 'hosted' },
  issuedOn: '2020-01-01T00:00:00Z',
});
const without = (obj: Record<string, unknown>, key: string) => {
  const copy = { ...obj };
  delete copy[key];
  return copy;
};
const first = (issues: ReturnType<typeof checkAssertion>) => issues.filter((i) => !i.warning).map((i) => [i.code, i.property])[0];

describe('OB 2.0 Assertion rules', () => {
  it('passes a complete hosted assertion', () => {
    expect(checkAssertion(assertion(), '2.0')).toEqual([]);
  });

  it.each(['recipient', 'badge', 'verification', 'issuedOn', 'id', 'type'])('reports MISSING_PROPERTY Assertion.%s', (prop) => {
    expect(first(checkAssertion(without(assertion(), prop), '2.0'))).toEqual(['MISSING_PROPERTY', `Assertion.${prop}`]);
  });

  it.each([
    ['recipient.identity', { recipient: { type: 'email', hashed: false } }, 'MISSING_PROPERTY'],
    ['recipient.hashed', { recipient: { type: 'email', identity: 'a@b.c', hashed: 'yes' } }, 'INVALID_PROPERTY'],
    ['recipient.identity', { recipient: { type: 'email', identity: 'sha1$abc', hashed: true } }, 'INVALID_PROPERTY'],
    ['recipient', { recipient: 'a@b.c' }, 'INVALID_PROPERTY'],
    ['badge', { badge: 42 }, 'INVALID_PROPERTY'],
    ['verification.type', { verification: { type: 'emailed' } }, 'INVALID_PROPERTY'],
    ['issuedOn', { issuedOn: 'soon' }, 'INVALID_PROPERTY'],
    ['expires', { expires: 'never' }, 'INVALID_PROPERTY'],
    ['id', { id: 'urn:uuid:1' }, 'INVALID_PROPERTY'],
    ['image', { image: 'data:image/png;base64,AAAA' }, 'INVALID_PROPERTY'],
    ['type', { type: 'OtherAssertion' }, 'INVALID_TYPE'],
    ['@context', { '@context': 'https://w3id.org/openbadges/invalid' }, 'INVALID_CONTEXT'],
  ])('reports %s wrong', (prop, patch, code) => {
    expect(first(checkAssertion({ ...assertion(), ...patch }, '2.0'))).toEqual([code, `Assertion.${prop}`]);
  });

  it('lets a signed assertion use a urn:uuid id', () => {
    expect(checkAssertion({ ...assertion(), id: 'urn:uuid:1', verification: { type: 'signed', creator: 'https://example.org/k' } }, '2.0')).toEqual([]);
  });

  it('requires a uid of OB 1.x assertions instead of an id', () => {
    const v10 = { uid: 'x', recipient: assertion().recipient, badge: 'https://example.org/b', verification: { type: 'hosted' }, issuedOn: 1359217910 };
    expect(checkAssertion(v10, '1.0')).toEqual([]);
    expect(first(checkAssertion(without(v10, 'uid'), '1.0'))).toEqual(['MISSING_PROPERTY', 'Assertion.uid']);
  });
});

describe('OB 2.0 BadgeClass and Profile rules', () => {
  const badgeClass = { type: 'BadgeClass', id: 'https://example.org/b', name: 'B', description: 'D', image: 'https://example.org/b.png', criteria: 'https://example.org/c', issuer: 'https://example.org/i' };

  it.each(['name', 'description', 'criteria', 'issuer', 'id'])('reports MISSING_PROPERTY BadgeClass.%s', (prop) => {
    expect(first(checkBadgeClass(without(badgeClass, prop), '2.0'))).toEqual(['MISSING_PROPERTY', `BadgeClass.${prop}`]);
  });

  it('only warns about a missing BadgeClass image', () => {
    const issues = checkBadgeClass(without(badgeClass, 'image'), '2.0');
    expect(issues).toEqual([expect.objectContaining({ property: 'BadgeClass.image', warning: true })]);
  });

  it('accepts a data: image on the BadgeClass', () => {
    expect(checkBadgeClass({ ...badgeClass, image: 'data:image/png;base64,AAAA' }, '2.0')).toEqual([]);
  });

  it('reports INVALID_TYPE for a Profile of another type, and MISSING_PROPERTY for its name', () => {
    expect(first(checkProfile({ type: 'Criteria', id: 'https://example.org/i', name: 'x' }, '2.0'))).toEqual(['INVALID_TYPE', 'Profile.type']);
    expect(first(checkProfile({ type: 'Profile', id: 'https://example.org/i' }, '2.0'))).toEqual(['MISSING_PROPERTY', 'Profile.name']);
  });

  it('warns about an issuer id that is not an HTTP URL', () => {
    expect(checkProfile({ type: 'Issuer', id: 'urn:uuid:1', name: 'x' }, '2.0')).toEqual([expect.objectContaining({ property: 'Profile.id', warning: true })]);
  });
});

describe('version detection', () => {
  it.each([
    [{ '@context': OB2, type: 'Assertion' }, '2.0'],
    [{ '@context': 'https://openbadgespec.org/v2/context.json' }, '2.0'],
    [{ '@context': { obi: 'https://w3id.org/openbadges#' } }, '2.0'],
    [{ '@context': 'https://w3id.org/openbadges/invalid', type: 'Assertion' }, '2.0'],
    [{ '@context': 'https://w3id.org/openbadges/v1', type: 'Assertion' }, '1.1'],
    [{ uid: '1', verify: { type: 'hosted', url: 'https://example.org/a' } }, '1.0'],
    [{ recipient: 'a@b.c', badge: { issuer: { origin: 'https://example.org' } } }, '0.5'],
    [{ name: 'not a badge' }, null],
  ])('detects %j as %s', (node, version) => {
    expect(detectVersion(node as Record<string, unknown>)).toBe(version);
  });

  it('tells assertions from BadgeClasses, Profiles and revoked stubs', () => {
    expect(nodeKind({ type: 'BadgeClass' }, '2.0')).toBe('BadgeClass');
    expect(nodeKind({ type: 'Profile' }, '2.0')).toBe('Profile');
    expect(nodeKind({ id: 'https://example.org/a', revoked: true }, '2.0')).toBe('Assertion');
    expect(nodeKind({ type: 'CoolClass' }, '2.0')).toBe('other');
  });

  it('reads verification types in every spelling', () => {
    expect(verificationType({ verification: { type: 'HostedBadge' } })).toBe('hosted');
    expect(verificationType({ verify: { type: 'signed' } })).toBe('signed');
    expect(verificationType({ verification: { type: ['obi:SignedBadge'] } })).toBe('signed');
    expect(verificationType({})).toBeNull();
  });

  it('maps an OB 0.5 assertion, resolving paths against the issuer origin', () => {
    const mapped = fromOb05({ recipient: 'a@b.c', issued_on: '2012-01-01', badge: { name: 'N', image: '/i.png', criteria: '/c', issuer: { origin: 'https://example.org', name: 'I' } } }, 'https://example.org/a.json');
    expect(mapped).toMatchObject({ id: 'https://example.org/a.json', recipient: { identity: 'a@b.c', hashed: false }, badge: { image: 'https://example.org/i.png', issuer: { url: 'https://example.org' } } });
  });
});

describe('verification scope', () => {
  const issuer = (verification?: unknown) => ({ id: 'https://issuer.example.org/profile', ...(verification ? { verification } : {}) });

  it('defaults to the host of the issuer id', () => {
    expect(checkScope('https://issuer.example.org/a/1', issuer(), 'https://issuer.example.org/profile').ok).toBe(true);
    expect(checkScope('http://issuer.example.org/a/1', issuer(), 'https://issuer.example.org/profile').ok).toBe(true);
    expect(checkScope('https://other.example.org/a/1', issuer(), 'https://issuer.example.org/profile').ok).toBe(false);
  });

  it('lets allowedOrigins replace the default host', () => {
    const policy = issuer({ allowedOrigins: ['cdn.example.net'] });
    expect(checkScope('https://cdn.example.net/a', policy, policy.id).ok).toBe(true);
    expect(checkScope('https://issuer.example.org/a', policy, policy.id).ok).toBe(false);
  });

  it('requires one startsWith prefix to match', () => {
    const policy = issuer({ startsWith: ['https://issuer.example.org/badges/', 'https://issuer.example.org/old/'] });
    expect(checkScope('https://issuer.example.org/old/1', policy, policy.id).ok).toBe(true);
    expect(checkScope('https://issuer.example.org/other/1', policy, policy.id).ok).toBe(false);
  });

  it('cannot decide for an issuer without an HTTP id or a policy', () => {
    expect(checkScope('https://x.example.org/a', { id: 'urn:uuid:1' }, 'urn:uuid:1').ok).toBe('unknown');
  });
});

describe('revocation lists', () => {
  const list = { revokedAssertions: ['urn:uuid:1', { id: 'urn:uuid:2', revocationReason: 'why' }, { uid: 'u3', revocationReason: 'old' }] };

  it('finds bare string, {id} and legacy {uid} entries', () => {
    expect(findRevocation(list, 'urn:uuid:1', null)).toEqual({ revoked: true, reason: null });
    expect(findRevocation(list, 'urn:uuid:2', null)).toEqual({ revoked: true, reason: 'why' });
    expect(findRevocation(list, 'urn:uuid:9', 'u3')).toEqual({ revoked: true, reason: 'old' });
    expect(findRevocation(list, 'urn:uuid:9', null)).toEqual({ revoked: false });
  });

  it('reads the OB 1.0 uid → reason map', () => {
    expect(findRevocation({ abc: 'gone' }, null, 'abc')).toEqual({ revoked: true, reason: 'gone' });
    expect(findRevocation({ abc: 'gone' }, null, 'xyz')).toEqual({ revoked: false });
  });

  it('returns null for something that is not a revocation list', () => {
    expect(findRevocation([1, 2], 'a', null)).toBeNull();
    expect(findRevocation({ '@context': OB2, type: 'Issuer', name: 'x' }, 'a', null)).toBeNull();
    expect(findRevocation({ revokedAssertions: 5 }, 'a', null)).toBeNull();
  });
});
