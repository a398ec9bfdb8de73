/**
 * The OB 3.0 AchievementCredential validator: our interpreter (./json-schema.ts) over the
 * 1EdTech schema as scripts/build-schema-validator.mjs compacts it. src/verify/ob3/schema.ts
 * imports this module on demand, so both travel in one chunk that only an OB 3.0 credential
 * declaring the schema loads.
 */
import { achievementCredentialSchema } from './achievement-credential.generated.js';
import { validateJsonSchema, type JsonSchemaResult } from './json-schema.js';

/**
 * Validate `credential` against the bundled AchievementCredential schema. Throws a RangeError
 * for a document nested too deeply to validate (see MAX_NESTING in ./json-schema.ts).
 *
 * @example
 * ```ts
 * validateAgainstAchievementCredentialSchema({ proof: {} }).errors[0];
 * // → { instancePath: '', message: "must have required property '@context'" }
 * ```
 */
export function validateAgainstAchievementCredentialSchema(credential: unknown): JsonSchemaResult {
  return validateJsonSchema(achievementCredentialSchema, credential);
}
