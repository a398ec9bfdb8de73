#!/usr/bin/env node
// OB 3.0 verification benchmark: time per verification, warm (same process, after warm-up)
// and cold (a fresh `node` per sample: module loading, context processing and the first
// verification), for each proof type, against @digitalcredentials/verifier-core on the same
// credentials in the same run. Both run offline: verifier-core has no fetch option, so the
// global fetch is replaced by one that answers the OB JSON Schema from the conformance corpus
// (when present) and 404s everything else; verify-badge gets `offline: true`.
//
//   npm run bench                           (builds dist/ first)
//   VB_DIST=/tmp/vb-dist/index.js node bench/ob3.mjs
//   node bench/ob3.mjs --warm 200 --cold 7
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = new URL('./', import.meta.url);
const FIXTURES = new URL('../test/fixtures/ob3/', HERE);
// As the tests find it: ../shared/conformance beside the repository, or $VB_CONFORMANCE.
const CORPUS = process.env.VB_CONFORMANCE ? pathToFileURL(`${process.env.VB_CONFORMANCE.replace(/\/$/, '')}/`) : new URL('../../shared/conformance/', HERE);
const NOW = '2026-11-23T00:00:00Z';
const DIST = process.env.VB_DIST ?? fileURLToPath(new URL('../dist/index.js', HERE));

const CASES = {
  'eddsa-rdfc-2022': { file: 'valid-eddsa-rdfc-2022.json', json: true },
  Ed25519Signature2020: { file: 'valid-ed25519-signature-2020.json', json: true },
  'VC-JWT (EdDSA)': { file: 'jwt-eddsa-did-key.jwt', json: false },
};

const SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const SCHEMA_FILE = new URL('1EdTech-ob-v3p0-json-schema/ob_v3p0_achievementcredential_schema.json', CORPUS);

/** The only network verifier-core gets: the OB schema from the corpus, 404 for the rest. */
function installOfflineFetch() {
  const schema = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE) : null;
  globalThis.fetch = async (input) => {
    const url = String(input?.url ?? input);
    if (url === SCHEMA_URL && schema) return new Response(schema, { status: 200, headers: { 'content-type': 'application/json' } });
    return new Response('offline benchmark', { status: 404 });
  };
}

function input(name) {
  const { file, json } = CASES[name];
  const text = readFileSync(new URL(file, FIXTURES), 'utf8').trim();
  return json ? text : text;
}

/** A verifier: `impl` is 'verify-badge' or 'verifier-core'. Returns a function and its "ok" test. */
async function load(impl) {
  installOfflineFetch();
  if (impl === 'verify-badge') {
    const { verify } = await import(DIST);
    return async (text) => {
      const result = await verify(text, { now: NOW, offline: true });
      return result.status === 'valid';
    };
  }
  const { verifyCredential } = await import('@digitalcredentials/verifier-core');
  return async (text) => {
    const credential = JSON.parse(text);
    const result = await verifyCredential({ credential, knownDIDRegistries: [] });
    return !result.errors && result.log?.find((s) => s.id === 'valid_signature')?.valid === true;
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU milliseconds (user + system) of this process since `from`. */
const cpuMs = (from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** One measurement in this (fresh) process: `cold` = load + first verification, `warm` = after warm-up. */
async function child(mode, impl, name, iterations) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await load(impl);
  const text = input(name);
  let ok = await run(text);
  let result = { ms: performance.now() - t0, cpu: cpuMs(c0), ok };
  if (mode === 'warm') {
    // Long enough a warm-up for the JIT to settle (fewer rounds measure the compiler, not the code).
    for (let i = 0; i < 100; i++) ok = (await run(text)) && ok;
    // Batches, and the median batch: a neighbour's burst on a shared machine spoils a batch,
    // not the figure.
    const times = [];
    const batchCpu = [];
    const batch = Math.max(1, Math.floor(iterations / 10));
    for (let b = 0; b * batch < iterations; b++) {
      const c1 = process.cpuUsage();
      for (let i = 0; i < batch; i++) {
        const t = performance.now();
        ok = (await run(text)) && ok;
        times.push(performance.now() - t);
      }
      batchCpu.push(cpuMs(c1) / batch);
    }
    result = { ms: median(times), cpu: median(batchCpu), ok };
  }
  // verifier-core logs to stdout; the result is the last line, marked.
  process.stdout.write(`\n@@result ${JSON.stringify(result)}\n`);
}

/** Run one measurement in a fresh node process (so neither library warms the other's caches). */
function measure(mode, impl, name, iterations) {
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, impl, name, String(iterations)], { encoding: 'utf8', env: process.env });
  if (out.status !== 0) throw new Error(`child failed: ${out.stderr}`);
  const line = out.stdout.split('\n').find((l) => l.startsWith('@@result '));
  if (!line) throw new Error(`child printed no result: ${out.stdout.slice(-300)}`);
  return JSON.parse(line.slice('@@result '.length));
}

function warm(impl, name, iterations) {
  return measure('warm', impl, name, iterations);
}

function cold(impl, name, samples) {
  const runs = Array.from({ length: samples }, () => measure('cold', impl, name, 0));
  return { ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpu)), ok: runs.every((r) => r.ok) };
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await child(args[1], args[2], args[3], Number(args[4]));
} else {
  const opt = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const iterations = opt('--warm', 300);
  const samples = opt('--cold', 5);
  const rows = [];
  for (const name of Object.keys(CASES)) {
    const ours = { warm: warm('verify-badge', name, iterations), cold: cold('verify-badge', name, samples) };
    // verifier-core has no VC-JWT support: that row is ours alone.
    const theirs = CASES[name].json
      ? { warm: warm('verifier-core', name, iterations), cold: cold('verifier-core', name, samples) }
      : null;
    rows.push({ name, ours, theirs });
  }
  // Wall time is what a user waits for, but on a shared machine it mostly measures the
  // neighbours; CPU time (user + system) of the verifying process is the steadier figure,
  // and the speed-up is computed from it.
  const fmt = (r) => (r ? `${r.ms.toFixed(2)} ms wall / ${r.cpu.toFixed(2)} ms cpu${r.ok ? '' : ' (NOT VERIFIED)'}` : 'n/a');
  const ratio = (a, b) => (a && b ? `${(b.cpu / a.cpu).toFixed(1)}x` : 'n/a');
  console.log(`OB 3.0 verification, ${iterations} warm runs (median wall, median cpu of 10 batches) / ${samples} cold processes (median) — node ${process.version}`);
  console.log('proof type | verify-badge warm | verifier-core warm | warm speed-up (cpu) | verify-badge cold | verifier-core cold | cold speed-up (cpu)');
  for (const { name, ours, theirs } of rows) {
    console.log(
      [name, fmt(ours.warm), fmt(theirs?.warm), ratio(ours.warm, theirs?.warm), fmt(ours.cold), fmt(theirs?.cold), ratio(ours.cold, theirs?.cold)].join(' | '),
    );
  }
}
