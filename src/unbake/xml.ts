/**
 * A small, bounded, namespace-aware XML scanner: just enough XML to find the badge element
 * of an SVG in Node, browsers and workers alike (Node has no DOMParser), and nothing that
 * could be turned against us. It never resolves a DTD or an entity: an internal DTD subset or
 * any entity, element or attribute-list declaration is refused as unsafe, a DOCTYPE that only
 * names an external DTD (as SVG 1.1 editors write) is skipped unread, and the only references
 * understood are the five predefined entities and numeric character references. Nesting depth
 * and collected text are capped; everything else is one linear pass over the string.
 *
 * @packageDocumentation
 */
import { BadgeError } from '../errors.js';

/** The `xml` prefix is bound by definition (Namespaces in XML 1.0 §3). */
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** An attribute as written: the value is raw (references not yet decoded). */
export interface XmlAttribute {
  qname: string;
  prefix: string | null;
  local: string;
  raw: string;
}

/** An element, with its place in the text so callers can cut it out or insert after it. */
export interface XmlElement {
  qname: string;
  prefix: string | null;
  local: string;
  /** Namespace URI after resolving the prefix (or the default namespace); null for none. */
  namespace: string | null;
  attributes: XmlAttribute[];
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just past `>` of the start tag. */
  startTagEnd: number;
  /** Offset just past `>` of the end tag (equals startTagEnd for `<x/>`); -1 while open. */
  end: number;
  selfClosing: boolean;
  /** 1 for the root element. */
  depth: number;
  /** Resolves a prefix in this element's scope (null prefix: the default namespace). */
  lookup(prefix: string | null): string | null | undefined;
}

/** Limits and hooks for {@link scanXml}. */
export interface XmlScanOptions {
  /** Deepest nesting accepted. */
  maxDepth: number;
  /** Longest text collected for one element (in UTF-16 code units). */
  maxTextLength: number;
  /** Return true for elements whose text (character data and CDATA) should be collected. */
  collect?: (element: XmlElement) => boolean;
}

/** What {@link scanXml} found. */
export interface XmlScanResult {
  root: XmlElement;
  /** Elements chosen by `collect`, in document order, with their direct text decoded. */
  collected: { element: XmlElement; text: string }[];
}

function malformed(message: string, at: number): BadgeError {
  return new BadgeError('SVG_MALFORMED', `${message} (at character ${at}).`);
}

function unsafe(message: string): BadgeError {
  return new BadgeError('SVG_UNSAFE', message);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Name characters, loosely: everything that cannot end a name in a tag. */
function isNameChar(c: number): boolean {
  return !(
    isSpace(c) ||
    c === 0x3e /* > */ ||
    c === 0x2f /* / */ ||
    c === 0x3d /* = */ ||
    c === 0x3c /* < */ ||
    c === 0x22 /* " */ ||
    c === 0x27 /* ' */ ||
    c === 0x26 /* & */ ||
    Number.isNaN(c)
  );
}

function splitQName(qname: string, at: number): { prefix: string | null; local: string } {
  const colon = qname.indexOf(':');
  if (colon < 0) return { prefix: null, local: qname };
  if (colon === 0 || colon === qname.length - 1 || qname.indexOf(':', colon + 1) >= 0) {
    throw malformed(`"${qname.slice(0, 40)}" is not a valid qualified name`, at);
  }
  return { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) };
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Replaces the predefined entity references and numeric character references in `s`. Any
 * other reference is an error: with DTDs refused there is nothing that could define it.
 *
 * @throws BadgeError `SVG_MALFORMED` for an unknown or broken reference.
 * @example
 * ```ts
 * decodeReferences('a &amp; b &#x263A;', 0) // 'a & b ☺'
 * ```
 */
export function decodeReferences(s: string, at: number): string {
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return out + s.slice(i);
    out += s.slice(i, amp);
    const semi = s.indexOf(';', amp + 1);
    // Longest legal reference is "&#x10FFFF;"; a far-away ';' means a bare '&'.
    if (semi < 0 || semi - amp > 12) throw malformed('A bare "&" or an unterminated reference', at + amp);
    const name = s.slice(amp + 1, semi);
    if (name.startsWith('#')) {
      const hex = name[1] === 'x';
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) throw malformed('A broken character reference', at + amp);
      const cp = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) throw malformed('A character reference to a character XML forbids', at + amp);
      out += String.fromCodePoint(cp);
    } else {
      const v = PREDEFINED[name];
      if (v === undefined) throw malformed(`The entity "&${name.slice(0, 20)};" is not defined`, at + amp);
      out += v;
    }
    i = semi + 1;
  }
}

/**
 * The value of an attribute with references decoded and literal tabs and line breaks turned
 * into spaces, as XML attribute-value normalisation requires.
 *
 * @example
 * ```ts
 * attributeValue({ qname: 'verify', prefix: null, local: 'verify', raw: 'a&amp;b' }) // 'a&b'
 * ```
 */
export function attributeValue(attr: XmlAttribute, at = 0): string {
  return decodeReferences(attr.raw.replace(/[\t\n\r]/g, ' '), at);
}

interface Scope {
  parent: Scope | null;
  bindings: Map<string | null, string | null> | null;
}

function lookupIn(scope: Scope | null, prefix: string | null): string | null | undefined {
  if (prefix === 'xml') return XML_NAMESPACE;
  for (let s = scope; s !== null; s = s.parent) {
    if (s.bindings?.has(prefix)) return s.bindings.get(prefix);
  }
  return prefix === null ? null : undefined;
}

/**
 * Scans a whole XML document once, checking that it is well formed where it matters (one root,
 * balanced and properly nested tags, quoted and unique attributes, bound prefixes, terminated
 * comments, CDATA sections and processing instructions) and returning the root and the
 * elements `collect` asked for. Character data outside those elements is skipped unread.
 *
 * @throws BadgeError `SVG_UNSAFE` for a DTD internal subset or any markup declaration,
 * `SVG_MALFORMED` for anything not well formed or nested deeper than `maxDepth`,
 * `PAYLOAD_TOO_LARGE` when collected text exceeds `maxTextLength`.
 * @example
 * ```ts
 * const { root } = scanXml('<svg xmlns="http://www.w3.org/2000/svg"/>', { maxDepth: 256, maxTextLength: 1e6 })
 * root.local // 'svg'
 * ```
 */
export function scanXml(text: string, options: XmlScanOptions): XmlScanResult {
  const n = text.length;
  const stack: { element: XmlElement; scope: Scope; collector: { element: XmlElement; text: string } | null }[] = [];
  const collected: { element: XmlElement; text: string }[] = [];
  let root: XmlElement | undefined;
  let seenDoctype = false;
  let pos = 0;

  const handleText = (from: number, to: number): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      for (let i = from; i < to; i++) {
        if (!isSpace(text.charCodeAt(i))) throw malformed('Text outside the root element', i);
      }
      return;
    }
    if (top.collector !== null) appendText(top.collector, decodeReferences(text.slice(from, to), from), from);
  };
  const appendText = (c: { text: string }, s: string, at: number): void => {
    if (c.text.length + s.length > options.maxTextLength) {
      throw new BadgeError('PAYLOAD_TOO_LARGE', `The badge element's text is longer than ${options.maxTextLength} characters (at ${at}).`);
    }
    c.text += s;
  };

  while (pos < n) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      handleText(pos, n);
      break;
    }
    if (lt > pos) handleText(pos, lt);
    pos = lt;

    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) throw malformed('An unterminated comment', pos);
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const top = stack[stack.length - 1];
      if (top === undefined) throw malformed('A CDATA section outside the root element', pos);
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) throw malformed('An unterminated CDATA section', pos);
      if (top.collector !== null) appendText(top.collector, text.slice(pos + 9, end), pos);
      pos = end + 3;
    } else if (text.startsWith('<!DOCTYPE', pos)) {
      if (root !== undefined || seenDoctype) throw malformed('A DOCTYPE after the root element or a second one', pos);
      seenDoctype = true;
      pos = skipDoctype(text, pos);
    } else if (text.startsWith('<!', pos)) {
      const keyword = /^<!([A-Z]+)/.exec(text.slice(pos, pos + 12))?.[1];
      if (keyword === 'ENTITY' || keyword === 'ELEMENT' || keyword === 'ATTLIST' || keyword === 'NOTATION') {
        throw unsafe(`The SVG declares <!${keyword}>: DTD declarations are refused, never resolved.`);
      }
      throw malformed('Unknown markup "<!"', pos);
    } else if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) throw malformed('An unterminated processing instruction', pos);
      pos = end + 2;
    } else if (text.startsWith('</', pos)) {
      let i = pos + 2;
      while (i < n && isNameChar(text.charCodeAt(i))) i++;
      const qname = text.slice(pos + 2, i);
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3e) throw malformed('An unterminated end tag', pos);
      const top = stack.pop();
      if (top === undefined || top.element.qname !== qname) {
        throw malformed(`The end tag </${qname.slice(0, 40)}> does not match the open element`, pos);
      }
      top.element.end = i + 1;
      if (top.collector !== null) top.collector.text = top.collector.text.replace(/\r\n?/g, '\n');
      pos = i + 1;
    } else {
      pos = startTag(pos);
    }
  }

  if (stack.length > 0) throw malformed(`The element <${stack[stack.length - 1]?.element.qname}> is never closed`, n);
  if (root === undefined) throw malformed('There is no root element', n);
  return { root, collected };

  function startTag(at: number): number {
    let i = at + 1;
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    const qname = text.slice(at + 1, i);
    if (qname === '') throw malformed('A "<" that starts no tag', at);
    if (stack.length === 0 && root !== undefined) throw malformed('A second root element', at);
    if (stack.length >= options.maxDepth) {
      throw malformed(`Elements nested deeper than ${options.maxDepth} levels`, at);
    }
    const attributes: XmlAttribute[] = [];
    const seen = new Set<string>();
    let selfClosing = false;
    for (;;) {
      const wsStart = i;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i >= n) throw malformed(`The start tag <${qname.slice(0, 40)}> is never closed`, at);
      const c = text.charCodeAt(i);
      if (c === 0x3e) {
        i++;
        break;
      }
      if (c === 0x2f && text.charCodeAt(i + 1) === 0x3e) {
        selfClosing = true;
        i += 2;
        break;
      }
      if (i === wsStart) throw malformed('Attributes must be separated by white space', i);
      const nameStart = i;
      while (i < n && isNameChar(text.charCodeAt(i))) i++;
      const name = text.slice(nameStart, i);
      if (name === '') throw malformed('A broken attribute', i);
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3d) throw malformed(`The attribute ${name.slice(0, 40)} has no value`, i);
      i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const quote = text.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) throw malformed(`The attribute ${name.slice(0, 40)} is not quoted`, i);
      const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (close < 0) throw malformed(`The value of ${name.slice(0, 40)} is never closed`, i);
      const raw = text.slice(i + 1, close);
      if (raw.indexOf('<') >= 0) throw malformed('A "<" inside an attribute value', i);
      if (seen.has(name)) throw malformed(`The attribute ${name.slice(0, 40)} appears twice`, nameStart);
      seen.add(name);
      attributes.push({ qname: name, ...splitQName(name, nameStart), raw });
      i = close + 1;
    }

    const parentScope = stack[stack.length - 1]?.scope ?? null;
    let bindings: Map<string | null, string | null> | null = null;
    for (const a of attributes) {
      if (a.qname === 'xmlns' || a.prefix === 'xmlns') {
        const uri = attributeValue(a, at);
        const prefix = a.qname === 'xmlns' ? null : a.local;
        if (prefix !== null && uri === '') throw malformed(`The prefix ${prefix} is bound to an empty namespace`, at);
        if (prefix === 'xmlns' || (prefix === 'xml') !== (uri === XML_NAMESPACE)) {
          throw malformed('A reserved prefix or namespace is rebound', at);
        }
        bindings ??= new Map();
        bindings.set(prefix, uri === '' ? null : uri);
      }
    }
    const scope: Scope = bindings === null && parentScope !== null ? parentScope : { parent: parentScope, bindings };
    const { prefix, local } = splitQName(qname, at);
    if (prefix === 'xmlns') throw malformed('An element may not use the prefix xmlns', at);
    const namespace = lookupIn(scope, prefix);
    if (namespace === undefined) throw malformed(`The prefix "${prefix}" is not bound to a namespace`, at);

    const element: XmlElement = {
      qname,
      prefix,
      local,
      namespace,
      attributes,
      start: at,
      startTagEnd: i,
      end: selfClosing ? i : -1,
      selfClosing,
      depth: stack.length + 1,
      lookup: (p) => lookupIn(scope, p),
    };
    root ??= element;
    let collector: { element: XmlElement; text: string } | null = null;
    if (options.collect?.(element) === true) {
      collector = { element, text: '' };
      collected.push(collector);
    }
    if (!selfClosing) stack.push({ element, scope, collector });
    return i;
  }
}

/**
 * Skips `<!DOCTYPE name PUBLIC "…" "…">` without reading the DTD it names. An internal subset
 * (`[ … ]`) is where entities (billion laughs, external entities) are declared: refused.
 */
function skipDoctype(text: string, at: number): number {
  let i = at + '<!DOCTYPE'.length;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (c === 0x5b /* [ */) throw unsafe('The SVG has a DTD internal subset: refused, never resolved.');
    if (c === 0x3e) return i + 1;
    i++;
  }
  throw malformed('An unterminated DOCTYPE', at);
}
