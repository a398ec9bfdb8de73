/**
 * The OB 0.5/1.x/2.0 cases of the shared conformance corpus, fed through verify() with a
 * fetch that answers from ../shared/conformance/url-map.json and nothing else. As INDEX.md
 * says, the hosted assertion files are their own hosted copies: the stub answers each
 * input's own id with the input file itself. Where our verdict differs from the source's,
 * the row says why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResultStatus } from '../../../src/errors.js';
import { verify } from '../../../src/verify/verify.js';
import type { DocumentLoader } from '../../../src/verify/options.js';
import { CORPUS, CORPUS_MAP, mapDocumentLoader, mapFetch, type Override } from '../../helpers/corpus-fetch.js';

/** JSON-LD contexts from the corpus map, as a caller-supplied loader (never the network). */
const documentLoader: DocumentLoader = mapDocumentLoader(CORPUS_MAP);

const NOW = '2026-11-23T00:00:00Z';
const OB20 = '1EdTech-digital-credentials-public-validator/test-resources/ob20/';

interface Case {
  file: string;
  status: ResultStatus;
  /** Codes that must be among the failed checks (or warnings, for warn:). */
  codes?: string[];
  warnings?: string[];
  /** Why we differ from INDEX.md, when we do. */
  differs?: string;
  /** For images: the corpus file that is the hosted copy of the baked assertion. */
  hosted?: string;
}

const CASES: Case[] = [
  { file: `${OB20}basic-assertion.json`, status: 'valid' },
  { file: `${OB20}simple-badge.png`, status: 'valid', hosted: `${OB20}basic-assertion.json` },
  { file: `${OB20}assertion-with-data-image.json`, status: 'invalid', codes: ['INVALID_PROPERTY'] },
  { file: `${OB20}assertion-with-endorsements.json`, status: 'valid' },
  { file: `${OB20}assertion-with-extension-node-basic.json`, status: 'valid' },
  { file: `${OB20}assertion-with-extension-node-invalid.json`, status: 'invalid', codes: ['INVALID_PROPERTY'] },
  { file: `${OB20}assertion-with-multiple-extensions.json`, status: 'valid' },
  {
    file: `${OB20}badge-class-with-language.json`,
    status: 'error',
    codes: ['NOT_A_BADGE'],
    differs: 'INDEX: valid as a BadgeClass. A BadgeClass awards nothing to anyone: not an awarded badge.',
  },
  { file: `${OB20}basic-assertion-expired-before-issued.json`, status: 'invalid', codes: ['INVALID_PROPERTY'] },
  { file: `${OB20}basic-assertion-expired.json`, status: 'expired', codes: ['EXPIRED'] },
  { file: `${OB20}basic-assertion-in-future.json`, status: 'not-yet-valid', codes: ['NOT_YET_VALID'] },
  { file: `${OB20}basic-assertion-invalid-context.json`, status: 'invalid', codes: ['INVALID_CONTEXT'] },
  { file: `${OB20}basic-assertion-invalid-type.json`, status: 'invalid', codes: ['INVALID_TYPE'] },
  { file: `${OB20}basic-assertion-no-public-key.json`, status: 'valid' },
  { file: `${OB20}basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json`, status: 'invalid', codes: ['ID_OUT_OF_SCOPE'] },
  { file: `${OB20}basic-assertion-with-allowed-origins-invalid-starts-with.json`, status: 'invalid', codes: ['ID_OUT_OF_SCOPE'] },
  { file: `${OB20}basic-assertion-with-allowed-origins-valid-multiple-starts-with.json`, status: 'valid' },
  { file: `${OB20}basic-assertion-with-allowed-origins-valid-starts-with.json`, status: 'valid' },
  { file: `${OB20}basic-assertion-with-allowed-origins.json`, status: 'valid' },
  { file: `${OB20}basic-assertion-with-language.json`, status: 'valid' },
  {
    file: `${OB20}issuer-compact-iri-validation.json`,
    status: 'error',
    codes: ['NOT_A_BADGE'],
    differs: 'INDEX: valid as an issuer Profile. A Profile is not an awarded badge.',
  },
  { file: `${OB20}rdf-validation/badge-class-invalid-issuer-type.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: INVALID. A BadgeClass is not a badge: error, not invalid.' },
  { file: `${OB20}rdf-validation/invalid-class.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: INVALID. Unknown node type: not a badge.' },
  { file: `${OB20}rdf-validation/invalid-empty-type.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: INVALID. Untyped node: not a badge.' },
  { file: `${OB20}rdf-validation/invalid-one-invalid-class.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: INVALID. Not a badge.' },
  { file: `${OB20}rdf-validation/valid-alignment-object.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: VALID (RDF type test). An AlignmentObject is not a badge.' },
  { file: `${OB20}rdf-validation/valid-badge-class-empty-criteria-type.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: VALID. A BadgeClass is not an awarded badge.' },
  { file: `${OB20}rdf-validation/valid-badge-class.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: VALID. A BadgeClass is not an awarded badge.' },
  { file: `${OB20}rdf-validation/valid-cool-class.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: VALID. A CoolClass node is not a badge.' },
  { file: `${OB20}rdf-validation/valid-issuer-extension.json`, status: 'error', codes: ['NOT_A_BADGE'], differs: 'INDEX: VALID. An issuer Profile is not a badge.' },
  { file: `${OB20}redirected-validation-subject.json`, status: 'error', codes: ['JSON_MALFORMED'] },
  { file: `${OB20}warning-issuer-non-http.json`, status: 'valid', warnings: ['ID_OUT_OF_SCOPE'] },
  { file: `${OB20}warning-with-redirection.json`, status: 'valid', warnings: ['HOSTED_MISMATCH'] },
  { file: '1EdTech-openbadges-specification/ob_v2p0/examples-extracted/revoked-hosted-assertion-410-body.json', status: 'revoked', codes: ['REVOKED'] },
  { file: `${OB20}simple.jwt`, status: 'valid' },
  { file: `${OB20}simple-not-revoked.jwt`, status: 'valid' },
  { file: `${OB20}simple-revoked.jwt`, status: 'revoked', codes: ['REVOKED'] },
  { file: '1EdTech-openbadges-specification/ob_v2p0/examples-extracted/signed-badge-example.jws', status: 'invalid', codes: ['KEY_NOT_OWNED'] },
  { file: 'mozilla-openbadges-bakery/test/baked.svg', status: 'indeterminate', codes: ['FETCH_FAILED'] },
  { file: 'mozilla-openbadges-bakery/test/no-json.svg', status: 'indeterminate', codes: ['FETCH_FAILED'] },
  { file: 'mozilla-openbadges-bakery/test/bad-json.svg', status: 'indeterminate', codes: ['FETCH_FAILED'] },
  { file: 'mozilla-openbadges-bakery/test/unbaked.png', status: 'error', codes: ['NOT_BAKED'] },
  { file: 'mozilla-openbadges-bakery/test/unbaked.svg', status: 'error', codes: ['NOT_BAKED'] },
];

/** The stub: the corpus map, plus each JSON input's own id answered with the input file. */
function fetchFor(file: URL, text: string | null): ReturnType<typeof mapFetch> {
  const overrides: Record<string, Override> = {};
  if (text !== null) {
    try {
      const id = (JSON.parse(text) as { id?: unknown }).id;
      if (typeof id === 'string') overrides[id] = { file };
    } catch {
      // not JSON: nothing to serve
    }
  }
  return mapFetch([CORPUS_MAP], overrides);
}

describe('OB 0.5/1.x/2.0 conformance corpus', () => {
  it('reports extensions as not validated (a warning) without a document loader', async () => {
    const file = new URL(`${OB20}assertion-with-extension-node-invalid.json`, CORPUS);
    const result = await verify(readFileSync(file, 'utf8'), { fetch: fetchFor(file, readFileSync(file, 'utf8')), now: NOW });
    expect(result.status).toBe('valid');
    expect(result.checks.find((c) => c.id === 'extensions')).toMatchObject({ status: 'warning', code: 'CONTEXT_NOT_ALLOWED' });
  });

  it('verifies the four hosted endorsements of assertion-with-endorsements', async () => {
    const file = new URL(`${OB20}assertion-with-endorsements.json`, CORPUS);
    const result = await verify(readFileSync(file, 'utf8'), { fetch: fetchFor(file, readFileSync(file, 'utf8')), now: NOW });
    expect(result.badge?.endorsements.map((e) => [e.issuer.name, e.status])).toEqual(Array.from({ length: 4 }, () => ['Example Issuer', 'valid']));
  });

  it.each(CASES.map((c) => ({ ...c, name: c.file.split('/').slice(-2).join('/') })))('$name is $status', async ({ file, status, codes = [], warnings = [], hosted }) => {
    const url = new URL(file, CORPUS);
    const bytes = new Uint8Array(readFileSync(url));
    const isText = /\.(json|jwt|jws)$/.test(file);
    const hostedFile = hosted === undefined ? url : new URL(hosted, CORPUS);
    const fetch = fetchFor(hostedFile, isText || hosted ? readFileSync(hostedFile, 'utf8') : null);
    const result = await verify(isText ? new TextDecoder().decode(bytes) : bytes, { fetch, now: NOW, label: file, documentLoader });
    const failed = result.checks.filter((c) => c.status === 'failed').map((c) => c.code);
    const warned = result.checks.filter((c) => c.status === 'warning').map((c) => c.code);
    expect({ status: result.status, failed, warned }).toMatchObject({ status });
    for (const code of codes) expect(failed).toContain(code);
    for (const code of warnings) expect(warned).toContain(code);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    for (const called of fetch.calls) expect(called).toMatch(/^https?:\/\/(www\.)?(example\.(org|com)|openbadgespec\.org)\//);
  });
});
