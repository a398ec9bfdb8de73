/**
 * Command-line argument parsing for `verify-badge`. Pure: no I/O, so every rule about flags
 * (and every usage error, which must exit 2 rather than verify anything) is unit-testable.
 */

/** The parsed command line. */
export interface CliArgs {
  /** Files, http(s) URLs, or `-` for standard input, in the order given. */
  inputs: string[];
  /** NDJSON output: one result object per line, nothing else on standard output. */
  json: boolean;
  /** The clock for every date check. */
  now: Date | undefined;
  /** Expected recipient identity. */
  recipient: string | undefined;
  /** Path of a resources map: every fetch is answered from local files. */
  resources: string | undefined;
  /** No network at all. */
  offline: boolean;
  /** How many inputs are verified at once. */
  concurrency: number | undefined;
  /** Timeout of each network request, in milliseconds. */
  timeout: number | undefined;
  /** Allow requests to loopback/private addresses (real network only). */
  allowPrivateNetwork: boolean;
  /** OB 3.0 JSON Schema failures make the badge invalid instead of a warning. */
  strictSchema: boolean;
  /** Accept OB 3.0 keys only the credential vouches for (URL-fragment Multikey, JWT header jwk), as 1EdTech does. */
  trustEmbeddedKeys: boolean;
  help: boolean;
  version: boolean;
}

/** Either the parsed arguments or a usage error (exit status 2). */
export type ParseOutcome = { ok: true; args: CliArgs } | { ok: false; error: string };

/** Upper bound for --concurrency: more parallel verifications only contend for the CPU. */
export const MAX_CONCURRENCY = 64;
/** Upper bound for --timeout (one hour): larger values are almost certainly a unit mistake. */
export const MAX_TIMEOUT_MS = 3_600_000;

type ValueFlag = 'now' | 'recipient' | 'resources' | 'concurrency' | 'timeout';
type BooleanFlag = 'json' | 'offline' | 'allowPrivateNetwork' | 'strictSchema' | 'trustEmbeddedKeys' | 'help' | 'version';

const VALUE_FLAGS: Readonly<Record<string, ValueFlag>> = {
  '--now': 'now',
  '--recipient': 'recipient',
  '--resources': 'resources',
  '--concurrency': 'concurrency',
  '--timeout': 'timeout',
};

const BOOLEAN_FLAGS: Readonly<Record<string, BooleanFlag>> = {
  '--json': 'json',
  '--offline': 'offline',
  '--allow-private-network': 'allowPrivateNetwork',
  '--strict-schema': 'strictSchema',
  '--trust-embedded-keys': 'trustEmbeddedKeys',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-V': 'version',
};

/**
 * ISO 8601 calendar date, optionally with a time and a zone. `Date.parse` alone accepts
 * things like "3" or "March 5" depending on the engine; a clock given on the command line
 * that silently meant something else would make every date check wrong, so the shape is
 * checked first. A date-time without a zone is refused too: JavaScript would read it as
 * local time, so the same command would give different answers on different machines.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/**
 * Parse an ISO 8601 date or date-time (with a zone) into a Date, or null when it is not one.
 *
 * @example
 * ```ts
 * parseIsoDate('2026-11-23T01:00:00+01:00')?.toISOString(); // '2026-11-23T00:00:00.000Z'
 * parseIsoDate('2026-02-31'); // null
 * ```
 */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_8601.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  // Reject impossible calendar days such as 2026-02-31, which Date silently rolls into March.
  const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendarDay.getUTCMonth() !== Number(month) - 1 || calendarDay.getUTCDate() !== Number(day)) return null;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return null;
  // Normalise "+0100" to "+01:00" and a space separator to "T" for Date's own parser.
  const normalised = text
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A whole number in [min, max] written in plain decimal, or null. */
function parseWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * Parse `verify-badge` arguments (without the node and script paths). Accepts
 * `--flag value` and `--flag=value`; `--` ends the options; `-` alone is standard input.
 *
 * @example
 * ```ts
 * const parsed = parseArgs(['--json', '--now', '2026-01-01T00:00:00Z', 'badge.png']);
 * if (parsed.ok) console.log(parsed.args.inputs); // ['badge.png']
 * ```
 */
export function parseArgs(argv: readonly string[]): ParseOutcome {
  const args: CliArgs = {
    inputs: [],
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
  };
  const fail = (error: string): ParseOutcome => ({ ok: false, error });
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      args.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inlineValue = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;

    const booleanFlag = BOOLEAN_FLAGS[name];
    if (booleanFlag !== undefined) {
      if (inlineValue !== undefined) return fail(`option ${name} takes no value`);
      args[booleanFlag] = true;
      continue;
    }
    const valueFlag = VALUE_FLAGS[name];
    if (valueFlag === undefined) return fail(`unknown option ${name}`);

    let value: string;
    if (inlineValue !== undefined) {
      value = inlineValue;
    } else {
      const next = argv[i + 1];
      // "--now --json" is a forgotten value, not a clock called "--json".
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return fail(`option ${name} needs a value`);
      value = next;
      i++;
    }

    switch (valueFlag) {
      case 'now': {
        const date = parseIsoDate(value);
        if (!date) return fail(`--now must be an ISO 8601 date or date-time with a time zone, got "${value}"`);
        args.now = date;
        break;
      }
      case 'recipient':
        if (value.trim() === '') return fail('--recipient must not be empty');
        args.recipient = value.trim();
        break;
      case 'resources':
        if (value === '') return fail('--resources needs the path of a map file');
        args.resources = value;
        break;
      case 'concurrency': {
        const n = parseWholeNumber(value, 1, MAX_CONCURRENCY);
        if (n === null) return fail(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${value}"`);
        args.concurrency = n;
        break;
      }
      case 'timeout': {
        const n = parseWholeNumber(value, 1, MAX_TIMEOUT_MS);
        if (n === null) return fail(`--timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got "${value}"`);
        args.timeout = n;
        break;
      }
    }
  }

  if (args.help || args.version) return { ok: true, args };
  if (args.inputs.length === 0) return fail('no input given');
  if (args.inputs.filter((input) => input === '-').length > 1) return fail('standard input ("-") can be read only once');
  return { ok: true, args };
}

/**
 * The text of `--help`.
 *
 * @example
 * ```ts
 * process.stdout.write(USAGE);
 * ```
 */
export const USAGE = `usage: verify-badge [options] <input...>

Verify Open Badges (0.5, 1.x, 2.0, 3.0): baked PNG/SVG images, JSON assertions and
credentials, compact JWS/VC-JWT, or http(s) URLs. "-" reads standard input.

options:
  --json                     one JSON result per input, one per line (NDJSON), in input order
  --now <ISO-8601>           the clock for every date check (default: now), e.g. 2026-01-31T00:00:00Z
  --recipient <identity>     expected recipient: email, URL, telephone or DID
  --resources <map.json>     answer every fetch from local files listed in this map
                             {"exact": {"<url or did>": "<path>"}, "prefixes": {"<url prefix>": "<dir>/"}}
  --offline                  make no network request at all
  --concurrency <n>          how many inputs to verify at once (default 4)
  --timeout <ms>             timeout of each network request (default 10000)
  --allow-private-network    allow requests to loopback and private addresses
  --strict-schema            OB 3.0 JSON Schema failures make a badge invalid (default: warning)
  --trust-embedded-keys      accept an OB 3.0 key that only the badge vouches for (a Multikey in
                             the verification method URL, a JWT header jwk), as 1EdTech's
                             validator does; default: the issuer's document must list the key.
                             Anyone can forge such a badge: only for reproducing 1EdTech results
  -h, --help                 show this help
  -V, --version              show the version

exit status: 0 every input is valid, 1 any input is not, 2 usage error
`;
