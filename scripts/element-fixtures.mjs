#!/usr/bin/env node
/**
 * Writes the fixtures of the <verify-badge> tests (test/fixtures/element/): a small OB 2.0
 * hosted badge family on https://element.example.org (valid, revoked, expired), a badge
 * whose every text and URL carries an XSS payload, a PNG baked with the valid assertion,
 * and resources.json (the CONTRACT resources map) so tests answer every URL locally.
 *
 * Deterministic: fixed dates, no randomness; running it twice gives the same bytes.
 * We bake the PNG here with the scripts' own PNG writer (scripts/lib/png.mjs), not with
 * another layer's fixture script, so the element tests depend on no other area's fixtures.
 *
 * Usage: node scripts/element-fixtures.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { svgImage } from './lib/picture.mjs';
import { iTXtChunk, rgbPng } from './lib/png.mjs';

const out = new URL('../test/fixtures/element/', import.meta.url);
mkdirSync(out, { recursive: true });

const ORIGIN = 'https://element.example.org';
const CONTEXT = 'https://w3id.org/openbadges/v2';

const issuer = {
  '@context': CONTEXT,
  type: 'Issuer',
  id: `${ORIGIN}/issuer.json`,
  name: 'Example Robotics Academy',
  url: `${ORIGIN}/`,
  email: 'badges@element.example.org',
  image: svgImage('#1f6feb', 'ER'),
};

const badgeClass = {
  '@context': CONTEXT,
  type: 'BadgeClass',
  id: `${ORIGIN}/badges/robotics.json`,
  name: 'Robotics Fundamentals',
  description: 'Built and programmed a line-following robot.',
  image: svgImage('#8250df', 'R'),
  criteria: { id: `${ORIGIN}/criteria/robotics`, narrative: 'Complete the robotics workshop.' },
  issuer: issuer.id,
};

function assertion(name, extra = {}) {
  return {
    '@context': CONTEXT,
    type: 'Assertion',
    id: `${ORIGIN}/assertions/${name}.json`,
    recipient: { type: 'email', hashed: false, identity: 'jane@example.org' },
    badge: badgeClass.id,
    issuedOn: '2026-01-15T00:00:00Z',
    verification: { type: 'hosted' },
    ...extra,
  };
}

// Every field a viewer sees carries a payload: if any of it were parsed as HTML or used as a
// link/image URL unchecked, window.__xss would be set or a javascript: URL would be in the DOM.
const xssIssuer = {
  '@context': CONTEXT,
  type: 'Issuer',
  id: `${ORIGIN}/xss/issuer.json`,
  name: '<b onmouseover="window.__xss=\'issuer\'">Evil issuer</b>',
  url: 'javascript:window.__xss="issuer-url"',
  email: 'evil@element.example.org',
  image: 'javascript:window.__xss="issuer-image"',
};
const xssBadgeClass = {
  '@context': CONTEXT,
  type: 'BadgeClass',
  id: `${ORIGIN}/xss/badge.json`,
  name: '<img src=x onerror="window.__xss=\'name\'">',
  description: '<script>window.__xss="description"</script><iframe src="javascript:window.__xss=1"></iframe>',
  image: 'javascript:window.__xss="image"',
  criteria: { id: 'javascript:window.__xss="criteria"', narrative: '<a href="javascript:window.__xss=2">click</a>' },
  issuer: xssIssuer.id,
};
const xssAssertion = {
  ...assertion('xss'),
  id: `${ORIGIN}/xss/assertion.json`,
  recipient: { type: 'email', hashed: false, identity: '"><svg onload="window.__xss=\'recipient\'">@example.org' },
  badge: xssBadgeClass.id,
};

// Its issuer profile is not published anywhere: "cannot be checked", never valid.
const orphanBadgeClass = { ...badgeClass, id: `${ORIGIN}/badges/orphan.json`, name: 'Soldering Safety', description: 'Safe soldering practice.', issuer: `${ORIGIN}/gone/issuer.json` };

const files = {
  'issuer.json': issuer,
  'badge-robotics.json': badgeClass,
  'assertion-valid.json': assertion('valid'),
  'assertion-revoked.json': assertion('revoked', { revoked: true, revocationReason: 'Issued in error' }),
  'assertion-expired.json': assertion('expired', { issuedOn: '2025-01-15T00:00:00Z', expires: '2026-01-15T00:00:00Z' }),
  'badge-orphan.json': orphanBadgeClass,
  'assertion-orphan.json': { ...assertion('orphan'), badge: orphanBadgeClass.id },
  'xss-issuer.json': xssIssuer,
  'xss-badge.json': xssBadgeClass,
  'xss-assertion.json': xssAssertion,
};
for (const [name, value] of Object.entries(files)) writeFileSync(new URL(name, out), `${JSON.stringify(value, null, 2)}\n`);

const resources = {
  exact: {
    ...Object.fromEntries(Object.entries(files).map(([name, value]) => [value.id, name])),
    [`${ORIGIN}/valid.png`]: 'valid.png',
    [`${ORIGIN}/plain.png`]: 'plain.png',
  },
  prefixes: {},
};
writeFileSync(new URL('resources.json', out), `${JSON.stringify(resources, null, 2)}\n`);

// ---- a baked PNG: 48x48 RGB picture + iTXt "openbadges" holding the valid assertion ----
const picture = {
  size: 48,
  pixel: (x, y) => ((x - 23.5) ** 2 + (y - 23.5) ** 2 < 22 ** 2 ? [0x82, 0x50, 0xdf] : [0xff, 0xff, 0xff]),
};
writeFileSync(new URL('valid.png', out), rgbPng({ ...picture, chunks: [iTXtChunk('openbadges', JSON.stringify(files['assertion-valid.json']))] }));
// The same picture with nothing baked: the element must say "not a badge".
writeFileSync(new URL('plain.png', out), rgbPng(picture));

console.log(`wrote ${Object.keys(files).length + 3} files to ${out.pathname}`);
