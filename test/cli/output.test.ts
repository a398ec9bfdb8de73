import { describe, expect, it } from 'vitest';
import { formatHuman, formatJsonLine, formatSummary, terminalSafe } from '../../src/cli/output.js';
import { buildResult, type NormalisedBadge, type VerificationResult } from '../../src/result.js';

const ESC = '\u001b';

function badge(overrides: Partial<NormalisedBadge> = {}): NormalisedBadge {
  return {
    name: 'Robotics Fundamentals',
    description: null,
    image: null,
    criteria: null,
    issuer: { id: 'https://badges.example.org/issuer.json', name: 'Example Robotics Academy', url: null, image: null },
    recipient: { id: null, name: null, identity: 'ada@example.org', hashed: false },
    issuedOn: '2026-01-15T00:00:00Z',
    expiresOn: null,
    achievementType: null,
    evidence: [],
    alignment: [],
    endorsements: [],
    ...overrides,
  };
}

function result(status: 'valid' | 'revoked' | 'error', extra: { badge?: NormalisedBadge | null; warn?: boolean } = {}): VerificationResult {
  const checks: VerificationResult['checks'] = [{ id: 'hosted', status: 'passed' }];
  if (status === 'revoked') checks.push({ id: 'revocation', status: 'failed', code: 'REVOKED', message: 'revoked: Issued in error' });
  if (status === 'error') checks.push({ id: 'parse', status: 'failed', code: 'JSON_MALFORMED', message: 'not JSON' });
  if (extra.warn) checks.push({ id: 'schema', status: 'warning', code: 'SCHEMA_INVALID', message: 'proof must be array' });
  return buildResult({
    input: 'badges/robotics.json',
    version: status === 'error' ? null : '2.0',
    format: 'json',
    checks,
    badge: extra.badge === undefined ? (status === 'error' ? null : badge()) : extra.badge,
    credential: null,
  });
}

describe('NDJSON output', () => {
  it('is the result as JSON on exactly one line', () => {
    const line = formatJsonLine(result('revoked'));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(result('revoked'));
  });
});

describe('human output', () => {
  it('shows the status word, the input, the badge name, its issuer and its dates on one line', () => {
    const text = formatHuman(result('valid', { badge: badge({ expiresOn: '2030-01-01T00:00:00Z' }) }), { color: false });
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text).toMatch(/^VALID\s/);
    expect(text).toContain('badges/robotics.json');
    expect(text).toContain('"Robotics Fundamentals"');
    expect(text).toContain('from Example Robotics Academy');
    expect(text).toContain('issued 2026-01-15');
    expect(text).toContain('expires 2030-01-01');
  });

  it('shows dates as days, whatever the time of day', () => {
    const text = formatHuman(result('valid', { badge: badge({ issuedOn: '2026-01-15T09:30:00.000Z', expiresOn: '2027-01-15T23:59:59+02:00' }) }), { color: false });
    expect(text).toContain('issued 2026-01-15, expires 2027-01-15');
  });

  it('puts the first error code and message, indented, under a badge that is not valid', () => {
    const lines = formatHuman(result('revoked'), { color: false }).split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^REVOKED\s/);
    expect(lines[1]).toMatch(/^\s+REVOKED: revoked: Issued in error$/);
  });

  it('says how many warnings a valid badge has', () => {
    expect(formatHuman(result('valid', { warn: true }), { color: false })).toContain('[1 warning]');
  });

  it('shows an unreadable input with its error and no badge details', () => {
    const text = formatHuman(result('error'), { color: false });
    expect(text).toMatch(/^ERROR\s+badges\/robotics\.json\n\s+JSON_MALFORMED: not JSON\n$/);
  });

  it('uses no escape sequences without colour', () => {
    expect(formatHuman(result('revoked'), { color: false })).not.toContain(ESC);
  });

  it('colours the status word when asked', () => {
    expect(formatHuman(result('valid'), { color: true })).toContain(`${ESC}[32mVALID`);
    expect(formatHuman(result('revoked'), { color: true })).toContain(`${ESC}[31mREVOKED`);
  });

  it('never lets badge content write escape sequences or control characters to the terminal', () => {
    const hostile = badge({
      name: `Nice${ESC}[2J${ESC}]0;pwned\u0007 badge\r\nVALID`,
      issuer: { id: null, name: `Evil\u202eCorp`, url: null, image: null },
    });
    const text = formatHuman(result('revoked', { badge: hostile }), { color: false });
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\u202e');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('shortens very long names', () => {
    expect(Array.from(terminalSafe('x'.repeat(1000))).length).toBe(120);
  });

  it('summarises a batch by status', () => {
    const summary = formatSummary([result('valid'), result('valid'), result('revoked')], { color: false });
    expect(summary).toBe('3 badges: 1 revoked, 2 valid\n');
  });
});
