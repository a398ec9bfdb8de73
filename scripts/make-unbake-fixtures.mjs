#!/usr/bin/env node
// Writes the unbake test fixtures to test/fixtures/unbake/: tiny PNGs built with our own
// chunk writer (IHDR + zlib IDAT + IEND), baked in every way the readers must cope with, and
// broken in the ways they must refuse; and small SVGs, hostile ones included.
// Deterministic: no clock, no randomness; re-running it rewrites identical bytes.
//
//   node scripts/make-unbake-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflate } from 'pako';
import { concat, latin1, PNG_SIGNATURE, pngChunk as chunk, rgbHeader, rgbScanlines } from './lib/png.mjs';

const OUT = new URL('../test/fixtures/unbake/', import.meta.url);
mkdirSync(OUT, { recursive: true });
const write = (name, data) => writeFileSync(new URL(name, OUT), data);

// ---------------------------------------------------------------- PNGs (scripts/lib/png.mjs writes the chunks)
const enc = new TextEncoder();

/** A 16x16 RGB gradient: the image data a real badge would have, only smaller. */
function imageChunks(idatPieces = 1) {
  const w = 16, h = 16;
  const ihdr = rgbHeader(w, h);
  const raw = rgbScanlines(w, h, (x, y) => [x * 16, y * 16, 128]);
  const z = deflate(raw, { level: 9 });
  const pieces = [];
  const size = Math.ceil(z.length / idatPieces);
  for (let i = 0; i < z.length; i += size) pieces.push(chunk('IDAT', z.subarray(i, i + size)));
  return { ihdr: chunk('IHDR', ihdr), idat: pieces, iend: chunk('IEND', new Uint8Array(0)) };
}
function png(...middle) {
  const { ihdr, idat, iend } = imageChunks();
  return concat(PNG_SIGNATURE, ihdr, ...idat, ...middle, iend);
}
const tEXt = (kw, text) => chunk('tEXt', concat(latin1(kw), [0], latin1(text)));
const zTXt = (kw, bytes) => chunk('zTXt', concat(latin1(kw), [0, 0], bytes));
function iTXt(kw, text, { compress = false } = {}) {
  const body = compress ? deflate(enc.encode(text), { level: 9 }) : enc.encode(text);
  return chunk('iTXt', concat(latin1(kw), [0, compress ? 1 : 0, 0, 0, 0], body));
}

const ob2 = (id) => JSON.stringify({
  '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id,
  recipient: { type: 'email', hashed: false, identity: 'alice@example.org' },
  badge: 'https://example.org/badges/1', issuedOn: '2026-01-15T00:00:00Z',
  verification: { type: 'hosted' },
});
const ob3 = (name) => JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:2f6c1c1e-0000-4000-8000-000000000001',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'https://example.org/issuers/1', type: ['Profile'], name: 'Example Issuer' },
  validFrom: '2026-01-15T00:00:00Z', name,
  credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://example.org/achievements/1', type: ['Achievement'], name, criteria: { narrative: 'Did the thing.' } } },
}, null, 2);

write('tiny.png', png());
write('text-url.png', png(tEXt('openbadges', 'https://example.org/assertions/tEXt')));
write('ztxt-json.png', png(zTXt('openbadges', deflate(enc.encode(ob2('https://example.org/assertions/zTXt'))))));
write('itxt-compressed.png', png(iTXt('openbadgecredential', ob3('Compressed iTXt – ünïcödé'), { compress: true })));
write('clr.png', png(iTXt('clrcredential', ob3('CLR'))));
write('two-chunks.png', png(iTXt('openbadges', 'https://example.org/first'), iTXt('openbadgecredential', 'https://example.org/second')));
{
  const { ihdr, idat, iend } = imageChunks(3);
  write('after-idat.png', concat(PNG_SIGNATURE, ihdr, tEXt('Software', 'make-unbake-fixtures'), ...idat,
    iTXt('openbadges', 'https://example.org/after-idat'), iend));
}
write('trailing-garbage.png', concat(png(iTXt('openbadges', 'https://example.org/trailing')), latin1('garbage after IEND')));
write('words.png', png(iTXt('openbadges', 'hello world, no badge here')));
{
  const baked = png(iTXt('openbadges', 'https://example.org/bad-crc'));
  const bad = baked.slice();
  bad[bad.length - 12 - 1] ^= 0xff; // last CRC byte of the chunk before IEND
  write('bad-crc.png', bad);
  write('truncated.png', baked.subarray(0, 60));
  const overrun = baked.slice();
  const at = baked.length - 12 - (12 + 'openbadges'.length + 5 + 'https://example.org/bad-crc'.length);
  new DataView(overrun.buffer).setUint32(at, 0x00ffffff); // iTXt claims 16 MB
  write('length-overrun.png', overrun);
}
write('ztxt-corrupt.png', png(zTXt('openbadges', Uint8Array.of(0x78, 0x9c, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02))));
{
  // 100 MB of spaces compresses to about 100 KB: the classic decompression bomb.
  const spaces = new Uint8Array(100 * 1024 * 1024).fill(0x20);
  const bomb = deflate(spaces, { level: 9 });
  write('zip-bomb.png', png(chunk('iTXt', concat(latin1('openbadgecredential'), [0, 1, 0, 0, 0], bomb))));
}

// ---------------------------------------------------------------- SVG fixtures
const svg = (inner, rootAttrs = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"${rootAttrs} viewBox="0 0 10 10">\n${inner}\n  <circle cx="5" cy="5" r="4" fill="#036"/>\n</svg>\n`;
const b64u = (s) => Buffer.from(s).toString('base64url');
const jws = `${b64u('{"alg":"RS256","typ":"JWT"}')}.${b64u('{"iss":"https://example.org/issuers/1"}')}.${b64u('not-a-real-signature')}`;

write('ob3-prefix-ob.svg', svg(`  <ob:credential><![CDATA[${ob3('Prefix ob')}]]></ob:credential>`, ' xmlns:ob="https://purl.imsglobal.org/ob/v3p0"'));
write('ob3-default-ns.svg', svg(`  <credential xmlns="https://purl.imsglobal.org/ob/v3p0">${ob3('Default & namespace <ok>').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}</credential>`));
write('ob3-jwt-verify.svg', svg(`  <openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="${jws}"></openbadges:credential>`));
write('ob2-jws-verify.svg', svg(`  <openbadges:assertion verify="${jws}"/>`, ' xmlns:openbadges="http://openbadges.org"'));
write('ob2-char-refs.svg', svg(`  <x:assertion xmlns:x="http://openbadges.org" verify="&#x68;ttps://example.org/a?x=1&amp;y=&#50;"/>`));
write('cdata-split.svg', svg(`  <o:credential xmlns:o="https://purl.imsglobal.org/ob/v3p0"><![CDATA[{"name":"a]]]]><![CDATA[>b","type":["VerifiableCredential"]}]]></o:credential>`));
write('wrong-namespace.svg', svg(`  <openbadges:credential xmlns:openbadges="https://example.org/not-open-badges"><![CDATA[{"a":1}]]></openbadges:credential>`));
write('nested-badge.svg', svg(`  <g><g><!-- a comment --><?pi data?><ob:assertion xmlns:ob="http://openbadges.org" verify="https://example.org/nested"/></g></g>`));
write('billion-laughs.svg', `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
  <openbadges:assertion verify="https://example.org/a">&lol9;</openbadges:assertion>
</svg>
`);
write('external-entity.svg', `<?xml version="1.0"?>
<!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
  <openbadges:assertion verify="https://example.org/a">&xxe;</openbadges:assertion>
</svg>
`);
write('entity-in-body.svg', svg(`  <!ENTITY x "y">\n  <openbadges:assertion verify="https://example.org/a"/>`, ' xmlns:openbadges="http://openbadges.org"'));
write('deep.svg', svg('<g>'.repeat(1000) + '</g>'.repeat(1000)));
write('unterminated.svg', svg(`  <openbadges:assertion verify="https://example.org/a"/>`, ' xmlns:openbadges="http://openbadges.org"').slice(0, -40));
write('unbound-prefix.svg', svg(`  <ob:credential><![CDATA[{"a":1}]]></ob:credential>`));
write('undefined-entity.svg', svg(`  <openbadges:assertion verify="https://example.org/a">&nbsp;</openbadges:assertion>`, ' xmlns:openbadges="http://openbadges.org"'));
write('mismatched-tags.svg', svg(`  <g><openbadges:assertion verify="https://example.org/a"/></h>`, ' xmlns:openbadges="http://openbadges.org"'));
write('not-svg.xml', `<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>\n`);
write('not-an-image.txt', 'just some words, not an image\n');
console.log('unbake fixtures written to', OUT.pathname);
