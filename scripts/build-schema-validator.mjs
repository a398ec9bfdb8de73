#!/usr/bin/env node
/**
 * Generates src/verify/ob3/schema/achievement-credential.generated.js (+ .d.ts): the 1EdTech
 * OB 3.0 AchievementCredential JSON Schema (draft 2019-09) as a compact data module, which
 * our interpreter (src/verify/ob3/schema/json-schema.ts) applies at run time. No JSON Schema
 * engine ships; ajv (a devDependency) is used here only as the reference to agree with.
 *
 *   node scripts/build-schema-validator.mjs [path/to/ob_v3p0_achievementcredential_schema.json]
 *
 * The schema is 1EdTech specification material that the product ships; it is read from the
 * conformance corpus by default. What does not affect validation is dropped: annotations
 * (description, $comment, title, ...: most of the bytes), `format` (not validated, as ajv
 * without ajv-formats does not), `$schema` and `$id`. The script then refuses a schema that
 * uses a keyword our interpreter does not know (it would be ignored silently), a `$ref` that
 * does not resolve, or a `$ref` loop that could recurse without descending into the document.
 *
 * Finally it cross-checks: the interpreter with the generated data (bundled by esbuild from
 * src/, as the library ships it) must give the same verdict and the same errors (instancePath
 * and message, in order) as ajv compiling the untouched schema, on every OB 3.0 JSON file of
 * the corpus and on mutations of them (properties deleted, values of the wrong type, strings
 * swapped for enum members and pattern matches, extra properties and items, and random
 * combinations of these), which exercise every keyword's failing and passing sides.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Ajv2019 from 'ajv/dist/2019.js';
import { build } from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
// As the tests find it: ../shared/conformance beside the repository, or $VB_CONFORMANCE.
const corpus = process.env.VB_CONFORMANCE ?? join(repo, '..', 'shared', 'conformance');
const schemaPath = process.argv[2] ?? join(corpus, '1EdTech-ob-v3p0-json-schema', 'ob_v3p0_achievementcredential_schema.json');
const schemaDir = join(repo, 'src', 'verify', 'ob3', 'schema');
const outJs = join(schemaDir, 'achievement-credential.generated.js');
const outDts = join(schemaDir, 'achievement-credential.generated.d.ts');

/** Keywords that never change a verdict here (format: ajv validates none without ajv-formats). */
const DROPPED = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'format', '$schema', '$id']);
/** Keywords whose value is one subschema or an array of them, or a map of name → subschema. */
const SUBSCHEMA = ['items', 'additionalItems', 'additionalProperties', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** Drop what does not affect validation, walking only schema positions (property *names* are kept). */
function compact(schema) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (SUBSCHEMA.includes(key)) out[key] = Array.isArray(value) ? value.map(compact) : compact(value);
    else if (SUBSCHEMA_MAP.includes(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, compact(sub)]));
    } else out[key] = value;
  }
  return out;
}

// The interpreter and the generated data, bundled as the browser build bundles them.
async function bundle(entry, minify) {
  const result = await build({ entryPoints: [join(schemaDir, entry)], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', minify, write: false, logLevel: 'silent' });
  return result.outputFiles[0].text;
}
const importText = (code) => import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

const { JSON_SCHEMA_KEYWORDS } = await importText(await bundle('json-schema.ts', false));
const TYPES = ['object', 'array', 'string', 'number', 'boolean'];

/**
 * Throws unless every keyword is one the interpreter implements, with a value it expects.
 * Returns every schema object in it, and the keywords that can report an error of their own
 * (not only their subschemas').
 */
function assertSupported(root) {
  const problems = [];
  const nodes = [];
  const failing = new Set();
  const isSchema = (s) => typeof s === 'boolean' || (s !== null && typeof s === 'object' && !Array.isArray(s));
  const visit = (node, at) => {
    if (!isSchema(node)) return problems.push(`${at}: not a schema`);
    if (typeof node === 'boolean') return;
    nodes.push(node);
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key}`;
      // additionalItems/additionalProperties report errors of their own only when false.
      const ownErrors = !['$ref', '$defs', 'allOf', 'items', 'properties'].includes(key) && !(key.startsWith('additional') && value !== false);
      if (ownErrors) failing.add(key);
      if (!JSON_SCHEMA_KEYWORDS.includes(key)) problems.push(`${here}: keyword not supported by src/verify/ob3/schema/json-schema.ts`);
      else if (key === 'type' && !TYPES.includes(value)) problems.push(`${here}: type ${JSON.stringify(value)} not supported`);
      else if (key === 'enum' && !(Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))) problems.push(`${here}: only an array of strings, numbers, booleans or null`);
      else if (key === 'required' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) problems.push(`${here}: not an array of names`);
      else if (key === 'minItems' && !Number.isInteger(value)) problems.push(`${here}: not an integer`);
      else if (key === 'pattern') {
        try {
          new RegExp(value, 'u');
        } catch (error) {
          problems.push(`${here}: ${error.message}`);
        }
      } else if (key === '$ref' && !(typeof value === 'string' && /^#(\/[^%]*)?$/.test(value) && resolve(root, value) !== undefined)) {
        problems.push(`${here}: ${JSON.stringify(value)} does not resolve inside the schema`);
      } else if (key === 'oneOf' || key === 'allOf' || (key === 'items' && Array.isArray(value))) {
        if (!Array.isArray(value)) problems.push(`${here}: not an array`);
        else value.forEach((sub, i) => visit(sub, `${here}/${i}`));
      } else if (key === '$defs' || key === 'properties') {
        for (const [name, sub] of Object.entries(value)) visit(sub, `${here}/${name}`);
      } else if (SUBSCHEMA.includes(key)) visit(value, here);
    }
  };
  visit(root, '#');
  if (problems.length) throw new Error(`the schema uses what the interpreter does not implement:\n  ${problems.join('\n  ')}`);
  return { nodes, failing };
}

function resolve(root, ref) {
  return ref
    .split('/')
    .slice(1)
    .reduce((node, segment) => node?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], root);
}

/**
 * Throws if a `$ref` can lead back to itself through `$ref`, `allOf` and `oneOf` alone: such
 * a loop never reaches deeper into the document, so MAX_NESTING would not stop it.
 */
function assertNoRefLoopInPlace(root, nodes) {
  const sameInstance = (node) => {
    if (typeof node !== 'object') return [];
    return [...(node.$ref ? [resolve(root, node.$ref)] : []), ...(node.allOf ?? []), ...(node.oneOf ?? [])];
  };
  const walk = (node, trail) => {
    if (trail.includes(node)) throw new Error('the schema has a $ref loop that does not descend into the document');
    for (const next of sameInstance(node)) walk(next, [...trail, node]);
  };
  for (const node of nodes) walk(node, []);
}

const original = JSON.parse(readFileSync(schemaPath, 'utf8'));
const compacted = compact(original);
const { nodes, failing: keywordsThatFail } = assertSupported(compacted);
assertNoRefLoopInPlace(compacted, nodes);

const banner = `// GENERATED by scripts/build-schema-validator.mjs from the 1EdTech OB 3.0 JSON Schema
// ${original.$id}
// (1EdTech specification material; see https://www.imsglobal.org/speclicense.html), without
// annotations and formats, which do not change a verdict. Do not edit.
`;
const data = JSON.stringify(compacted);
mkdirSync(schemaDir, { recursive: true });
writeFileSync(outJs, `${banner}export const achievementCredentialSchema = ${data};\n`);
writeFileSync(
  outDts,
  `// GENERATED by scripts/build-schema-validator.mjs. Do not edit.
import type { JsonSchemaObject } from './json-schema.js';
/** The OB 3.0 AchievementCredential JSON Schema, for validateJsonSchema in ./json-schema.ts. */
export declare const achievementCredentialSchema: JsonSchemaObject;
`,
);

// ---- Cross-check against ajv on the untouched schema ----

// inlineRefs: false, because ajv's inlined code declares the `contains` verdict with `var` in
// the loop over the items of an array: for an empty array after one that matched, the loop
// does not run and the stale `true` is taken (so [{type: ['Alignment']}, {type: []}] misses
// its "must contain" error). With every $defs entry its own function, each item gets a fresh
// variable, and ajv says what the schema means.
const reference = new Ajv2019.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: true, inlineRefs: false }).compile(original);
const shipped = await bundle('achievement-credential.ts', true);
const { validateAgainstAchievementCredentialSchema: ours } = await importText(shipped);

const digest = (text) => createHash('sha256').update(text).digest('base64');
const seen = new Set();
let compared = 0;
let invalid = 0;
/** How often each keyword failed, in ajv's report: the mutations must reach every one. */
const failures = new Map();
/** Validates `doc` with both; throws on the first disagreement. */
function compare(doc, what) {
  const text = JSON.stringify(doc);
  const key = digest(text);
  if (seen.has(key)) return;
  seen.add(key);
  const expected = { valid: reference(doc), errors: (reference.errors ?? []).map((e) => ({ instancePath: e.instancePath, message: e.message })) };
  const actual = ours(doc);
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    throw new Error(`the interpreter disagrees with ajv on ${what}:\n  document ${text.slice(0, 400)}\n  ajv  ${JSON.stringify(expected).slice(0, 1500)}\n  ours ${JSON.stringify(actual).slice(0, 1500)}`);
  }
  compared++;
  if (!expected.valid) invalid++;
  for (const { keyword } of reference.errors ?? []) failures.set(keyword, (failures.get(keyword) ?? 0) + 1);
}

function* jsonFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsonFiles(path);
    else if (name.endsWith('.json')) yield path;
  }
}
const credentials = [];
for (const file of jsonFiles(corpus)) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    continue;
  }
  if (!doc || typeof doc !== 'object' || !('credentialSubject' in doc)) continue;
  compare(doc, relative(corpus, file));
  credentials.push([relative(corpus, file), doc]);
}
const corpusCount = compared;

/** Every [parent, key] position in a document, the root excluded. */
function positions(doc) {
  const out = [];
  const walk = (node) => {
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      out.push([node, Array.isArray(node) ? Number(key) : key]);
      walk(node[key]);
    }
  };
  walk(doc);
  return out;
}

/** Strings the schema's enums and patterns accept (or nearly), to reach their passing sides. */
const PROBE_STRINGS = [
  'x',
  'ext:Custom',
  'ext:',
  'Profile',
  'Achievement',
  'emailAddress',
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
  'a..b',
  'en-Latn-US',
  'EN',
];
const WRONG_TYPES = [null, 7, 'x', true, [], {}];

/** Single edits at one position: the mutations each keyword's checks are most sensitive to. */
function* mutationsAt(value) {
  yield { delete: true };
  for (const wrong of WRONG_TYPES) yield { value: wrong };
  if (typeof value === 'string') for (const probe of PROBE_STRINGS) yield { value: probe };
  if (Array.isArray(value)) {
    yield { value: [...value, 'x'] };
    yield { value: [...value, {}] };
    yield { value: value.slice(1) };
    yield { value: [value] };
    if (value.length) yield { value: value[0] };
  } else if (value !== null && typeof value === 'object') {
    yield { value: { ...value, unexpectedProperty: 1 } };
    yield { value: [value] };
  } else yield { value: [value] };
}

function apply(parent, key, mutation) {
  const before = parent[key];
  if (!mutation.delete) parent[key] = mutation.value;
  else if (Array.isArray(parent)) parent.splice(key, 1);
  else delete parent[key];
  return () => {
    if (mutation.delete && Array.isArray(parent)) parent.splice(key, 0, before);
    else parent[key] = before;
  };
}

// Every single edit at every position of every corpus credential.
for (const [name, credential] of credentials) {
  const doc = structuredClone(credential);
  for (const [parent, key] of positions(doc)) {
    for (const mutation of mutationsAt(parent[key])) {
      const undo = apply(parent, key, mutation);
      compare(doc, `${name} with ${JSON.stringify(key)} edited`);
      undo();
    }
  }
}
const singleCount = compared - corpusCount;

// Random combinations of edits (a seeded generator, so a failure can be replayed).
let seed = 0x5eed;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
for (let round = 0; round < 4000; round++) {
  const [name, credential] = credentials[random(credentials.length)];
  const doc = structuredClone(credential);
  const edits = 2 + random(4);
  for (let e = 0; e < edits; e++) {
    const all = positions(doc);
    if (all.length === 0) break;
    const [parent, key] = all[random(all.length)];
    const options = [...mutationsAt(parent[key])];
    apply(parent, key, options[random(options.length)]);
  }
  compare(doc, `${name} after ${edits} random edits (round ${round})`);
}

// Documents that are not credentials at all, and deep but legal nesting.
for (const doc of [null, 0, 'x', [], {}, [{}], { credentialSubject: null }]) compare(doc, JSON.stringify(doc));
const [, full] = credentials.find(([name]) => name.endsWith('fullOpenBadge.json')) ?? credentials[0];
let org = { id: 'https://org.example/0', type: ['Profile'] };
for (let i = 1; i < 40; i++) org = { id: `https://org.example/${i}`, type: ['Profile'], parentOrg: org };
compare({ ...full, issuer: org }, 'a 40-level parentOrg chain');
compare({ ...full, issuer: { ...org, parentOrg: { ...org, type: 'Profile' } } }, 'a 40-level parentOrg chain with a wrong type inside');

// Each keyword of the schema that reports errors of its own must have failed somewhere, or
// the comparison above says little about it.
const unexercised = [...keywordsThatFail].filter((keyword) => !failures.has(keyword));
if (unexercised.length) throw new Error(`no cross-check input makes these keywords fail: ${unexercised.join(', ')}`);

const size = (text) => `${(text.length / 1024).toFixed(1)} KB minified, ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(2)} KB gzip`;
console.log(`wrote ${relative(repo, outJs)} (${data.length} bytes of schema data)`);
console.log(`interpreter + schema, as shipped: ${size(shipped)}`);
console.log(`failures seen, by keyword: ${[...failures].map(([keyword, n]) => `${keyword} ${n}`).join(', ')}`);
console.log(
  `agrees with ajv on ${corpusCount} corpus credentials, ${singleCount} single-edit and ${compared - corpusCount - singleCount} other variants (${invalid} of all ${compared} invalid)`,
);
