/**
 * OB 2.0 Extensions: an extension node (`type` includes `Extension`) names a JSON-LD context
 * whose `obi:validation` entries say which JSON Schema validates which extension type. The
 * node is compacted to the context's terms and checked against that schema.
 *
 * JSON-LD contexts are never fetched from the network by default: the extension context
 * comes from the caller's `documentLoader`; without one the extension is reported as not
 * validated (a warning, since an extension does not change who issued the badge). The
 * schema itself is an ordinary resource, fetched like any issuer document.
 */
import { validateJsonSchema } from './json-schema-lite.js';
import { asArray, boundedLoader, isHttpUrl, isObject, OB1_CONTEXTS, OB2_CONTEXTS, str, typesOf, type JsonObject, type VerifyContext } from './shared.js';

const MAX_NODES = 20;
const MAX_DEPTH = 6;

interface ExtensionNode {
  /** Where it sits, e.g. `Assertion.extensions:exampleExtension`. */
  path: string;
  node: JsonObject;
  contexts: string[];
}

/** Find extension nodes, carrying down the context URLs in scope. */
function findExtensions(node: unknown, path: string, inherited: string[], out: ExtensionNode[], depth: number): void {
  if (!isObject(node) || depth > MAX_DEPTH || out.length >= MAX_NODES) return;
  const own = asArray(node['@context']).filter((c): c is string => typeof c === 'string' && !OB2_CONTEXTS.has(c) && !OB1_CONTEXTS.has(c));
  const contexts = [...inherited, ...own];
  if (typesOf(node).includes('Extension')) out.push({ path, node, contexts });
  for (const [key, value] of Object.entries(node)) {
    if (key === '@context') continue;
    for (const item of asArray(value)) findExtensions(item, `${path}.${key}`, contexts, out, depth + 1);
  }
}

/** The last name segment of a type, so `extensions:X`, `obi:extensions/#X` and full IRIs agree. */
function localName(type: string): string {
  return type.split(/[#:/]/).filter(Boolean).pop() ?? type;
}

/** Term → expanded IRI from a context object (prefixes resolved one level, as the OB contexts use them). */
function termMap(context: unknown): Map<string, string> {
  const terms = new Map<string, string>();
  if (!isObject(context)) return terms;
  const raw = new Map<string, string>();
  for (const [term, def] of Object.entries(context)) {
    const iri = typeof def === 'string' ? def : isObject(def) ? str(def['@id']) : null;
    if (iri) raw.set(term, iri);
  }
  for (const [term, iri] of raw) {
    const colon = iri.indexOf(':');
    const prefix = colon > 0 ? raw.get(iri.slice(0, colon)) : undefined;
    terms.set(term, prefix && !iri.slice(colon + 1).startsWith('//') ? prefix + iri.slice(colon + 1) : iri);
  }
  return terms;
}

/** Rename full-IRI keys to the context's terms (the part of JSON-LD compaction schemas need). */
function compact(node: JsonObject, terms: Map<string, string>): JsonObject {
  const byIri = new Map<string, string>();
  for (const [term, iri] of terms) if (!byIri.has(iri)) byIri.set(iri, term);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    const expanded = terms.get(key) ?? key;
    out[byIri.get(expanded) ?? key] = value;
  }
  return out;
}

/**
 * Validate every extension in the assertion, recording the `extensions` check (only when
 * the assertion has extensions).
 *
 * @example
 * ```ts
 * await checkExtensions(assertion, ctx);
 * ```
 */
export async function checkExtensions(assertion: JsonObject, ctx: VerifyContext): Promise<void> {
  const docContexts = asArray(assertion['@context']).filter((c): c is string => typeof c === 'string' && !OB2_CONTEXTS.has(c) && !OB1_CONTEXTS.has(c));
  const found: ExtensionNode[] = [];
  for (const [key, value] of Object.entries(assertion)) {
    if (key === '@context') continue;
    for (const item of asArray(value)) findExtensions(item, `Assertion.${key}`, docContexts, found, 1);
  }
  if (found.length === 0) return;
  const loader = boundedLoader(ctx.options.documentLoader, ctx.options.signal, ctx.options.timeout);
  if (!loader) {
    ctx.checks.warn('extensions', 'CONTEXT_NOT_ALLOWED', `${found.length} extension(s) not validated: their JSON-LD contexts are not fetched without a documentLoader`);
    return;
  }
  const problems: { path: string; message: string }[] = [];
  const notes: string[] = [];
  let validated = 0;
  for (const { path, node, contexts } of found) {
    const types = typesOf(node).filter((t) => t !== 'Extension').map(localName);
    for (const url of new Set(contexts)) {
      let document: unknown;
      try {
        document = (await loader(url)).document;
      } catch {
        notes.push(`the context ${url} of ${path} could not be loaded`);
        continue;
      }
      if (typeof document === 'string') {
        try {
          document = JSON.parse(document);
        } catch {
          notes.push(`the context ${url} is not JSON`);
          continue;
        }
      }
      if (!isObject(document)) continue;
      const terms = termMap(document['@context']);
      for (const rule of asArray(document['obi:validation'] ?? document.validation)) {
        if (!isObject(rule)) continue;
        const validatesType = str(rule['obi:validatesType'] ?? rule.validatesType);
        const schemaUrl = str(rule['obi:validationSchema'] ?? rule.validationSchema);
        if (!validatesType || !schemaUrl || !types.includes(localName(validatesType))) continue;
        if (!isHttpUrl(schemaUrl)) {
          notes.push(`the schema ${schemaUrl} is not an http(s) URL`);
          continue;
        }
        let schema: unknown;
        try {
          schema = (await ctx.fetcher.getJson(schemaUrl)).json;
        } catch {
          notes.push(`the schema ${schemaUrl} for ${path} could not be fetched`);
          continue;
        }
        validated++;
        for (const message of validateJsonSchema(schema, compact(node, terms))) problems.push({ path, message: message.replace(/^\$/, path) });
      }
    }
  }
  const first = problems[0];
  if (first) ctx.checks.fail('extensions', 'INVALID_PROPERTY', problems.map((p) => p.message).join('; '), first.path);
  else if (notes.length > 0) ctx.checks.warn('extensions', 'RESOURCE_MALFORMED', `${validated} extension schema(s) passed; ${notes.join('; ')}`);
  else ctx.checks.pass('extensions', `${validated} extension schema(s) passed`);
}
