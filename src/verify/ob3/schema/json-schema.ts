/**
 * A JSON Schema (draft 2019-09) interpreter for exactly the keywords the bundled OB 3.0
 * AchievementCredential schema uses, small enough to ship in the browser build in place of
 * a generated validator.
 *
 * Verdicts and errors are those of ajv (`allErrors: true`, `validateFormats: false`): the
 * same `instancePath`s, the same messages, in the same order. scripts/build-schema-validator.mjs
 * holds us to that on the conformance corpus and on thousands of mutations of it, and refuses
 * a schema with any keyword outside {@link JSON_SCHEMA_KEYWORDS} (an unknown keyword would be
 * silently ignored here, which is the one way to get a wrong "valid"). `format` is not
 * validated, as ajv without ajv-formats does not validate it; the build drops it.
 *
 * Work is bounded: one pass over the document per applicable subschema, no backtracking
 * beyond the schema's own patterns, and a nesting limit ({@link MAX_NESTING}) instead of a
 * stack overflow on a hostile document.
 */

/** The JSON types the supported `type` keyword can name. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean';

/** A schema in the supported subset; `true` accepts anything, `false` nothing. */
export type JsonSchema = boolean | JsonSchemaObject;

/** A schema object in the supported subset (see {@link JSON_SCHEMA_KEYWORDS}). */
export interface JsonSchemaObject {
  /** A JSON Pointer into the root schema, as a URI fragment: `#/$defs/Profile`. */
  $ref?: string;
  $defs?: Readonly<Record<string, JsonSchema>>;
  type?: JsonType;
  /** Strings, numbers, booleans or null: compared with `===`. */
  enum?: readonly unknown[];
  oneOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  /** A regular expression, compiled with the `u` flag as ajv's `unicodeRegExp` does. */
  pattern?: string;
  minItems?: number;
  /** One schema for every item, or one per position (then `additionalItems` covers the rest). */
  items?: JsonSchema | readonly JsonSchema[];
  additionalItems?: JsonSchema;
  contains?: JsonSchema;
  required?: readonly string[];
  properties?: Readonly<Record<string, JsonSchema>>;
  additionalProperties?: JsonSchema;
}

/** One problem: where (a JSON Pointer into the document, "" for the root) and why. */
export interface JsonSchemaError {
  instancePath: string;
  message: string;
}

/** The verdict; `errors` is empty exactly when `valid`. */
export interface JsonSchemaResult {
  valid: boolean;
  errors: JsonSchemaError[];
}

/** Every keyword {@link validateJsonSchema} understands; the build refuses a schema with others. */
export const JSON_SCHEMA_KEYWORDS: readonly string[] = [
  '$ref', '$defs', 'type', 'enum', 'oneOf', 'allOf', 'pattern',
  'minItems', 'additionalItems', 'items', 'contains', 'required', 'additionalProperties', 'properties',
];

/**
 * How many levels of arrays and objects a document may nest. The AchievementCredential
 * schema recurses (a Profile's `parentOrg` is a Profile), so a hostile document could
 * otherwise take the validator as deep as the call stack goes; real credentials nest a
 * dozen levels at most.
 */
export const MAX_NESTING = 100;

/**
 * The keywords that apply only to one type, in the order ajv evaluates them. ajv reports a
 * wrong `type` where that type's keywords would have run when the schema has some of them,
 * and before everything else when it has none; we follow, so the error lists are the same.
 */
const KEYWORDS_OF_TYPE: Readonly<Record<string, readonly (keyof JsonSchemaObject)[]>> = {
  string: ['pattern'],
  array: ['minItems', 'additionalItems', 'items', 'contains'],
  object: ['required', 'additionalProperties', 'properties'],
};

function typeOf(data: unknown): string {
  return Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data;
}

/** RFC 6901: `~` and `/` in a property name are escaped in a JSON Pointer. */
function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Validate `data` against `schema` (in the subset described by {@link JsonSchemaObject}).
 * Throws a RangeError when the document nests more than {@link MAX_NESTING} levels deep.
 *
 * @example
 * ```ts
 * validateJsonSchema({ type: 'object', required: ['id'] }, {});
 * // → { valid: false, errors: [{ instancePath: '', message: "must have required property 'id'" }] }
 * ```
 */
export function validateJsonSchema(schema: JsonSchema, data: unknown): JsonSchemaResult {
  const errors: JsonSchemaError[] = [];
  // Compiled once per call: the schema has a handful of patterns, used on many strings.
  const patterns = new Map<string, RegExp>();
  const fail = (instancePath: string, message: string) => errors.push({ instancePath, message });

  /** Applies `node` to `value`; true when it added no errors (ajv's notion of valid, too). */
  function check(node: JsonSchema | undefined, value: unknown, path: string, nesting: number): boolean {
    if (node === true || node === undefined) return true;
    if (node === false) return !fail(path, 'boolean schema is false');
    const before = errors.length;
    const actual = typeOf(value);
    const { type } = node;
    const typeKeywords = (group: string) => KEYWORDS_OF_TYPE[group]!.some((keyword) => node[keyword] !== undefined);
    if (type !== undefined && actual !== type && !(type in KEYWORDS_OF_TYPE && typeKeywords(type))) fail(path, `must be ${type}`);

    if (node.$ref !== undefined) check(resolve(node.$ref), value, path, nesting);
    if (node.enum !== undefined && !node.enum.includes(value)) fail(path, 'must be equal to one of the allowed values');
    if (node.oneOf !== undefined) {
      const start = errors.length;
      let passing = 0;
      // Like ajv, stop at the second option that matches: the verdict is known.
      for (const option of node.oneOf) if (check(option, value, path, nesting) && ++passing > 1) break;
      if (passing === 1) errors.length = start;
      else fail(path, 'must match exactly one schema in oneOf');
    }
    if (node.allOf !== undefined) for (const part of node.allOf) check(part, value, path, nesting);

    // The type-specific keywords, each group run only on data of its type.
    for (const group in KEYWORDS_OF_TYPE) {
      if (!typeKeywords(group)) continue;
      if (actual !== group) {
        if (type === group) fail(path, `must be ${type}`);
        continue;
      }
      if (group === 'string') {
        const source = node.pattern!;
        let pattern = patterns.get(source);
        if (!pattern) patterns.set(source, (pattern = new RegExp(source, 'u')));
        if (!pattern.test(value as string)) fail(path, `must match pattern "${source}"`);
        continue;
      }
      if (nesting >= MAX_NESTING) throw new RangeError(`the document nests more than ${MAX_NESTING} levels deep`);
      if (group === 'array') {
        const array = value as unknown[];
        const { items, contains } = node;
        if (node.minItems !== undefined && array.length < node.minItems) fail(path, `must NOT have fewer than ${node.minItems} items`);
        // additionalItems only means something after a list of positional item schemas.
        const positional = Array.isArray(items) ? (items as readonly JsonSchema[]) : undefined;
        const rest = node.additionalItems;
        if (positional && rest === false) {
          if (array.length > positional.length) fail(path, `must NOT have more than ${positional.length} items`);
        } else if (positional && rest !== undefined) {
          for (let i = positional.length; i < array.length; i++) check(rest, array[i], `${path}/${i}`, nesting + 1);
        }
        if (items !== undefined) {
          for (let i = 0; i < array.length && (!positional || i < positional.length); i++) {
            check(positional ? positional[i] : (items as JsonSchema), array[i], `${path}/${i}`, nesting + 1);
          }
        }
        if (contains !== undefined) {
          // ajv stops at the first matching item and then forgets the others' errors.
          const start = errors.length;
          let found = false;
          for (let i = 0; i < array.length && !found; i++) found = check(contains, array[i], `${path}/${i}`, nesting + 1);
          if (found) errors.length = start;
          else fail(path, 'must contain at least 1 valid item(s)');
        }
        continue;
      }
      const object = value as Record<string, unknown>;
      const properties = node.properties ?? {};
      for (const name of node.required ?? []) if (object[name] === undefined) fail(path, `must have required property '${name}'`);
      if (node.additionalProperties !== undefined) {
        for (const name of Object.keys(object)) {
          if (Object.hasOwn(properties, name)) continue;
          if (node.additionalProperties === false) fail(path, 'must NOT have additional properties');
          else check(node.additionalProperties, object[name], `${path}/${pointerSegment(name)}`, nesting + 1);
        }
      }
      for (const name in properties) {
        if (object[name] !== undefined) check(properties[name], object[name], `${path}/${pointerSegment(name)}`, nesting + 1);
      }
    }
    return errors.length === before;
  }

  /** `#/$defs/Name`: a JSON Pointer into the root schema (the build refuses percent-escapes). */
  function resolve(ref: string): JsonSchema | undefined {
    let node: unknown = schema;
    for (const segment of ref.split('/').slice(1)) {
      node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (node === undefined) throw new RangeError(`the schema has no ${ref}`);
    return node as JsonSchema;
  }

  const valid = check(schema, data, '', 0);
  return { valid, errors };
}
