import Ajv2019 from 'ajv/dist/2019.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, validateJsonSchema, type JsonSchema, type JsonSchemaObject } from '../../../../src/verify/ob3/schema/json-schema.js';

/** The errors as "<instancePath> <message>", the easiest form to read in a failing test. */
function problems(schema: JsonSchema, data: unknown): string[] {
  const result = validateJsonSchema(schema, data);
  expect(result.valid).toBe(result.errors.length === 0);
  return result.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('validateJsonSchema', () => {
  describe('type', () => {
    it.each([
      ['object', {}, [[], null, 'x']],
      ['array', [], [{}, 'x']],
      ['string', '', [1, null]],
      ['number', 1.5, ['1', true]],
      ['boolean', false, [0, 'false']],
    ] as const)('accepts a %s and reports anything else', (type, good, bad) => {
      expect(problems({ type }, good)).toEqual([]);
      for (const value of bad) expect(problems({ type }, value)).toEqual([`/ must be ${type}`]);
    });

    it('reports a wrong type first when the schema has no keywords of that type', () => {
      expect(problems({ type: 'string', enum: ['a'] }, 1)).toEqual(['/ must be string', '/ must be equal to one of the allowed values']);
    });

    it("reports a wrong type where that type's keywords would have run, as ajv does", () => {
      expect(problems({ type: 'array', minItems: 1, enum: ['a'] }, 'b')).toEqual(['/ must be equal to one of the allowed values', '/ must be array']);
    });

    it('runs the keywords of another type only on data of that type', () => {
      const schema: JsonSchemaObject = { pattern: '^a', minItems: 2, required: ['id'] };
      expect(problems(schema, 'b')).toEqual(['/ must match pattern "^a"']);
      expect(problems(schema, ['x'])).toEqual(['/ must NOT have fewer than 2 items']);
      expect(problems(schema, {})).toEqual(["/ must have required property 'id'"]);
      expect(problems(schema, 7)).toEqual([]);
    });
  });

  describe('enum', () => {
    it('compares with strict equality', () => {
      expect(problems({ enum: ['1', null] }, null)).toEqual([]);
      expect(problems({ enum: ['1', null] }, 1)).toEqual(['/ must be equal to one of the allowed values']);
    });
  });

  describe('pattern', () => {
    it('searches anywhere in the string unless anchored', () => {
      expect(problems({ pattern: 'ext:' }, 'x-ext:y')).toEqual([]);
      expect(problems({ pattern: '^ext:' }, 'x-ext:y')).toEqual(['/ must match pattern "^ext:"']);
    });

    it('compiles with the u flag, as ajv with unicodeRegExp does', () => {
      expect(problems({ pattern: '^\\p{Lu}' }, 'Émile')).toEqual([]);
      expect(problems({ pattern: '^.$' }, '😀')).toEqual([]);
    });
  });

  describe('objects', () => {
    it('reports every missing required property; undefined counts as missing', () => {
      expect(problems({ required: ['a', 'b', 'c'] }, { b: 1, c: undefined })).toEqual([
        "/ must have required property 'a'",
        "/ must have required property 'c'",
      ]);
    });

    it('applies properties to the values present, with JSON Pointer paths', () => {
      const schema: JsonSchemaObject = { properties: { 'a/b': { type: 'string' }, '~c': { type: 'string' }, d: { type: 'string' } } };
      expect(problems(schema, { 'a/b': 1, '~c': 2 })).toEqual(['/a~1b must be string', '/~0c must be string']);
    });

    it('reports each additional property at the object when additionalProperties is false', () => {
      const schema: JsonSchemaObject = { properties: { a: true }, additionalProperties: false };
      expect(problems(schema, { a: 1, b: 2, c: 3 })).toEqual(['/ must NOT have additional properties', '/ must NOT have additional properties']);
    });

    it('applies an additionalProperties schema to the values of the other properties', () => {
      const schema: JsonSchemaObject = { properties: { a: true }, additionalProperties: { type: 'number' } };
      expect(problems(schema, { a: 'x', b: 1, 'c/d': 'x' })).toEqual(['/c~1d must be number']);
    });

    it('checks required, then additional properties, then properties, as ajv orders them', () => {
      const schema: JsonSchemaObject = { properties: { a: { type: 'string' } }, required: ['z'], additionalProperties: false };
      expect(problems(schema, { a: 1, b: 2 })).toEqual(["/ must have required property 'z'", '/ must NOT have additional properties', '/a must be string']);
    });
  });

  describe('arrays', () => {
    it('reports too few items', () => {
      expect(problems({ minItems: 2 }, [1])).toEqual(['/ must NOT have fewer than 2 items']);
      expect(problems({ minItems: 2 }, [1, 2])).toEqual([]);
    });

    it('applies one items schema to every item', () => {
      expect(problems({ items: { type: 'string' } }, ['a', 1, 'b', null])).toEqual(['/1 must be string', '/3 must be string']);
    });

    it('applies positional items schemas and additionalItems to the rest', () => {
      const schema: JsonSchemaObject = { items: [{ enum: ['a'] }, { type: 'string' }], additionalItems: { type: 'number' } };
      expect(problems(schema, ['a'])).toEqual([]);
      expect(problems(schema, ['b', 2, 3, 'x'])).toEqual(['/3 must be number', '/0 must be equal to one of the allowed values', '/1 must be string']);
    });

    it('refuses items past the positional schemas when additionalItems is false', () => {
      const schema: JsonSchemaObject = { items: [true, true], additionalItems: false };
      expect(problems(schema, [1, 2])).toEqual([]);
      expect(problems(schema, [1, 2, 3, 4])).toEqual(['/ must NOT have more than 2 items']);
    });

    it('ignores additionalItems without positional items schemas', () => {
      expect(problems({ items: { type: 'number' }, additionalItems: false }, [1, 2, 3])).toEqual([]);
    });

    it('passes contains on the first matching item and forgets the errors of the items before it', () => {
      expect(problems({ contains: { enum: ['VC'] } }, ['a', 'VC', 'b'])).toEqual([]);
    });

    it('keeps every item error when no item matches contains', () => {
      expect(problems({ contains: { enum: ['VC'] } }, ['a', 'b'])).toEqual([
        '/0 must be equal to one of the allowed values',
        '/1 must be equal to one of the allowed values',
        '/ must contain at least 1 valid item(s)',
      ]);
    });

    it('fails contains on an empty array, even after an array that matched', () => {
      // ajv's inlined code skips this error (a stale variable); the build cross-checks with
      // inlineRefs: false, where ajv gets it right.
      const schema: JsonSchemaObject = { items: { properties: { type: { contains: { enum: ['A'] } } } } };
      expect(problems(schema, [{ type: ['A'] }, { type: [] }])).toEqual(['/1/type must contain at least 1 valid item(s)']);
    });
  });

  describe('combinators', () => {
    const oneOf: JsonSchemaObject = { oneOf: [{ type: 'string' }, { type: 'object', required: ['id'] }] };

    it('passes oneOf when exactly one option matches, without the other options\u2019 errors', () => {
      expect(problems(oneOf, 'x')).toEqual([]);
      expect(problems(oneOf, { id: 1 })).toEqual([]);
    });

    it("fails oneOf when no option matches, after the options' errors", () => {
      expect(problems(oneOf, {})).toEqual(['/ must be string', "/ must have required property 'id'", '/ must match exactly one schema in oneOf']);
    });

    it('fails oneOf when more than one option matches', () => {
      expect(problems({ oneOf: [{ type: 'string' }, { pattern: 'x' }] }, 'x')).toEqual(['/ must match exactly one schema in oneOf']);
    });

    it('stops at the second matching option, as ajv does', () => {
      expect(problems({ oneOf: [true, { enum: [1] }, { type: 'string' }] }, 1)).toEqual(['/ must match exactly one schema in oneOf']);
    });

    it('reports the errors of every allOf part', () => {
      expect(problems({ allOf: [{ minItems: 2 }, { contains: false }] }, [1])).toEqual([
        '/ must NOT have fewer than 2 items',
        '/0 boolean schema is false',
        '/ must contain at least 1 valid item(s)',
      ]);
    });

    it('accepts anything with true and nothing with false', () => {
      expect(problems(true, { any: 'thing' })).toEqual([]);
      expect(problems(false, null)).toEqual(['/ boolean schema is false']);
      expect(problems({ properties: { a: false } }, { a: 1 })).toEqual(['/a boolean schema is false']);
    });
  });

  describe('$ref', () => {
    it('follows a JSON Pointer into the root schema, escapes included', () => {
      const schema: JsonSchemaObject = { $defs: { 'a/b': { type: 'string' } }, properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#' } } };
      expect(problems(schema, { x: 'ok', y: { x: 1 } })).toEqual(['/y/x must be string']);
    });

    it('throws on a reference the schema does not have (the build refuses such a schema)', () => {
      expect(() => validateJsonSchema({ $ref: '#/$defs/missing' }, 1)).toThrow(RangeError);
    });
  });

  describe('nesting', () => {
    const tree: JsonSchemaObject = { $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' };
    function nested(levels: number): unknown {
      let node: Record<string, unknown> = {};
      for (let i = 1; i < levels; i++) node = { child: node };
      return node;
    }

    it(`validates documents up to ${MAX_NESTING} levels deep`, () => {
      expect(validateJsonSchema(tree, nested(MAX_NESTING))).toEqual({ valid: true, errors: [] });
    });

    it('throws a RangeError instead of recursing without bound on a deeper document', () => {
      expect(() => validateJsonSchema(tree, nested(MAX_NESTING + 1))).toThrow(RangeError);
      expect(() => validateJsonSchema(tree, nested(100_000))).toThrow(/nests more than/);
    });

    it('does not mind depth where the schema does not look', () => {
      expect(validateJsonSchema({ type: 'object' }, nested(100_000)).valid).toBe(true);
    });
  });
});

/**
 * Random schemas in the supported subset and random documents: our verdict and errors must
 * be ajv's. Arrays in the documents are never empty: ajv's inlined `contains` reads a stale
 * variable for an empty array after a matching one (see the test above and the build script),
 * which would be a difference in ajv's disfavour, not ours.
 */
describe('validateJsonSchema agrees with ajv', () => {
  const NAMES = ['a', 'b', 'c/d', 'e~f'];
  const PATTERNS = ['^a', 'b$', '^[a-z]+$', '(ext:)[a-z|A-Z]+', '^\\p{Lu}'];
  const TYPES = ['object', 'array', 'string', 'number', 'boolean'] as const;

  function schemaArbitrary(refs: boolean): fc.Arbitrary<JsonSchema> {
    const { schema } = fc.letrec<{ schema: JsonSchema; object: JsonSchemaObject }>((tie) => {
      const sub = tie('schema');
      const keyword = fc.oneof(
        fc.constantFrom(...TYPES).map((type) => ['type', type] as const),
        fc.uniqueArray(fc.constantFrom('a', 'A', 'ext:b', 1, true, null), { minLength: 1, maxLength: 3 }).map((values) => ['enum', values] as const),
        fc.constantFrom(...PATTERNS).map((pattern) => ['pattern', pattern] as const),
        fc.nat(3).map((n) => ['minItems', n] as const),
        fc.oneof(sub, fc.array(sub, { minLength: 1, maxLength: 3 })).map((items) => ['items', items] as const),
        sub.map((schema) => ['additionalItems', schema] as const),
        sub.map((schema) => ['contains', schema] as const),
        fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }).map((names) => ['required', names] as const),
        fc.dictionary(fc.constantFrom(...NAMES), sub, { maxKeys: 3 }).map((properties) => ['properties', properties] as const),
        sub.map((schema) => ['additionalProperties', schema] as const),
        fc.array(sub, { minLength: 1, maxLength: 3 }).map((options) => ['oneOf', options] as const),
        fc.array(sub, { minLength: 1, maxLength: 2 }).map((parts) => ['allOf', parts] as const),
        ...(refs ? [fc.constantFrom('#/$defs/d0', '#/$defs/d1').map((ref) => ['$ref', ref] as const)] : []),
      );
      return {
        schema: fc.oneof({ depthSize: 'small', maxDepth: 3 }, fc.boolean(), tie('object')),
        object: fc.array(keyword, { minLength: 1, maxLength: 4 }).map((pairs) => Object.fromEntries(pairs) as JsonSchemaObject),
      };
    });
    return schema;
  }

  // $defs entries have no $ref of their own, so no reference loop can recurse in place.
  const rootSchema = fc
    .record({ root: schemaArbitrary(true), d0: schemaArbitrary(false), d1: schemaArbitrary(false) })
    .map(({ root, d0, d1 }): JsonSchemaObject => ({ allOf: [root], $defs: { d0, d1 } }));

  const { document } = fc.letrec<{ document: unknown }>((tie) => ({
    document: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      fc.constantFrom('a', 'A', 'ab', 'ext:b', 'Émile', '', 0, 1.5, true, false, null),
      fc.array(tie('document'), { minLength: 1, maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...NAMES, 'z'), tie('document'), { maxKeys: 4 }),
    ),
  }));

  const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: true, inlineRefs: false });

  it('on random schemas and documents', () => {
    fc.assert(
      fc.property(rootSchema, fc.array(document, { minLength: 1, maxLength: 5 }), (schema, documents) => {
        const reference = ajv.compile(structuredClone(schema));
        for (const data of documents) {
          const valid = reference(data);
          const expected = { valid, errors: (reference.errors ?? []).map((e) => ({ instancePath: e.instancePath, message: e.message })) };
          expect(validateJsonSchema(schema, data)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
