/**
 * Telling an SVG from other bytes by its first element, without the XML scanner: the
 * verifier sniffs every input, but only SVG badges need the reader (src/unbake/svg.ts),
 * which it loads on demand.
 *
 * @packageDocumentation
 */
// How much of the file the content sniffer looks at to find the root element.
const SNIFF_CHARS = 64 * 1024;

function stripBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * True when the bytes are (UTF-8) XML whose root element is `svg`, judged from the start of
 * the file: the prolog (XML declaration, comments, processing instructions, DOCTYPE) is
 * skipped and the first element's local name must be `svg`. A file cut short inside its
 * prolog still counts when it begins like an SVG, so that truncation reads as malformed, not
 * as "some other format".
 *
 * @example
 * ```ts
 * looksLikeSvg(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')) // true
 * ```
 */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const body = stripBom(bytes);
  let k = 0;
  while (k < body.length && (body[k] === 0x20 || body[k] === 0x09 || body[k] === 0x0a || body[k] === 0x0d)) k++;
  if (body[k] !== 0x3c /* < */) return false;
  const head = new TextDecoder('utf-8').decode(body.subarray(k, k + SNIFF_CHARS));
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i] as string)) i++;
    if (head.startsWith('<?', i)) i = after(head, '?>', i);
    else if (head.startsWith('<!--', i)) i = after(head, '-->', i);
    else if (head.startsWith('<!DOCTYPE', i)) i = afterDoctype(head, i);
    else break;
    if (i < 0) return /^<\?xml[\s?]|^<svg[\s>/:]|^<!DOCTYPE\s+svg/i.test(head);
  }
  const m = /^<([^\s/>!?]+)/.exec(head.slice(i, i + 256));
  if (m === null) return false;
  const qname = m[1] as string;
  return qname === 'svg' || qname.endsWith(':svg');
}

function after(s: string, token: string, from: number): number {
  const end = s.indexOf(token, from + 2);
  return end < 0 ? -1 : end + token.length;
}

function afterDoctype(s: string, from: number): number {
  let depth = 0;
  for (let i = from + 2; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const close = s.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}
