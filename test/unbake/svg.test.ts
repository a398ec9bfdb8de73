import { describe, expect, it } from 'vitest';
import { detectContainer, unbakeBytes } from '../../src/unbake/index.js';
import { codeOf, corpus, fixture, json } from './helpers.js';

const DCPV = '1EdTech-digital-credentials-public-validator/test-resources/';
const MOZ = 'mozilla-openbadges-bakery/test/';

describe('unbaking the SVG badges of the conformance corpus', () => {
  it('reads the OB 3.0 credential JSON from the CDATA of simple-json.svg, past its external-only DOCTYPE', () => {
    const badge = unbakeBytes(corpus(`${DCPV}ob30/simple-json.svg`));
    expect(badge).toMatchObject({
      container: 'svg',
      source: 'svg:credential#text',
      element: 'credential',
      namespace: 'https://purl.imsglobal.org/ob/v3p0',
      payloadType: 'json',
      version: '3.0',
    });
    expect(json(badge.payload)['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  });

  it.each(['simple-jwt.svg', 'simple-jwt_v1.svg'])('reads the VC-JWT from the verify attribute of %s', (name) => {
    const badge = unbakeBytes(corpus(`${DCPV}ob30/${name}`));
    expect(badge).toMatchObject({ source: 'svg:credential@verify', payloadType: 'jws', version: '3.0' });
    expect(badge.payload.split('.')).toHaveLength(3);
  });

  it('gives the assertion URL of baked.svg, keeping its CDATA JSON as the alternate', () => {
    const badge = unbakeBytes(corpus(`${MOZ}baked.svg`));
    expect(badge).toMatchObject({
      source: 'svg:assertion@verify',
      element: 'assertion',
      namespace: 'http://openbadges.org',
      payload: 'http://example.org',
      payloadType: 'url',
      version: '2.0',
    });
    expect(badge.alternate).toMatchObject({ source: 'svg:assertion#text', payloadType: 'json' });
    expect(json(badge.alternate?.payload ?? '')).toEqual({ verify: { url: 'http://example.org' } });
  });

  it('falls back to the verify attribute of bad-json.svg, whose CDATA is not JSON', () => {
    const badge = unbakeBytes(corpus(`${MOZ}bad-json.svg`));
    expect(badge).toMatchObject({ payload: 'http://example.org', payloadType: 'url' });
    expect(badge.alternate).toBeUndefined();
  });

  it('reads the URL of no-json.svg, whose CDATA is empty', () => {
    expect(unbakeBytes(corpus(`${MOZ}no-json.svg`))).toMatchObject({ payload: 'http://example.org', payloadType: 'url' });
  });

  it('reports NOT_BAKED for unbaked.svg', () => {
    expect(codeOf(() => unbakeBytes(corpus(`${MOZ}unbaked.svg`)))).toBe('NOT_BAKED');
  });
});

describe('unbaking our own SVG fixtures', () => {
  it('finds the OB 3.0 credential under any prefix (xmlns:ob)', () => {
    const badge = unbakeBytes(fixture('ob3-prefix-ob.svg'));
    expect(badge).toMatchObject({ element: 'credential', payloadType: 'json' });
    expect(json(badge.payload)['name']).toBe('Prefix ob');
  });

  it('finds the credential in a default namespace and decodes entity references in its text', () => {
    const badge = unbakeBytes(fixture('ob3-default-ns.svg'));
    expect(json(badge.payload)['name']).toBe('Default & namespace <ok>');
  });

  it('reads a JWT from the verify attribute of an OB 3.0 credential', () => {
    expect(unbakeBytes(fixture('ob3-jwt-verify.svg'))).toMatchObject({ source: 'svg:credential@verify', payloadType: 'jws' });
  });

  it('reads a JWS from the verify attribute of a self-closing OB 2.0 assertion', () => {
    expect(unbakeBytes(fixture('ob2-jws-verify.svg'))).toMatchObject({ source: 'svg:assertion@verify', payloadType: 'jws' });
  });

  it('decodes numeric character references in the verify attribute', () => {
    expect(unbakeBytes(fixture('ob2-char-refs.svg')).payload).toBe('https://example.org/a?x=1&y=2');
  });

  it('joins CDATA sections split around "]]>"', () => {
    expect(json(unbakeBytes(fixture('cdata-split.svg')).payload)['name']).toBe('a]]>b');
  });

  it('finds a badge element nested in groups, past comments and processing instructions', () => {
    expect(unbakeBytes(fixture('nested-badge.svg')).payload).toBe('https://example.org/nested');
  });

  it('ignores a credential element in another namespace', () => {
    expect(codeOf(() => unbakeBytes(fixture('wrong-namespace.svg')))).toBe('NOT_BAKED');
  });

  it('detects the container by content, not by name', () => {
    expect(detectContainer(fixture('ob3-prefix-ob.svg'))).toBe('svg');
    expect(detectContainer(corpus(`${DCPV}ob30/simple-json.svg`))).toBe('svg');
    expect(detectContainer(fixture('tiny.png'))).toBe('png');
    expect(detectContainer(fixture('not-svg.xml'))).toBeNull();
    expect(detectContainer(fixture('not-an-image.txt'))).toBeNull();
  });
});

describe('refusing hostile or broken SVGs', () => {
  it('reports SVG_UNSAFE for the billion laughs, without expanding anything', () => {
    expect(codeOf(() => unbakeBytes(fixture('billion-laughs.svg')))).toBe('SVG_UNSAFE');
  });

  it('reports SVG_UNSAFE for an external entity', () => {
    expect(codeOf(() => unbakeBytes(fixture('external-entity.svg')))).toBe('SVG_UNSAFE');
  });

  it('reports SVG_UNSAFE for an entity declaration in the document body', () => {
    expect(codeOf(() => unbakeBytes(fixture('entity-in-body.svg')))).toBe('SVG_UNSAFE');
  });

  it('reports SVG_MALFORMED for elements nested deeper than the limit', () => {
    expect(codeOf(() => unbakeBytes(fixture('deep.svg')))).toBe('SVG_MALFORMED');
    expect(codeOf(() => unbakeBytes(fixture('deep.svg'), { maxDepth: 2000 }))).toBe('NOT_BAKED');
  });

  it('reports SVG_MALFORMED for an unterminated document', () => {
    expect(codeOf(() => unbakeBytes(fixture('unterminated.svg')))).toBe('SVG_MALFORMED');
  });

  it('reports SVG_MALFORMED for an unbound prefix', () => {
    expect(codeOf(() => unbakeBytes(fixture('unbound-prefix.svg')))).toBe('SVG_MALFORMED');
  });

  it('reports SVG_MALFORMED for an entity that nothing defines', () => {
    expect(codeOf(() => unbakeBytes(fixture('undefined-entity.svg')))).toBe('SVG_MALFORMED');
  });

  it('reports SVG_MALFORMED for mismatched tags', () => {
    expect(codeOf(() => unbakeBytes(fixture('mismatched-tags.svg')))).toBe('SVG_MALFORMED');
  });

  it('reports SVG_MALFORMED for an SVG that is not valid UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'), 0xff, 0xfe, ...new TextEncoder().encode('</svg>')]);
    expect(codeOf(() => unbakeBytes(bytes))).toBe('SVG_MALFORMED');
  });

  it('reports PAYLOAD_TOO_LARGE for badge text above the cap', () => {
    expect(codeOf(() => unbakeBytes(fixture('ob3-prefix-ob.svg'), { maxPayloadBytes: 100 }))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports INPUT_UNRECOGNISED for XML whose root is not svg, and for text', () => {
    expect(codeOf(() => unbakeBytes(fixture('not-svg.xml')))).toBe('INPUT_UNRECOGNISED');
    expect(codeOf(() => unbakeBytes(fixture('not-an-image.txt')))).toBe('INPUT_UNRECOGNISED');
  });
});
