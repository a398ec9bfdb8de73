/**
 * The part of JSON Schema (draft-04 to 2019-09) that OB 2.0 extension schemas use: `type`,
 * `properties`, `required`, `items`, `enum`, `const`, `additionalProperties`, length and
 * range bounds, and `allOf`/`anyOf`/`oneOf`. Other keywords are ignored; `pattern` is
 * ignored on purpose (a schema is fetched from the network, and a hostile regular
 * expression could stall the verifier). Depth and error count are bounded.
 */
import { isObject, type JsonObject } from '../normalise-common.js';

const MAX_DEPTH = 32;
const MAX_ERRORS = 10;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: unknown, value: unknown): boolean {
  const actual = typeOf(value);
  const allowed = (Array.isArray(expected) ? expected : [expected]).filter((t): t is string => typeof t === 'string');
  if (allowed.length === 0) return true;
  return allowed.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function walk(schema: unknown, value: unknown, path: string, errors: string[], depth: number): void {
  if (errors.length >= MAX_ERRORS || !isObject(schema)) return;
  if (depth > MAX_DEPTH) {
    errors.push(`${path}: schema nested too deeply`);
    return;
  }
  const s = schema as JsonObject;
  if (s.type !== undefined && !typeMatches(s.type, value)) {
    errors.push(`${path} must be ${Array.isArray(s.type) ? s.type.join(' or ') : String(s.type)}, not ${typeOf(value)}`);
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path} is not one of the allowed values`);
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path} is not the required value`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && value.length < s.minLength) errors.push(`${path} is too short`);
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) errors.push(`${path} is too long`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path} is below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path} is above ${s.maximum}`);
  }
  if (isObject(value)) {
    const properties = isObject(s.properties) ? s.properties : {};
    if (Array.isArray(s.required)) {
      for (const name of s.required) if (typeof name === 'string' && !(name in value)) errors.push(`${path}.${name} is required`);
    }
    for (const [name, sub] of Object.entries(properties)) {
      if (Object.prototype.hasOwnProperty.call(value, name)) walk(sub, value[name], `${path}.${name}`, errors, depth + 1);
    }
    if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      for (const name of Object.keys(value)) {
        if (Object.prototype.hasOwnProperty.call(properties, name)) continue;
        if (s.additionalProperties === false) errors.push(`${path}.${name} is not allowed`);
        else walk(s.additionalProperties, value[name], `${path}.${name}`, errors, depth + 1);
      }
    }
  }
  if (Array.isArray(value) && s.items !== undefined) {
    value.slice(0, 1000).forEach((item, i) => walk(Array.isArray(s.items) ? s.items[i] : s.items, item, `${path}[${i}]`, errors, depth + 1));
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) walk(sub, value, path, errors, depth + 1);
  const passes = (sub: unknown) => {
    const inner: string[] = [];
    walk(sub, value, path, inner, depth + 1);
    return inner.length === 0;
  };
  if (Array.isArray(s.anyOf) && !s.anyOf.some(passes)) errors.push(`${path} matches none of anyOf`);
  if (Array.isArray(s.oneOf) && s.oneOf.filter(passes).length !== 1) errors.push(`${path} must match exactly one of oneOf`);
}

/**
 * Validate `value` against `schema`; returns the problems found (empty when valid).
 *
 * @example
 * ```ts
 * validateJsonSchema({ type: 'object', required: ['a'] }, {}) // ['$.a is required']
 * ```
 */
export function validateJsonSchema(schema: unknown, value: unknown): string[] {
  const errors: string[] = [];
  walk(schema, value, '$', errors, 0);
  return errors;
}
