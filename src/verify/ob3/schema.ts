/**
 * OB 3.0 JSON Schema check: a `credentialSchema` of type `1EdTechJsonSchemaValidator2019`
 * naming the 1EdTech AchievementCredential schema is checked against the bundled copy of
 * that schema (compacted by scripts/build-schema-validator.mjs) by our own small
 * interpreter of the keywords it uses (./schema/json-schema.ts), so that no JSON Schema
 * engine ships; both are loaded only when a credential asks for them.
 *
 * Schema URLs are never fetched: the bundled copy answers the known 1EdTech URLs, and any
 * other schema is reported as skipped. Published variants of the schema disagree (the
 * bundled 2024 copy wants `proof` to be an array, for instance), so by default a failure is
 * a warning; `strictSchema` makes it fail the badge.
 */
import type { VerifyContext } from '../context.js';
import { typesOf } from '../json.js';
import type { JsonSchemaResult } from './schema/json-schema.js';

/** The credentialSchema type that asks for JSON Schema validation (1EdTech VCCS v1.0). */
export const JSON_SCHEMA_VALIDATOR_TYPE = '1EdTechJsonSchemaValidator2019';

/** URLs under which 1EdTech publishes the AchievementCredential schema we bundle. */
export const ACHIEVEMENT_CREDENTIAL_SCHEMA_URLS: readonly string[] = [
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json',
];

/** How many validator errors a message lists before summarising the rest. */
const ERRORS_IN_MESSAGE = 3;

const CHECK_ID = 'schema';

/** The outcome of validating a credential against the bundled AchievementCredential schema. */
export interface SchemaValidation {
  valid: boolean;
  /** Where and why, in the validator's words (`instancePath` is a JSON Pointer, "" for the root). */
  errors: { instancePath: string; message: string }[];
}

/**
 * The interpreter and the schema, imported on first use: most badges (and every page that
 * only shows badges) never need them. The module loader caches the module, so later calls
 * cost nothing and no state of our own is kept.
 */
async function loadValidator(): Promise<(credential: unknown) => JsonSchemaResult> {
  return (await import('./schema/achievement-credential.js')).validateAgainstAchievementCredentialSchema;
}

/**
 * Validate `credential` against the bundled OB 3.0 AchievementCredential JSON Schema,
 * whatever its `credentialSchema` says.
 *
 * @example
 * ```ts
 * const { valid, errors } = await validateAchievementCredential(credential);
 * if (!valid) console.log(errors[0]); // { instancePath: '/proof', message: 'must be array' }
 * ```
 */
export async function validateAchievementCredential(credential: unknown): Promise<SchemaValidation> {
  const validate = await loadValidator();
  try {
    return validate(credential);
  } catch (error) {
    // Only a pathologically deep document makes the interpreter give up (a RangeError).
    return { valid: false, errors: [{ instancePath: '', message: `could not be validated: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

function describeErrors(errors: SchemaValidation['errors']): string {
  const shown = errors.slice(0, ERRORS_IN_MESSAGE).map((e) => `${e.instancePath || '/'} ${e.message}`);
  const more = errors.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/**
 * Records one `schema` check: passed, or `warning` SCHEMA_INVALID (failed SCHEMA_INVALID when
 * ctx.options.strictSchema). Skipped when the credential declares no
 * 1EdTechJsonSchemaValidator2019 credentialSchema, or only schemas that are not bundled
 * (they are never fetched).
 *
 * @example
 * ```ts
 * await checkSchema(credential, ctx);
 * // ctx.checks.items → [{ id: 'schema', status: 'warning', code: 'SCHEMA_INVALID', message: '/proof must be array' }]
 * ```
 */
export async function checkSchema(credential: Record<string, unknown>, ctx: VerifyContext): Promise<void> {
  const declared = credential.credentialSchema;
  const entries = declared === undefined || declared === null ? [] : Array.isArray(declared) ? declared : [declared];
  const ids = entries
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null && typesOf(entry.type).includes(JSON_SCHEMA_VALIDATOR_TYPE))
    .map((entry) => (typeof entry.id === 'string' ? entry.id : ''));
  if (ids.length === 0) {
    ctx.checks.skip(CHECK_ID, `the credential declares no ${JSON_SCHEMA_VALIDATOR_TYPE} credentialSchema`);
    return;
  }
  const known = ids.filter((id) => ACHIEVEMENT_CREDENTIAL_SCHEMA_URLS.includes(id));
  const unknown = ids.filter((id) => !ACHIEVEMENT_CREDENTIAL_SCHEMA_URLS.includes(id));
  const notChecked = unknown.length
    ? ` (not checked, not bundled: ${unknown.map((id) => (id === '' ? '<no id>' : id.length > 120 ? `${id.slice(0, 120)}…` : id)).join(', ')})`
    : '';
  if (known.length === 0) {
    ctx.checks.skip(CHECK_ID, `no bundled JSON Schema for the declared credentialSchema${notChecked}`);
    return;
  }

  let result: SchemaValidation;
  try {
    result = await validateAchievementCredential(credential);
  } catch (error) {
    // The validator could not be loaded: we cannot say the credential conforms.
    const message = `the JSON Schema validator could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    if (ctx.options.strictSchema) ctx.checks.fail(CHECK_ID, 'SCHEMA_INVALID', message);
    else ctx.checks.warn(CHECK_ID, 'SCHEMA_INVALID', message);
    return;
  }
  if (result.valid) {
    ctx.checks.pass(CHECK_ID, `conforms to the OB 3.0 AchievementCredential JSON Schema${notChecked}`);
    return;
  }
  const message = `does not conform to the OB 3.0 AchievementCredential JSON Schema: ${describeErrors(result.errors)}`;
  if (ctx.options.strictSchema) ctx.checks.fail(CHECK_ID, 'SCHEMA_INVALID', message);
  else ctx.checks.warn(CHECK_ID, 'SCHEMA_INVALID', message);
}
