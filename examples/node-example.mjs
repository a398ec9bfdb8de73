#!/usr/bin/env node
/**
 * Verify a badge from Node with the library API (run `npm run build` first).
 *
 *   node examples/node-example.mjs [badge-file]      (default: examples/badges/ob2-valid.png)
 *
 * The sample badges name resources on https://badges.example.org/, which does not exist:
 * this example answers those URLs from examples/resources/ with a small fetch built from
 * examples/resources.json. In your own code, leave `fetch` out to use the real network.
 */
import { readFile } from 'node:fs/promises';
import { verify } from '../dist/index.js';

const here = new URL('./', import.meta.url);
const file = process.argv[2] ?? new URL('badges/ob2-valid.png', here).pathname;
const map = JSON.parse(await readFile(new URL('resources.json', here), 'utf8'));

/** A fetch that answers the resources map from disk and refuses every other URL. */
async function localFetch(url) {
  const key = String(url).replace(/#.*$/, '');
  let path = map.exact?.[key];
  for (const [prefix, dir] of Object.entries(map.prefixes ?? {})) {
    if (path === undefined && key.startsWith(prefix)) path = dir + key.slice(prefix.length);
  }
  if (path === undefined || path.split('/').includes('..')) throw new TypeError(`not in resources.json: ${key}`);
  try {
    return new Response(await readFile(new URL(path, here)), { status: 200 });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

const result = await verify(new Uint8Array(await readFile(file)), { fetch: localFetch, label: file });

console.log(`${result.input}: ${result.status}${result.version ? ` (Open Badges ${result.version})` : ''}`);
if (result.badge) {
  console.log(`  ${result.badge.name ?? 'untitled'}, issued by ${result.badge.issuer.name ?? result.badge.issuer.id ?? 'unknown'}`);
}
for (const check of result.checks) {
  console.log(`  ${check.status.padEnd(7)} ${check.id}${check.code ? ` ${check.code}` : ''}${check.message ? `: ${check.message}` : ''}`);
}
process.exitCode = result.verified ? 0 : 1;
