/**
 * OB 3.0 JSON Schema check (1EdTechJsonSchemaValidator2019).
 */
import type { VerifyContext } from '../context.js';

/**
 * Records one `schema` check: passed, or `warning` SCHEMA_INVALID (failed SCHEMA_INVALID when
 * ctx.options.strictSchema). Skipped when the credential declares no known
 * 1EdTechJsonSchemaValidator2019 credentialSchema.
 *
 * @example
 * ```ts
 * await checkSchema(credential, ctx);
 * ```
 */
export async function checkSchema(credential: Record<string, unknown>, ctx: VerifyContext): Promise<void> {
  void credential;
  // Work in progress: never claim a schema check that did not run.
  ctx.checks.skip('schema', 'JSON Schema validation is not available yet');
}
