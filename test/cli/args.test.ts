import { describe, expect, it } from 'vitest';
import { MAX_CONCURRENCY, parseArgs, parseIsoDate, USAGE, type CliArgs } from '../../src/cli/args.js';

function parsed(argv: string[]): CliArgs {
  const outcome = parseArgs(argv);
  if (!outcome.ok) throw new Error(`expected the arguments to parse, got: ${outcome.error}`);
  return outcome.args;
}

function usageError(argv: string[]): string {
  const outcome = parseArgs(argv);
  if (outcome.ok) throw new Error(`expected a usage error for ${JSON.stringify(argv)}`);
  return outcome.error;
}

describe('parsing the verify-badge command line', () => {
  it('keeps the inputs in the order given, files, URLs and "-" alike', () => {
    expect(parsed(['a.png', 'https://example.org/b.json', '-', 'c']).inputs).toEqual([
      'a.png',
      'https://example.org/b.json',
      '-',
      'c',
    ]);
  });

  it('has every flag off by default', () => {
    expect(parsed(['a.png'])).toEqual({
      inputs: ['a.png'],
      json: false,
      now: undefined,
      recipient: undefined,
      resources: undefined,
      offline: false,
      concurrency: undefined,
      timeout: undefined,
      allowPrivateNetwork: false,
      strictSchema: false,
      trustEmbeddedKeys: false,
      help: false,
      version: false,
    });
  });

  it('reads every boolean flag', () => {
    const args = parsed(['--json', '--offline', '--allow-private-network', '--strict-schema', '--trust-embedded-keys', 'a.png']);
    expect(args).toMatchObject({ json: true, offline: true, allowPrivateNetwork: true, strictSchema: true, trustEmbeddedKeys: true });
  });

  it('reads flags before, between and after inputs', () => {
    const args = parsed(['a.png', '--json', 'b.png', '--offline']);
    expect(args.inputs).toEqual(['a.png', 'b.png']);
    expect(args.json).toBe(true);
    expect(args.offline).toBe(true);
  });

  it('reads a value given as the next argument or after "="', () => {
    expect(parsed(['--recipient', 'ada@example.org', 'a.png']).recipient).toBe('ada@example.org');
    expect(parsed(['--recipient=ada@example.org', 'a.png']).recipient).toBe('ada@example.org');
    expect(parsed(['--resources', 'map.json', 'a.png']).resources).toBe('map.json');
    expect(parsed(['--resources=map.json', 'a.png']).resources).toBe('map.json');
  });

  it('reads --now as an instant in time', () => {
    expect(parsed(['--now', '2026-11-23T00:00:00Z', 'a']).now?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(parsed(['--now=2026-11-23T01:30:00+01:00', 'a']).now?.toISOString()).toBe('2026-11-23T00:30:00.000Z');
    expect(parsed(['--now', '2026-11-23', 'a']).now?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('reads --concurrency and --timeout as whole numbers', () => {
    const args = parsed(['--concurrency', '8', '--timeout=2500', 'a']);
    expect(args.concurrency).toBe(8);
    expect(args.timeout).toBe(2500);
  });

  it('treats everything after "--" as an input, even if it looks like a flag', () => {
    expect(parsed(['--json', '--', '--not-a-flag', '-x']).inputs).toEqual(['--not-a-flag', '-x']);
  });

  it('documents --trust-embedded-keys in the usage text', () => {
    expect(USAGE).toContain('--trust-embedded-keys');
  });

  it('accepts --help and --version without inputs', () => {
    expect(parsed(['--help']).help).toBe(true);
    expect(parsed(['-h']).help).toBe(true);
    expect(parsed(['--version']).version).toBe(true);
    expect(parsed(['-V']).version).toBe(true);
  });
});

describe('usage errors (exit status 2)', () => {
  it('refuses an unknown option', () => {
    expect(usageError(['--jsn', 'a.png'])).toMatch(/--jsn/);
    expect(usageError(['-x', 'a.png'])).toMatch(/-x/);
  });

  it('refuses a command line without inputs', () => {
    expect(usageError([])).toBeTruthy();
    expect(usageError(['--json'])).toBeTruthy();
  });

  it('refuses an option whose value is missing', () => {
    for (const flag of ['--now', '--recipient', '--resources', '--concurrency', '--timeout']) {
      expect(usageError([flag])).toMatch(new RegExp(flag));
      // The next argument is another option, not the value.
      expect(usageError([flag, '--json', 'a.png'])).toMatch(new RegExp(flag));
    }
  });

  it('refuses a value given to a flag that takes none', () => {
    expect(usageError(['--json=yes', 'a.png'])).toMatch(/--json/);
  });

  it('refuses a --now that is not an ISO 8601 date', () => {
    for (const bad of ['yesterday', '3', '2026-13-01', '2026-02-31', '2026-11-23T25:00:00Z', '23/11/2026', '']) {
      expect(usageError(['--now', bad, 'a.png'])).toMatch(/--now/);
    }
  });

  it('refuses a --now date-time without a time zone, which would depend on the machine', () => {
    expect(usageError(['--now', '2026-11-23T10:00:00', 'a.png'])).toMatch(/--now/);
  });

  it('refuses a bad --concurrency', () => {
    for (const bad of ['0', '-1', '1.5', 'four', '1e3', String(MAX_CONCURRENCY + 1), '']) {
      expect(usageError([`--concurrency=${bad}`, 'a.png'])).toMatch(/--concurrency/);
    }
  });

  it('refuses a bad --timeout', () => {
    for (const bad of ['0', '-5', '10s', 'NaN', '99999999999']) {
      expect(usageError([`--timeout=${bad}`, 'a.png'])).toMatch(/--timeout/);
    }
  });

  it('refuses an empty --recipient', () => {
    expect(usageError(['--recipient', '  ', 'a.png'])).toMatch(/--recipient/);
  });

  it('refuses reading standard input twice', () => {
    expect(usageError(['-', '-'])).toMatch(/standard input/);
  });
});

describe('ISO 8601 dates for --now', () => {
  it('accepts UTC, offsets with and without a colon, and fractions of a second', () => {
    expect(parseIsoDate('2026-11-23T00:00:00.123Z')?.toISOString()).toBe('2026-11-23T00:00:00.123Z');
    expect(parseIsoDate('2026-11-23T02:00:00+0200')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(parseIsoDate('2026-11-23T00:00Z')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseIsoDate('2028-02-29')).not.toBeNull();
    expect(parseIsoDate('2026-02-29')).toBeNull();
  });
});
