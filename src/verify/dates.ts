/**
 * Dates as Open Badges write them. OB 2.0 `DateTime` is ISO 8601 or a Unix timestamp
 * (seconds); OB 0.5 used bare `YYYY-MM-DD` dates; OB 3.0 / VCs use XML Schema dateTime.
 * One parser for all of them, so every version compares dates the same way.
 */

// ISO 8601 / XML Schema dateTime: date, optional time with optional fraction and zone.
// Anchored and bounded, so a hostile string cannot make the match slow.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Largest Unix timestamp (seconds) we accept as a date: year 9999. */
const MAX_UNIX_SECONDS = 253_402_300_799;

function fromParts(match: RegExpExecArray): Date | null {
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  // Date.UTC silently rolls 31 February into March: reject it instead.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    time -= sign * offset * 60_000;
  }
  // A time without a zone is read as UTC: a verifier must not depend on the machine's zone.
  return Number.isFinite(time) ? new Date(time) : null;
}

/**
 * Parse an Open Badges date: an ISO 8601 string (date or date-time, any zone; no zone means
 * UTC), or a Unix timestamp in seconds (number or digit string, as OB 1.0 allowed).
 * Anything else, including impossible dates such as `2021-02-31`, is `null`.
 *
 * @example
 * ```ts
 * parseDate('2026-01-15T00:00:00Z')?.toISOString() // '2026-01-15T00:00:00.000Z'
 * parseDate(1_700_000_000)?.getUTCFullYear()        // 2023
 * parseDate('yesterday')                            // null
 * ```
 */
export function parseDate(value: unknown): Date | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > MAX_UNIX_SECONDS) return null;
    return new Date(value * 1000);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 64) return null;
  if (/^\d{1,12}$/.test(text)) return parseDate(Number(text));
  const match = ISO_DATE_TIME.exec(text);
  return match ? fromParts(match) : null;
}

/**
 * `parseDate` as an ISO string (for display in the normalised badge), or null.
 * @example
 * ```ts
 * isoDate('2012-06-01') // '2012-06-01T00:00:00.000Z'
 * ```
 */
export function isoDate(value: unknown): string | null {
  return parseDate(value)?.toISOString() ?? null;
}
