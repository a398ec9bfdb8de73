import { describe, expect, it } from 'vitest';
import { ERROR_CODES, RESULT_STATUSES, STATUS_OF_CODE } from '../src/errors.js';
import { buildResult, overallStatus, type Check } from '../src/result.js';

const failed = (code: Check['code']): Check => ({ id: 'x', status: 'failed', code, message: String(code) });

describe('overallStatus', () => {
  it('is valid when nothing failed, warnings included', () => {
    expect(overallStatus([{ id: 'proof', status: 'passed' }, { id: 'schema', status: 'warning', code: 'SCHEMA_INVALID' }])).toBe('valid');
  });

  it('follows the contract precedence: error, invalid, revoked, suspended, expired, not-yet-valid, indeterminate', () => {
    expect(overallStatus([failed('EXPIRED'), failed('REVOKED')])).toBe('revoked');
    expect(overallStatus([failed('FETCH_FAILED'), failed('EXPIRED')])).toBe('expired');
    expect(overallStatus([failed('NOT_YET_VALID'), failed('STATUS_UNAVAILABLE')])).toBe('not-yet-valid');
    expect(overallStatus([failed('SUSPENDED'), failed('PROOF_INVALID')])).toBe('invalid');
    expect(overallStatus([failed('PROOF_INVALID'), failed('NOT_BAKED')])).toBe('error');
    expect(overallStatus([failed('SUSPENDED'), failed('EXPIRED')])).toBe('suspended');
  });

  it('maps every error code to a status that is not valid', () => {
    for (const code of ERROR_CODES) {
      expect(RESULT_STATUSES).toContain(STATUS_OF_CODE[code]);
      expect(STATUS_OF_CODE[code]).not.toBe('valid');
    }
  });
});

describe('buildResult', () => {
  it('derives verified and errors from the checks and survives JSON', () => {
    const result = buildResult({
      input: '<object>',
      version: '2.0',
      format: 'json',
      checks: [{ id: 'proof', status: 'passed' }, failed('REVOKED')],
      badge: null,
      credential: { id: 'x' },
    });
    expect(result.status).toBe('revoked');
    expect(result.verified).toBe(false);
    expect(result.errors).toEqual([{ code: 'REVOKED', message: 'REVOKED' }]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('is verified exactly when valid', () => {
    const result = buildResult({ input: 'a', version: '3.0', format: 'json', checks: [{ id: 'proof', status: 'passed' }], badge: null, credential: null });
    expect(result).toMatchObject({ status: 'valid', verified: true, errors: [] });
  });
});
