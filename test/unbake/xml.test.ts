import { describe, expect, it } from 'vitest';
import { decodeReferences, scanXml } from '../../src/unbake/xml.js';
import { codeOf } from './helpers.js';

const LIMITS = { maxDepth: 16, maxTextLength: 1000 };
const scan = (text: string) => scanXml(text, { ...LIMITS, collect: (el) => el.local === 'c' });

describe('the XML scanner', () => {
  it('resolves prefixes and default namespaces in scope, including xmlns="" resets', () => {
    const { collected } = scan(
      '<r xmlns="urn:d" xmlns:p="urn:p"><p:c/><c/><x xmlns=""><c/></x><y xmlns:p="urn:q"><p:c/></y></r>',
    );
    expect(collected.map((c) => c.element.namespace)).toEqual(['urn:p', 'urn:d', null, 'urn:q']);
  });

  it('collects only the direct text and CDATA of a chosen element, decoded', () => {
    const { collected } = scan('<r><c>a&lt;b<![CDATA[ & <raw> ]]><i>skipped</i>&#x263A;</c></r>');
    expect(collected[0]?.text).toBe('a<b & <raw> ☺');
  });

  it('records where each element starts and ends so it can be cut out', () => {
    const text = '<r> <c k="v">x</c> </r>';
    const el = scan(text).collected[0]!.element;
    expect(text.slice(el.start, el.end)).toBe('<c k="v">x</c>');
    expect(text.slice(el.start, el.startTagEnd)).toBe('<c k="v">');
  });

  it('decodes the five predefined entities and numeric references', () => {
    expect(decodeReferences('&lt;&gt;&amp;&apos;&quot;&#65;&#x42;', 0)).toBe(`<>&'"AB`);
  });
});

describe('the XML scanner refuses', () => {
  it.each([
    ['two root elements', '<r/><r/>'],
    ['text outside the root', 'x<r/>'],
    ['duplicate attributes', '<r a="1" a="2"/>'],
    ['an unquoted attribute', '<r a=1/>'],
    ['attributes run together', '<r a="1"b="2"/>'],
    ['a "<" in an attribute value', '<r a="<"/>'],
    ['a DOCTYPE after the root', '<r/><!DOCTYPE r>'],
    ['an unterminated comment', '<r><!-- </r>'],
    ['an unterminated CDATA section', '<r><c><![CDATA[ </c></r>'],
    ['a CDATA section outside the root', '<![CDATA[x]]><r/>'],
    ['an empty document', '   '],
    ['a character reference to NUL', '<r><c>&#0;</c></r>'],
    ['a bare ampersand in collected text', '<r><c>a & b</c></r>'],
    ['an undeclared prefix binding to nothing', '<r xmlns:p=""/>'],
    ['rebinding xmlns', '<r xmlns:xmlns="urn:x"/>'],
  ])('%s as SVG_MALFORMED', (_, text) => {
    expect(codeOf(() => scan(text))).toBe('SVG_MALFORMED');
  });

  it.each([
    ['an internal DTD subset', '<!DOCTYPE r [ ]><r/>'],
    ['an ELEMENT declaration', '<r><!ELEMENT r ANY></r>'],
    ['an ATTLIST declaration', '<!ATTLIST r a CDATA "x"><r/>'],
  ])('%s as SVG_UNSAFE', (_, text) => {
    expect(codeOf(() => scan(text))).toBe('SVG_UNSAFE');
  });

  it('skips a DOCTYPE that only names an external DTD, without reading it', () => {
    expect(scan('<!DOCTYPE r PUBLIC "-//X//Y" "http://example.org/r.dtd"><r/>').root.local).toBe('r');
  });

  it('stops at the depth limit and the text limit', () => {
    expect(codeOf(() => scan(`${'<g>'.repeat(17)}${'</g>'.repeat(17)}`))).toBe('SVG_MALFORMED');
    expect(codeOf(() => scan(`<r><c>${'x'.repeat(1001)}</c></r>`))).toBe('PAYLOAD_TOO_LARGE');
  });
});
