import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchema, validateAchievementCredential } from '../../../src/verify/ob3/schema.js';
import { CORPUS, corpusJson, fixtureFetch } from '../../helpers/corpus-fetch.js';
import { makeContext } from '../status/helpers.js';

/** INDEX.md rows whose offline check says SCHEMA-OK or SCHEMA-FAIL: <first error>. */
function schemaRows(): { path: string; ok: boolean; firstError: string | undefined }[] {
  const index = readFileSync(new URL('INDEX.md', CORPUS), 'utf8');
  const rows = [];
  for (const line of index.split('\n')) {
    const match = /^\| `([^`]+)` .*SCHEMA-(OK|FAIL)(?:: ([^|]*?))?\s*\|\s*$/.exec(line);
    if (!match) continue;
    rows.push({ path: match[1]!, ok: match[2] === 'OK', firstError: match[3]?.trim() });
  }
  return rows;
}

async function schemaCheck(credential: Record<string, unknown>, strictSchema = false) {
  const { fetch, calls } = fixtureFetch();
  const ctx = makeContext(fetch, { strictSchema });
  await checkSchema(credential, ctx);
  expect(calls).toEqual([]); // schemas are never fetched
  expect(ctx.checks.items).toHaveLength(1);
  return ctx.checks.items[0]!;
}

const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/ob30/';
const SPEC = '1EdTech-openbadges-specification/ob_v3p0/examples-extracted/';
const JSON_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const JSON_LD_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json';

describe('validateAchievementCredential on the conformance corpus', () => {
  const rows = schemaRows();

  it('has the INDEX.md rows to check', () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.some((r) => r.ok)).toBe(true);
    expect(rows.some((r) => !r.ok)).toBe(true);
  });

  it.each(rows)('$path → SCHEMA-OK $ok', async ({ path, ok, firstError }) => {
    const result = await validateAchievementCredential(corpusJson(path));
    expect(result.valid).toBe(ok);
    if (ok) expect(result.errors).toEqual([]);
    else if (firstError) expect(result.errors.map((e) => `${e.instancePath || '/'} ${e.message}`)).toContain(firstError);
  });
});

/**
 * The interpreter and the compacted schema against ajv compiling the schema as published
 * (scripts/build-schema-validator.mjs runs the same comparison exhaustively at build time).
 * inlineRefs: false because ajv's inlined `contains` has a stale-variable bug (see there).
 */
describe('validateAchievementCredential agrees with ajv on the untouched schema', () => {
  const published = JSON.parse(readFileSync(new URL('1EdTech-ob-v3p0-json-schema/ob_v3p0_achievementcredential_schema.json', CORPUS), 'utf8'));
  const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: true, inlineRefs: false }).compile(published);
  const credentials = schemaRows().map((row) => corpusJson(row.path));
  const DELETE = Symbol('delete');
  const replacement = fc.oneof(
    fc.constant(DELETE),
    fc.constantFrom(null, 7, 'x', true, [], {}, 'ext:Custom', 'Profile', 'Achievement', 'emailAddress', 'en-US', 'a.b.c', ['Profile'], [{}]),
    fc.jsonValue({ maxDepth: 2 }),
  );

  /** Every [parent, key] position in a document, the root excluded. */
  function positions(doc: unknown): [Record<string | number, unknown>, string | number][] {
    const out: [Record<string | number, unknown>, string | number][] = [];
    const walk = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const key of Object.keys(node)) {
        out.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
        walk((node as Record<string, unknown>)[key]);
      }
    };
    walk(doc);
    return out;
  }

  async function expectSameAsAjv(doc: unknown) {
    const valid = ajv(doc) as boolean;
    const errors = (ajv.errors ?? []).map((e) => ({ instancePath: e.instancePath, message: e.message }));
    expect(await validateAchievementCredential(doc)).toEqual({ valid, errors });
  }

  it('on every corpus credential', async () => {
    for (const credential of credentials) await expectSameAsAjv(credential);
  });

  it('on corpus credentials with random edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(credentials.length - 1), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 4 }), async (which, edits) => {
        const doc = structuredClone(credentials[which]);
        for (const [at, value] of edits) {
          const all = positions(doc);
          if (all.length === 0) break;
          const [parent, key] = all[at % all.length]!;
          // A copy: fast-check hands out the same constant objects again, and a later edit
          // writing into one of them would carry over to other runs (or make a cycle).
          if (value !== DELETE) parent[key] = structuredClone(value);
          else if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key];
        }
        await expectSameAsAjv(doc);
      }),
      { numRuns: 500 },
    );
  });

  it('on documents that are no credential at all', async () => {
    for (const doc of [null, 0, 'credential', [], {}, [{}], { credentialSubject: null }]) await expectSameAsAjv(doc);
  });
});

describe('checkSchema', () => {
  it('passes a credential that declares the schema and conforms to it', async () => {
    const credential = corpusJson(`${SPEC}fullOpenBadge.json`);
    expect(credential.credentialSchema).toEqual([expect.objectContaining({ id: JSON_URL })]);
    expect(await schemaCheck(credential)).toMatchObject({ id: 'schema', status: 'passed' });
  });

  it('answers the JSON-LD variant of the schema URL from the same bundled copy', async () => {
    const credential = { ...corpusJson(`${SPEC}fullOpenBadge.json`), credentialSchema: [{ id: JSON_LD_URL, type: '1EdTechJsonSchemaValidator2019' }] };
    expect(await schemaCheck(credential)).toMatchObject({ status: 'passed' });
  });

  it('warns about a credential that does not conform, naming the problem', async () => {
    const check = await schemaCheck(corpusJson(`${DCPV}simple-err-proof-method.json`));
    expect(check).toMatchObject({ id: 'schema', status: 'warning', code: 'SCHEMA_INVALID' });
    expect(check.message).toContain('/proof must be array');
  });

  it('fails a credential that does not conform when strictSchema is set', async () => {
    expect(await schemaCheck(corpusJson(`${DCPV}simple-err-proof-method.json`), true)).toMatchObject({
      status: 'failed',
      code: 'SCHEMA_INVALID',
    });
  });

  it('lists only the first few problems', async () => {
    const credential = { credentialSchema: { id: JSON_URL, type: '1EdTechJsonSchemaValidator2019' }, proof: 1, issuer: 2, validFrom: 3, name: 4 };
    const check = await schemaCheck(credential);
    expect(check.status).toBe('warning');
    expect(check.message!.split(';').length).toBe(4); // three problems and "and N more"
    expect(check.message).toMatch(/and \d+ more$/);
  });

  it('does not throw on values no credential has', async () => {
    for (const weird of [{ credentialSchema: { id: JSON_URL, type: '1EdTechJsonSchemaValidator2019' }, credentialSubject: [[[null]]] }]) {
      expect(await schemaCheck(weird as Record<string, unknown>)).toMatchObject({ status: 'warning', code: 'SCHEMA_INVALID' });
    }
  });

  function issuedByOrgChain(levels: number): Record<string, unknown> {
    let org: Record<string, unknown> = { id: 'https://org.example/0', type: ['Profile'] };
    for (let i = 1; i < levels; i++) org = { id: `https://org.example/${i}`, type: ['Profile'], parentOrg: org };
    return { ...corpusJson(`${SPEC}fullOpenBadge.json`), issuer: org };
  }

  it('passes a credential whose issuer has a long but plausible chain of parent organisations', async () => {
    expect(await schemaCheck(issuedByOrgChain(50))).toMatchObject({ status: 'passed' });
  });

  it('reports a pathologically deep credential as not conforming instead of overflowing the stack', async () => {
    const check = await schemaCheck(issuedByOrgChain(100_000));
    expect(check).toMatchObject({ status: 'warning', code: 'SCHEMA_INVALID' });
    expect(check.message).toContain('could not be validated');
  });

  describe('skips', () => {
    it('a credential that declares no credentialSchema', async () => {
      const credential = corpusJson('digitalcredentials-verifier-core/credentials/v2/v2NoStatus.json');
      expect(credential.credentialSchema).toBeUndefined();
      expect(await schemaCheck(credential)).toMatchObject({ status: 'skipped' });
    });

    it('a schema URL that is not bundled, without fetching it', async () => {
      // complete_v1.json names the older .../schema/achievementcredential.json URL.
      expect(await schemaCheck(corpusJson(`${DCPV}complete_v1.json`))).toMatchObject({ status: 'skipped' });
    });

    it('the EndorsementCredential schema, which is not bundled', async () => {
      const check = await schemaCheck(corpusJson(`${DCPV}endorsement-valid.json`));
      expect(check).toMatchObject({ status: 'skipped' });
      expect(check.message).toContain('endorsementcredential');
    });

    it('a credentialSchema of another type', async () => {
      const credential = { credentialSchema: { id: JSON_URL, type: 'JsonSchema' } };
      expect(await schemaCheck(credential)).toMatchObject({ status: 'skipped' });
    });

    it('an empty credentialSchema array', async () => {
      expect(await schemaCheck(corpusJson('digitalcredentials-verifier-core/credentials/eddsa/v2/safeModeBreaker.json'))).toMatchObject({
        status: 'skipped',
      });
    });
  });
});
