import { describe, expect, it } from 'vitest';
import { isoDate, parseDate } from '../../src/verify/dates.js';

describe('parseDate', () => {
  it('reads an ISO 8601 date-time in UTC', () => {
    expect(parseDate('2016-12-31T23:59:59Z')?.toISOString()).toBe('2016-12-31T23:59:59.000Z');
  });

  it('applies a zone offset', () => {
    expect(parseDate('2016-12-31T23:59:59+02:00')?.toISOString()).toBe('2016-12-31T21:59:59.000Z');
    expect(parseDate('2016-12-31T23:59:59-0130')?.toISOString()).toBe('2017-01-01T01:29:59.000Z');
  });

  it('reads a date-time without a zone as UTC, whatever the machine zone', () => {
    expect(parseDate('2020-05-01T10:00:00')?.toISOString()).toBe('2020-05-01T10:00:00.000Z');
  });

  it('reads fractional seconds', () => {
    expect(parseDate('2020-05-01T10:00:00.25Z')?.toISOString()).toBe('2020-05-01T10:00:00.250Z');
  });

  it('reads an OB 0.5 bare date as midnight UTC', () => {
    expect(parseDate('2012-06-01')?.toISOString()).toBe('2012-06-01T00:00:00.000Z');
  });

  it('reads an OB 1.0 Unix timestamp in seconds, as number or digits', () => {
    expect(parseDate(1_359_217_910)?.toISOString()).toBe('2013-01-26T16:31:50.000Z');
    expect(parseDate('1359217910')?.toISOString()).toBe('2013-01-26T16:31:50.000Z');
  });

  it('gives the ISO form for display', () => {
    expect(isoDate('2012-06-01')).toBe('2012-06-01T00:00:00.000Z');
    expect(isoDate(undefined)).toBeNull();
  });
});

describe('parseDate refuses what is not a date', () => {
  it.each([
    ['a word', 'yesterday'],
    ['an impossible day', '2021-02-31'],
    ['a month 13', '2021-13-01'],
    ['an empty string', ''],
    ['null', null],
    ['an object', {}],
    ['a negative timestamp', -5],
    ['an infinite number', Infinity],
    ['a very long string', '2'.repeat(1000)],
  ])('returns null for %s', (_name, value) => {
    expect(parseDate(value)).toBeNull();
  });
});
