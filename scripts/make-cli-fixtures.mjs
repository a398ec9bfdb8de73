#!/usr/bin/env node
/**
 * Writes the fixtures of the command-line tests (test/fixtures/cli/). Deterministic: the
 * same files every run, no keys or clocks involved. OB 2.0 hosted badges need no
 * signature (the hosted copy at the assertion's id is the proof), which lets the CLI tests
 * exercise real verification without depending on the signing fixtures of other areas.
 *
 *   node scripts/make-cli-fixtures.mjs
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'cli');
const ORIGIN = 'https://badges.example.org';
const OB2 = 'https://w3id.org/openbadges/v2';

const files = new Map();
const json = (file, value) => files.set(file, `${JSON.stringify(value, null, 2)}\n`);

// --- an OB 2.0 hosted issuer, badge class and assertions, served under badges.example.org ---
json('hosted/issuer.json', {
  '@context': OB2,
  type: 'Profile',
  id: `${ORIGIN}/issuer.json`,
  name: 'Example Robotics Academy',
  url: ORIGIN,
  email: 'badges@example.org',
});
json('hosted/badges/robotics.json', {
  '@context': OB2,
  type: 'BadgeClass',
  id: `${ORIGIN}/badges/robotics.json`,
  name: 'Robotics Fundamentals',
  description: 'Built and programmed a line-following robot.',
  image: `${ORIGIN}/images/robotics.png`,
  criteria: { narrative: 'Complete the robotics course and demonstrate a working robot.' },
  issuer: `${ORIGIN}/issuer.json`,
});
const assertion = (name, extra) =>
  json(`hosted/assertions/${name}.json`, {
    '@context': OB2,
    type: 'Assertion',
    id: `${ORIGIN}/assertions/${name}.json`,
    recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
    badge: `${ORIGIN}/badges/robotics.json`,
    verification: { type: 'hosted' },
    issuedOn: '2026-01-15T00:00:00Z',
    ...extra,
  });
assertion('valid', {});
assertion('expired', { expires: '2026-06-30T00:00:00Z' });
assertion('revoked', { revoked: true, revocationReason: 'Issued in error' });
// The same assertion, presented from a file whose id is not in the map: unreachable hosted copy.
json('unlisted-assertion.json', {
  '@context': OB2,
  type: 'Assertion',
  id: 'https://unlisted.example.org/assertions/1.json',
  recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
  badge: `${ORIGIN}/badges/robotics.json`,
  verification: { type: 'hosted' },
  issuedOn: '2026-01-15T00:00:00Z',
});
// Inputs that are not badges at all.
files.set('not-json.json', 'this is not JSON {\n');
json('not-a-badge.json', { hello: 'world' });
// Serves every URL under the origin from hosted/ (prefix rule).
json('resources.json', { exact: {}, prefixes: { [`${ORIGIN}/`]: 'hosted/' } });

// --- the resources-map unit fixtures: exact, prefix, did:web by DID, traversal targets ---
json('map/resources.json', {
  description: 'extra keys such as this one are ignored',
  exact: {
    'https://issuer.example.org/profile': 'documents/profile.json',
    'did:web:issuer.example.org:people:ada': 'documents/did-ada.json',
    'https://other.example.org/.well-known/did.json': 'documents/did-other.json',
  },
  prefixes: {
    'https://static.example.org/': 'static/',
    'https://static.example.org/deep/': 'static/deep-override/',
  },
});
json('map/documents/profile.json', { id: 'https://issuer.example.org/profile', type: 'Profile', name: 'Issuer' });
json('map/documents/did-ada.json', { id: 'did:web:issuer.example.org:people:ada' });
json('map/documents/did-other.json', { id: 'did:web:other.example.org' });
json('map/static/list.json', { type: 'RevocationList', revokedAssertions: [] });
files.set('map/static/status-list', '{"type": ["VerifiableCredential"]}\n');
json('map/static/deep-override/x.json', { which: 'override' });
// Outside every prefix directory: a traversal must never reach it.
files.set('map/secret.txt', 'top secret: not a served resource\n');

for (const [file, content] of files) {
  const target = path.join(root, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
}
console.log(`wrote ${files.size} files to ${path.relative(process.cwd(), root)}`);
