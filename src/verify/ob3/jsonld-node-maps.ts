/**
 * Two guards on jsonld.js's node map, which every canonicalisation (and so every Data
 * Integrity proof check) builds from the credential.
 *
 * 1. Prototype pollution. jsonld.js indexes nodes by id in plain objects
 *    (`subjects[name] = subjects[name] || {}`, then `subject['@id'] = name`). A credential whose
 *    `@id`-typed value is the string `"__proto__"` (a `refreshService`, an `evidence` entry, an
 *    issuer `image`...) makes `subjects["__proto__"]` resolve to `Object.prototype`, which then
 *    gets an `@id` property: every object in the process has one from then on, and every later
 *    verification (any badge, any caller) fails. Names such as `"constructor"` or `"toString"`
 *    likewise reach the built-ins behind a plain object.
 *    How: nodeMap.createNodeMap recurses through its module's exported function for every
 *    node, so wrapping that function gives the graph map and each graph's subject map a null
 *    prototype before any id is looked up in them: an id is then only ever an own key.
 *
 * 2. Quadratic work. Adding a value to a node's property checks it against every value
 *    already there, so a property that ends up with n values costs n² (8,000 evidence entries:
 *    a second of CPU; nodes sharing one id merge their values, so no limit on the JSON's own
 *    arrays can bound it). util.addValue is reached through its module's exported function
 *    too: past MAX_VALUES_PER_PROPERTY values on one property, canonicalisation stops with
 *    PAYLOAD_TOO_LARGE. With the cap on the values of a whole credential (data-integrity.ts),
 *    the work is bounded by their product.
 *
 * Nothing else changes: the maps hold the same entries, in the same order, and produce the
 * same N-Quads (test/verify/ob3/pollution.test.ts, and the test vectors byte for byte).
 */
import nodeMap from 'jsonld/lib/nodeMap.js';
import util from 'jsonld/lib/util.js';
import { BadgeError } from '../../errors.js';

type CreateNodeMap = (input: unknown, graphs: Record<string, object>, graph: string, ...rest: unknown[]) => void;
type AddValue = (subject: Record<string, unknown>, property: string, value: unknown, options?: { allowDuplicate?: boolean }) => void;

/** Most values one property of one node may collect while a node map is built. */
export const MAX_VALUES_PER_PROPERTY = 1_000;

const GUARDED = Symbol.for('verify-badge.jsonld-node-map-guards');

function withoutPrototype(map: object | undefined): void {
  if (map !== undefined && map !== null && Object.getPrototypeOf(map) !== null) Object.setPrototypeOf(map, null);
}

/**
 * Install both guards (once per jsonld.js instance; later calls do nothing).
 *
 * @example
 * ```ts
 * guardNodeMaps();
 * await suite.canonize(credential, options); // ids such as "__proto__" stay own keys
 * ```
 */
export function guardNodeMaps(): void {
  const maps = nodeMap as unknown as { createNodeMap: CreateNodeMap } & Record<symbol, unknown>;
  const utils = util as unknown as { addValue: AddValue };
  if (maps[GUARDED] === true || typeof maps.createNodeMap !== 'function' || typeof utils.addValue !== 'function') return;
  const createNodeMap = maps.createNodeMap;
  maps.createNodeMap = function guardedCreateNodeMap(this: unknown, input, graphs, graph, ...rest) {
    withoutPrototype(graphs);
    withoutPrototype(graphs[graph]);
    return createNodeMap.call(this, input, graphs, graph, ...rest);
  };
  const addValue = utils.addValue;
  utils.addValue = function guardedAddValue(this: unknown, subject, property, value, options) {
    // Only the de-duplicating adds scan what is there; the others append in constant time.
    if (options?.allowDuplicate === false) {
      const values = subject[property];
      if (Array.isArray(values) && values.length >= MAX_VALUES_PER_PROPERTY) {
        throw new BadgeError('PAYLOAD_TOO_LARGE', `a node of the credential has more than ${MAX_VALUES_PER_PROPERTY} values for ${property}: too large to canonicalise`);
      }
    }
    return addValue.call(this, subject, property, value, options);
  };
  Object.defineProperty(maps, GUARDED, { value: true });
}
