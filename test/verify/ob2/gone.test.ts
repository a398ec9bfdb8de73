import { describe, expect, it } from 'vitest';
import { goneDocument, revocationReasonOf } from '../../../src/verify/ob2/gone.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the body of an HTTP 410 answer', () => {
  it('reads a JSON object, a byte-order mark allowed', () => {
    expect(goneDocument(bytes('\uFEFF{"revoked": true, "revocationReason": "Issued in error"}'))).toEqual({ revoked: true, revocationReason: 'Issued in error' });
  });

  it('takes the reason from a revoked document', () => {
    expect(revocationReasonOf({ revoked: true, revocationReason: 'Issued in error' })).toBe('Issued in error');
  });
});

describe('410 bodies that give no reason', () => {
  it.each([['nothing', undefined], ['an empty body', bytes('')], ['HTML', bytes('<h1>Gone</h1>')], ['an array', bytes('[]')], ['null', bytes('null')], ['a string', bytes('"gone"')]])(
    'reads %s as no document',
    (_name, body) => {
      expect(goneDocument(body)).toBeNull();
    },
  );

  it.each([null, {}, { revocationReason: 7 }, { revocationReason: '  \n ' }])('finds no reason in %j', (doc) => {
    expect(revocationReasonOf(doc)).toBeNull();
  });

  it('turns control characters into spaces and bounds the length', () => {
    const reason = revocationReasonOf({ revocationReason: `a\u0007b\u001b[31m\u2028c ${'x'.repeat(1000)}` })!;
    expect(reason.startsWith('a b [31m c x')).toBe(true);
    expect(reason.length).toBeLessThanOrEqual(501);
  });
});
