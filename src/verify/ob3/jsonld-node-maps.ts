/**
 * Closes a prototype-pollution hole in jsonld.js's node map, which every canonicalisation
 * (and so every Data Integrity proof check) builds.
 *
 * Why: jsonld.js indexes nodes by id in plain objects (`subjects[name] = subjects[name] || {}`,
 * then `subject['@id'] = name`). A credential whose `@id`-typed value is the string
 * `"__proto__"` (a `refreshService`, an `evidence` entry, an issuer `image`...) makes
 * `subjects["__proto__"]` resolve to `Object.prototype`, which then gets an `@id` property:
 * every object in the process has one from then on, and every later verification (any badge,
 * any caller) fails. Names such as `"constructor"` or `"toString"` likewise reach the
 * built-ins behind a plain object.
 *
 * How: node maps without a prototype. nodeMap.createNodeMap recurses through its module's
 * exported function for every node, so wrapping that function lets us give the graph map and
 * each graph's subject map a null prototype before any id is looked up in them: an id is then
 * only ever an own key. Nothing else changes: the maps hold the same entries, in the same
 * order, and are read with `Object.keys` (test/verify/ob3/pollution.test.ts).
 */
import nodeMap from 'jsonld/lib/nodeMap.js';

type CreateNodeMap = (input: unknown, graphs: Record<string, object>, graph: string, ...rest: unknown[]) => void;

const GUARDED = Symbol.for('verify-badge.jsonld-null-prototype-node-maps');

function withoutPrototype(map: object | undefined): void {
  if (map !== undefined && map !== null && Object.getPrototypeOf(map) !== null) Object.setPrototypeOf(map, null);
}

/**
 * Install the guard (once per jsonld.js instance; later calls do nothing).
 *
 * @example
 * ```ts
 * guardNodeMaps();
 * await suite.canonize(credential, options); // ids such as "__proto__" stay own keys
 * ```
 */
export function guardNodeMaps(): void {
  const api = nodeMap as unknown as { createNodeMap: CreateNodeMap } & Record<symbol, unknown>;
  if (api[GUARDED] === true || typeof api.createNodeMap !== 'function') return;
  const original = api.createNodeMap;
  api.createNodeMap = function createNodeMap(this: unknown, input, graphs, graph, ...rest) {
    withoutPrototype(graphs);
    withoutPrototype(graphs[graph]);
    return original.call(this, input, graphs, graph, ...rest);
  };
  Object.defineProperty(api, GUARDED, { value: true });
}
