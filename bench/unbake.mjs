#!/usr/bin/env node
// Unbake benchmark: median time to unbake (a) a small ~2 KB PNG badge, (b) a >= 20 MB PNG
// photo with the badge iTXt chunk AFTER the image data, (c) an SVG badge. The images are
// built in memory (no large file in the repo) with real zlib image data, then baked with our
// own bake(). The point of (b): the reader skips IDAT by length, so its cost should stay
// close to (a) however big the picture is.
//
//   npm run bench                  (builds dist/ first)
//   UNBAKE_DIST=/path/to/unbake/index.js node bench/unbake.mjs
import { performance } from 'node:perf_hooks';
import { deflate } from 'pako';
import { concat, PNG_SIGNATURE, pngChunk, rgbHeader } from '../scripts/lib/png.mjs';

const target = process.env.UNBAKE_DIST ?? new URL('../dist/unbake/index.js', import.meta.url).href;
const { bake, unbakeBytes } = await import(target.startsWith('/') ? `file://${target}` : target);

// ---- inputs: PNG chunks from the fixture scripts' writer (scripts/lib/png.mjs)
/** An RGB image of deterministic noise (incompressible, like a photo), IDAT in 32 KiB pieces. */
function makePng(width, height) {
  const ihdr = rgbHeader(width, height);
  const stride = 1 + width * 3;
  const raw = new Uint8Array(height * stride);
  let seed = 0x2545f491;
  for (let i = 0; i < raw.length; i++) {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    raw[i] = i % stride === 0 ? 0 : seed & 0xff;
  }
  const z = deflate(raw, { level: 1 });
  const parts = [PNG_SIGNATURE, pngChunk('IHDR', ihdr)];
  for (let i = 0; i < z.length; i += 32 * 1024) parts.push(pngChunk('IDAT', z.subarray(i, i + 32 * 1024)));
  parts.push(pngChunk('IEND', new Uint8Array(0)));
  return concat(...parts);
}

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:6f1d0a40-0000-4000-8000-00000000be4c',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'https://example.org/issuers/1', type: ['Profile'], name: 'Bench Issuer' },
  validFrom: '2026-01-15T00:00:00Z',
  name: 'Benchmark badge',
  credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://example.org/achievements/1', type: ['Achievement'], name: 'Benchmark', criteria: { narrative: 'Ran the benchmark.' } } },
};

const svg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <title>Benchmark badge</title>
  <circle cx="256" cy="256" r="240" fill="#036"/>
${'  <path d="M108.382,0h23.077v22.8h21.11V0h23.078v69.044H152.57v-23.12h-21.11v23.12h-23.077V0z" fill="#fff"/>\n'.repeat(8)}</svg>
`;

const cases = [
  { name: 'small PNG badge', bytes: bake(makePng(24, 18), credential, { version: '3.0' }), runs: 5000 },
  { name: 'large PNG, iTXt after IDAT', bytes: bake(makePng(2700, 2700), credential, { version: '3.0' }), runs: 300 },
  { name: 'SVG badge', bytes: bake(svg, credential, { version: '3.0' }), runs: 5000 },
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rows = [];
for (const c of cases) {
  const check = unbakeBytes(c.bytes);
  if (check.payloadType !== 'json') throw new Error(`${c.name}: unexpected payload ${check.payloadType}`);
  for (let i = 0; i < Math.min(200, c.runs); i++) unbakeBytes(c.bytes); // warm-up
  const times = [];
  for (let i = 0; i < c.runs; i++) {
    const t0 = performance.now();
    unbakeBytes(c.bytes);
    times.push(performance.now() - t0);
  }
  rows.push({
    case: c.name,
    size: c.bytes.length >= 1 << 20 ? `${(c.bytes.length / (1 << 20)).toFixed(1)} MiB` : `${(c.bytes.length / 1024).toFixed(1)} KiB`,
    'median µs': (median(times) * 1000).toFixed(1),
    runs: c.runs,
  });
}

console.log(`unbake benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
console.table(rows);
