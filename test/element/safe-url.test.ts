import { describe, expect, it } from 'vitest';
import { safeImageUrl, safeLinkUrl } from '../../src/element/safe-url.js';

describe('safeLinkUrl', () => {
  it('keeps https and http links, normalised', () => {
    expect(safeLinkUrl('https://issuer.example/path?q=1')).toBe('https://issuer.example/path?q=1');
    expect(safeLinkUrl('  http://ISSUER.example ')).toBe('http://issuer.example/');
  });

  describe('refuses', () => {
    it.each([
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/png;base64,AAAA',
      'file:///etc/passwd',
      '/relative/path',
      '//protocol-relative.example/',
      '',
    ])('%j', (value) => {
      expect(safeLinkUrl(value)).toBeNull();
    });

    it('anything that is not a string', () => {
      expect(safeLinkUrl(null)).toBeNull();
      expect(safeLinkUrl({ href: 'https://x.example/' })).toBeNull();
    });

    it('overlong links', () => {
      expect(safeLinkUrl(`https://x.example/${'a'.repeat(5000)}`)).toBeNull();
    });
  });
});

describe('safeImageUrl', () => {
  it('keeps web images and data:image URIs, SVG included (an <img> never runs its script)', () => {
    expect(safeImageUrl('https://issuer.example/badge.png')).toBe('https://issuer.example/badge.png');
    expect(safeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeImageUrl('data:image/svg+xml;base64,PHN2Zy8+')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
  });

  describe('refuses', () => {
    it.each([
      'javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:,hello',
      'data:image/;base64,AAAA',
      'blob:https://x.example/uuid',
      'ftp://x.example/a.png',
      'relative.png',
    ])('%j', (value) => {
      expect(safeImageUrl(value)).toBeNull();
    });
  });
});
