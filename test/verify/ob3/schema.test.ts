import { readFileSync } from 'node:fs';
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

  it('reports a pathologically deep credential as not conforming instead of overflowing the stack', async () => {
    let org: Record<string, unknown> = { id: 'https://org.example/0', type: ['Profile'] };
    for (let i = 1; i < 100_000; i++) org = { id: `https://org.example/${i}`, type: ['Profile'], parentOrg: org };
    const credential = { ...corpusJson(`${SPEC}fullOpenBadge.json`), issuer: org };
    expect(await schemaCheck(credential)).toMatchObject({ status: 'warning', code: 'SCHEMA_INVALID' });
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
