/**
 * SVG baking as the Open Badges specs define it: an `<assertion>` element in the namespace
 * `http://openbadges.org` (OB 1.x / 2.0) or a `<credential>` element in
 * `https://purl.imsglobal.org/ob/v3p0` (OB 3.0), with any prefix (or a default namespace),
 * carrying the badge in its `verify` attribute or in its text / CDATA.
 *
 * @packageDocumentation
 */
import { BadgeError, classifyPayload, DEFAULT_MAX_DEPTH, OB2_NAMESPACE, OB3_NAMESPACE } from './shared.js';
import type { BadgeElement, PayloadType, ResolvedUnbakeOptions, UnbakedBadge } from './shared.js';
import { attributeValue, scanXml } from './xml.js';
import type { XmlElement } from './xml.js';
export { looksLikeSvg } from './sniff.js';

function decodeSvgText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new BadgeError('SVG_MALFORMED', 'The SVG is not valid UTF-8.', { cause });
  }
}

/** The badge element kind of `el`, or null: namespace and local name decide, never the prefix. */
function badgeElementOf(el: XmlElement): BadgeElement | null {
  if (el.local === 'assertion' && el.namespace === OB2_NAMESPACE) return 'assertion';
  if (el.local === 'credential' && el.namespace === OB3_NAMESPACE) return 'credential';
  return null;
}

function verifyAttribute(el: XmlElement): string | undefined {
  // Unprefixed `verify` as the specs write it; a `verify` in the element's own namespace too.
  const attr =
    el.attributes.find((a) => a.prefix === null && a.local === 'verify') ??
    el.attributes.find((a) => a.prefix !== null && a.local === 'verify' && el.lookup(a.prefix) === el.namespace);
  return attr === undefined ? undefined : attributeValue(attr, el.start);
}

interface Candidate {
  source: string;
  payload: string;
  payloadType: PayloadType | null;
}

function candidate(source: string, text: string | undefined): Candidate | null {
  if (text === undefined) return null;
  const payload = text.trim();
  if (payload === '') return null;
  return { source, payload, payloadType: classifyPayload(payload) };
}

/**
 * Reads the badge baked into an SVG: the first element, in document order, that is an OB 1.x /
 * 2.0 `assertion` or an OB 3.0 `credential` (by namespace, whatever the prefix).
 *
 * **Which payload wins when the element has both a `verify` attribute and text:**
 * - `assertion` (OB 1.x / 2.0): the `verify` attribute, when it holds a URL, JWS or JSON. The
 *   2.0 baking spec makes it the authoritative value (the hosted assertion's URL, or the signed
 *   JWS); text is a courtesy copy. So Mozilla's `baked.svg` (`verify="http://example.org"` plus
 *   CDATA `{"verify":…}`) gives the URL, and `bad-json.svg` (CDATA that is not JSON) too.
 * - `credential` (OB 3.0): the text (CDATA JSON, or a JWT written as text), because the 3.0
 *   spec puts the credential there and uses `verify` only for a VC-JWT; `verify` is the fallback.
 *
 * Empty text (`no-json.svg`) never wins. The loser, if usable, is returned as `alternate`. An
 * element with neither is NOT_BAKED; with only unrecognisable content, PAYLOAD_UNRECOGNISED.
 *
 * @throws BadgeError `SVG_MALFORMED`, `SVG_UNSAFE`, `NOT_BAKED`, `PAYLOAD_TOO_LARGE` or
 * `PAYLOAD_UNRECOGNISED`.
 * @example
 * ```ts
 * const badge = unbakeSvg(bytes, { maxPayloadBytes: 4 << 20, maxDepth: 256 })
 * badge.source // 'svg:credential#text'
 * ```
 */
export function unbakeSvg(bytes: Uint8Array, options: ResolvedUnbakeOptions): UnbakedBadge {
  const text = decodeSvgText(bytes);
  const { root, collected } = scanXml(text, {
    maxDepth: options.maxDepth,
    maxTextLength: options.maxPayloadBytes,
    collect: (el) => badgeElementOf(el) !== null,
  });
  if (root.local !== 'svg') throw new BadgeError('INPUT_UNRECOGNISED', `The XML root is <${root.qname}>, not <svg>.`);
  const first = collected[0];
  if (first === undefined) throw new BadgeError('NOT_BAKED', 'The SVG has no Open Badges assertion or credential element.');
  const el = first.element;
  const kind = badgeElementOf(el) as BadgeElement;
  const verify = verifyAttribute(el);
  if (verify !== undefined && verify.length > options.maxPayloadBytes) {
    throw new BadgeError('PAYLOAD_TOO_LARGE', `The verify attribute is longer than ${options.maxPayloadBytes} characters.`);
  }
  const fromAttr = candidate(`svg:${kind}@verify`, verify);
  const fromText = candidate(`svg:${kind}#text`, first.text);
  const order = kind === 'assertion' ? [fromAttr, fromText] : [fromText, fromAttr];
  const present = order.filter((c): c is Candidate => c !== null);
  const usable = present.filter((c): c is Candidate & { payloadType: PayloadType } => c.payloadType !== null);
  const chosen = usable[0];
  if (chosen === undefined) {
    if (present.length === 0) throw new BadgeError('NOT_BAKED', `The <${el.qname}> element is empty.`);
    throw new BadgeError(
      'PAYLOAD_UNRECOGNISED',
      `The <${el.qname}> element holds neither JSON, a compact JWS nor a URL.`,
    );
  }
  const badge: UnbakedBadge = {
    container: 'svg',
    source: chosen.source,
    element: kind,
    namespace: el.namespace as string,
    payload: chosen.payload,
    payloadType: chosen.payloadType,
    version: kind === 'assertion' ? '2.0' : '3.0',
  };
  const other = usable[1];
  if (other !== undefined) badge.alternate = { source: other.source, payload: other.payload, payloadType: other.payloadType };
  return badge;
}

function escapeAttribute(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** CDATA cannot contain `]]>`: end the section between `]]` and `>` and open a new one. */
function cdata(s: string): string {
  return `<![CDATA[${s.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

/**
 * The badge element as the specs write it, with its namespace declared on itself so it does
 * not depend on (or disturb) the root's declarations.
 *
 * @example
 * ```ts
 * badgeElementMarkup('assertion', 'https://example.org/a', 'url')
 * // '<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="https://example.org/a"></openbadges:assertion>'
 * ```
 */
export function badgeElementMarkup(kind: BadgeElement, payload: string, payloadType: PayloadType): string {
  const ns = kind === 'assertion' ? OB2_NAMESPACE : OB3_NAMESPACE;
  const open = `<openbadges:${kind} xmlns:openbadges="${ns}"`;
  const close = `</openbadges:${kind}>`;
  if (payloadType === 'json') return `${open}>${cdata(payload)}${close}`;
  return `${open} verify="${escapeAttribute(payload)}">${close}`;
}

/**
 * Returns the SVG with every existing badge element (either namespace, any depth) removed and
 * one new element inserted right after the `<svg …>` start tag. The rest of the file is
 * kept character for character.
 *
 * @throws BadgeError `SVG_MALFORMED`, `SVG_UNSAFE` or `INPUT_UNRECOGNISED` (root not `svg`).
 * @example
 * ```ts
 * const baked = bakeSvg(svgBytes, 'credential', jwt, 'jws')
 * ```
 */
export function bakeSvg(
  bytes: Uint8Array,
  kind: BadgeElement,
  payload: string,
  payloadType: PayloadType,
  maxDepth = DEFAULT_MAX_DEPTH,
): Uint8Array {
  const text = decodeSvgText(bytes);
  const { root, collected } = scanXml(text, {
    maxDepth,
    maxTextLength: Number.MAX_SAFE_INTEGER,
    collect: (el) => badgeElementOf(el) !== null,
  });
  if (root.local !== 'svg') throw new BadgeError('INPUT_UNRECOGNISED', `The XML root is <${root.qname}>, not <svg>.`);
  const markup = badgeElementMarkup(kind, payload, payloadType);
  // Outermost badge elements only: one nested in another goes with its parent.
  const spans: { start: number; end: number }[] = [];
  for (const { element } of collected) {
    const last = spans[spans.length - 1];
    if (last !== undefined && element.start < last.end) continue;
    spans.push({ start: element.start, end: element.end });
  }
  let out: string;
  if (root.selfClosing) {
    // `<svg …/>` becomes `<svg …>` + element + `</svg>`.
    out = `${text.slice(0, root.startTagEnd - 2)}>${markup}</${root.qname}>${text.slice(root.startTagEnd)}`;
  } else {
    out = text.slice(0, root.startTagEnd) + markup;
    let from = root.startTagEnd;
    for (const span of spans) {
      out += text.slice(from, span.start);
      from = span.end;
    }
    out += text.slice(from);
  }
  return new TextEncoder().encode(out);
}
