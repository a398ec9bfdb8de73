/**
 * What `verify-badge` prints: NDJSON (`--json`, one result per line and nothing else) or a
 * short human summary per badge. Pure string functions so the exact output is testable.
 */
import { RESULT_STATUSES, type ResultStatus } from '../errors.js';
import type { VerificationResult } from '../result.js';

/** How the human output is rendered. */
export interface HumanStyle {
  /** ANSI colours: only for a terminal, and never when NO_COLOR is set. */
  color: boolean;
}

/**
 * One NDJSON line: the result exactly as the library returned it.
 *
 * @example
 * ```ts
 * process.stdout.write(formatJsonLine(result)); // '{"input":"badge.png",...}\n'
 * ```
 */
export function formatJsonLine(result: VerificationResult): string {
  return `${JSON.stringify(result)}\n`;
}

const WORDS: Readonly<Record<ResultStatus, string>> = {
  valid: 'VALID',
  invalid: 'INVALID',
  revoked: 'REVOKED',
  suspended: 'SUSPENDED',
  expired: 'EXPIRED',
  'not-yet-valid': 'NOT YET VALID',
  indeterminate: 'INDETERMINATE',
  error: 'ERROR',
};

const WORD_WIDTH = Math.max(...Object.values(WORDS).map((w) => w.length));

const COLOURS: Readonly<Record<ResultStatus, string>> = {
  valid: '32', // green
  invalid: '31', // red
  revoked: '31',
  error: '31',
  suspended: '33', // yellow
  expired: '33',
  'not-yet-valid': '33',
  indeterminate: '33',
};

function paint(text: string, code: string, style: HumanStyle): string {
  return style.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/**
 * Make text from a badge safe to print on a terminal. Badge content is written by whoever
 * made the badge: control characters (ANSI escapes could rewrite the status word or the
 * window title) and bidirectional overrides (could make "INVALID" read differently) are
 * replaced, and very long values are cut so one badge cannot flood the screen.
 *
 * @example
 * ```ts
 * terminalSafe('Badge\u001b[2J'); // 'Badge [2J'
 * ```
 */
export function terminalSafe(value: unknown, maxLength = 120): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/ {2,}/g, ' ').trim();
  const chars = Array.from(cleaned);
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : cleaned;
}

/**
 * "2026-01-15" from an ISO date-time: a person checking a badge wants the day; the exact
 * instant is in the JSON output. Other strings are shown as given (made safe).
 */
function shortDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value);
  return match ? match[1]! : terminalSafe(value, 40);
}

/**
 * The human summary of one result: one line with the status word, the input, the badge
 * name, its issuer and dates; under a badge that is not valid, its first error (code and
 * message) indented.
 *
 * @example
 * ```ts
 * process.stdout.write(formatHuman(result, { color: false }));
 * // VALID          badge.png  "Robotics Badge" from Example University, issued 2026-01-15
 * ```
 */
export function formatHuman(result: VerificationResult, style: HumanStyle): string {
  const word = WORDS[result.status] ?? terminalSafe(result.status).toUpperCase();
  const head = paint(word.padEnd(WORD_WIDTH), COLOURS[result.status] ?? '0', style);
  const parts = [terminalSafe(result.input, 200)];
  const badge = result.badge;
  if (badge) {
    const name = terminalSafe(badge.name);
    parts.push(name ? `"${name}"` : '(unnamed badge)');
    const issuer = terminalSafe(badge.issuer?.name) || terminalSafe(badge.issuer?.id);
    if (issuer) parts.push(`from ${issuer}`);
    const dates: string[] = [];
    const issued = shortDate(badge.issuedOn);
    if (issued) dates.push(`issued ${issued}`);
    const expires = shortDate(badge.expiresOn);
    if (expires) dates.push(`expires ${expires}`);
    if (dates.length > 0) parts.push(dates.join(', '));
  }
  if (result.version) parts.push(`(Open Badges ${result.version})`);
  const warnings = result.checks.filter((c) => c.status === 'warning').length;
  if (result.status === 'valid' && warnings > 0) parts.push(`[${warnings} warning${warnings === 1 ? '' : 's'}]`);

  let text = `${head}  ${parts.join('  ')}\n`;
  if (result.status !== 'valid') {
    const first = result.errors[0];
    if (first) text += `    ${terminalSafe(first.code, 40)}: ${terminalSafe(first.message, 300)}\n`;
  }
  return text;
}

/**
 * The closing line of a batch: how many inputs ended in each status, worst first.
 *
 * @example
 * ```ts
 * formatSummary(results, { color: false }); // '3 badges: 1 revoked, 2 valid\n'
 * ```
 */
export function formatSummary(results: readonly VerificationResult[], style: HumanStyle): string {
  const counts = new Map<ResultStatus, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  // Worst first, in the contract's precedence order.
  const parts = RESULT_STATUSES.filter((s) => counts.has(s)).map((s) => paint(`${counts.get(s)} ${s}`, COLOURS[s], style));
  return `${results.length} badge${results.length === 1 ? '' : 's'}: ${parts.join(', ')}\n`;
}
