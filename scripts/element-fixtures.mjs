#!/usr/bin/env node
/**
 * Writes the fixtures of the <verify-badge> tests (test/fixtures/element/): a small OB 2.0
 * hosted badge family on https://element.example.org (valid, revoked, expired), a badge
 * whose every text and URL carries an XSS payload, a PNG baked with the valid assertion,
 * and resources.json (the CONTRACT resources map) so tests answer every URL locally.
 *
 * Deterministic: fixed dates, no randomness; running it twice gives the same bytes.
 * We bake the PNG here with our own few lines (iTXt chunk + CRC) so the element tests do
 * not depend on another layer's fixture script.
 *
 * Usage: node scripts/element-fixtures.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = new URL('../test/fixtures/element/', import.meta.url);
mkdirSync(out, { recursive: true });

const ORIGIN = 'https://element.example.org';
const CONTEXT = 'https://w3id.org/openbadges/v2';

// A badge picture as an SVG data: URI: self-contained, so no test ever loads an image from the network.
function svgImage(fill, glyph) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><circle cx="48" cy="48" r="44" fill="${fill}"/><circle cx="48" cy="48" r="34" fill="none" stroke="#fff" stroke-width="4"/><text x="48" y="60" font-family="sans-serif" font-size="34" font-weight="700" fill="#fff" text-anchor="middle">${glyph}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

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
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const size = 48;
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 2; // RGB
const raw = Buffer.alloc(size * (1 + size * 3));
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const inside = (x - 23.5) ** 2 + (y - 23.5) ** 2 < 22 ** 2;
    const i = y * (1 + size * 3) + 1 + x * 3;
    raw[i] = inside ? 0x82 : 0xff;
    raw[i + 1] = inside ? 0x50 : 0xff;
    raw[i + 2] = inside ? 0xdf : 0xff;
  }
}
// iTXt: keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
const itxt = Buffer.concat([
  Buffer.from('openbadges\0\0\0\0\0', 'latin1'),
  Buffer.from(JSON.stringify(files['assertion-valid.json']), 'utf8'),
]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('iTXt', itxt),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('valid.png', out), png);
// The same picture with nothing baked: the element must say "not a badge".
writeFileSync(new URL('plain.png', out), Buffer.concat([png.subarray(0, 8 + 25), png.subarray(8 + 25 + 12 + itxt.length)]));

console.log(`wrote ${Object.keys(files).length + 3} files to ${out.pathname}`);
