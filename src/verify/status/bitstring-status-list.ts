/**
 * W3C Bitstring Status List v1.0 (`BitstringStatusListEntry`), https://www.w3.org/TR/vc-bitstring-status-list/
 *
 * Purposes `revocation` and `suspension` decide the badge's status; `message` and `refresh`
 * are information only and never fail it.
 */
import type { VerifyContext } from '../context.js';
import { parseStatusIndex, readStatus } from './bitstring.js';
import { loadStatusList, type ListFormat } from './list-credential.js';
import { clip, isObject } from '../json.js';
import { bitVerdict, malformedEntry, type StatusDeps, type StatusVerdict } from './types.js';

export const BITSTRING_FORMAT: ListFormat = {
  name: 'BitstringStatusList',
  credentialType: 'BitstringStatusListCredential',
  subjectType: 'BitstringStatusList',
};

const DECIDING_PURPOSES = new Set(['revocation', 'suspension']);
const INFORMATIONAL_PURPOSES = new Set(['message', 'refresh']);

/** `statusSize`: absent means 1; otherwise a positive integer (the spec's examples use numbers). */
function parseStatusSize(value: unknown): number | undefined {
  if (value === undefined) return 1;
  const n = typeof value === 'string' && /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** The `statusMessage` whose `status` (a hex string such as "0x2") equals `value`. */
function messageFor(entry: Record<string, unknown>, value: number): string | undefined {
  const messages = entry.statusMessage;
  if (!Array.isArray(messages)) return undefined;
  for (const item of messages) {
    if (!isObject(item) || typeof item.status !== 'string' || !/^0x[0-9a-f]+$/i.test(item.status)) continue;
    if (parseInt(item.status.slice(2), 16) === value && typeof item.message === 'string') return item.message;
  }
  return undefined;
}

/**
 * Check one `BitstringStatusListEntry`: fetch and trust its list, read the entry's bits.
 *
 * @example
 * ```ts
 * const verdict = await checkBitstringStatusListEntry(credential.credentialStatus, ctx, deps);
 * if (verdict.status === 'failed') console.log(verdict.code); // 'REVOKED', 'STATUS_UNAVAILABLE', ...
 * ```
 */
export async function checkBitstringStatusListEntry(
  entry: Record<string, unknown>,
  ctx: VerifyContext,
  deps: StatusDeps,
): Promise<StatusVerdict> {
  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string' || purpose === '') return malformedEntry('statusPurpose', 'BitstringStatusListEntry has no statusPurpose');
  const index = parseStatusIndex(entry.statusListIndex);
  if (index === undefined) {
    return malformedEntry('statusListIndex', `statusListIndex must be a non-negative integer, not ${clip(entry.statusListIndex, 40)}`);
  }
  const url = entry.statusListCredential;
  if (typeof url !== 'string' || url === '') return malformedEntry('statusListCredential', 'BitstringStatusListEntry has no statusListCredential');
  const size = parseStatusSize(entry.statusSize);
  if (size === undefined) return malformedEntry('statusSize', `statusSize must be a positive integer, not ${clip(entry.statusSize, 40)}`);

  const informational = INFORMATIONAL_PURPOSES.has(purpose);
  if (!informational && !DECIDING_PURPOSES.has(purpose)) {
    return { status: 'failed', code: 'STATUS_UNSUPPORTED', message: `unknown statusPurpose ${clip(purpose, 40)}` };
  }
  if (!informational && size !== 1) {
    // A multi-bit revocation or suspension status has no agreed meaning beyond 0/1.
    return {
      status: 'failed',
      code: 'STATUS_UNSUPPORTED',
      message: `a ${purpose} entry with statusSize ${size} is not supported (only 1-bit entries are)`,
    };
  }
  if (size > 32) {
    return { status: 'failed', code: 'STATUS_UNSUPPORTED', message: `statusSize ${size} is larger than supported (32)` };
  }

  const list = await loadStatusList(url, purpose, BITSTRING_FORMAT, ctx, deps);
  if (!list.ok) {
    // Information that cannot be had is worth a warning, not a verdict on the badge.
    return informational ? { status: 'warning', code: list.verdict.code, message: list.verdict.message } : list.verdict;
  }
  const value = readStatus(list.bits, index, size);
  const where = `${clip(url, 200)} index ${index}`;
  if (value === undefined) {
    const message = `statusListIndex ${index} is outside the status list ${clip(url, 200)} (${Math.floor(list.entries / size)} entries)`;
    return informational ? { status: 'warning', code: 'STATUS_UNAVAILABLE', message } : { status: 'failed', code: 'STATUS_UNAVAILABLE', message };
  }

  switch (purpose) {
    case 'revocation':
    case 'suspension':
      return bitVerdict(purpose, value, where);
    case 'refresh':
      return { status: 'passed', message: value === 0 ? `no refresh pending (${where})` : `the issuer has a refreshed version of this credential (${where})` };
    default: {
      const hex = `0x${value.toString(16)}`;
      const text = messageFor(entry, value);
      return { status: 'passed', message: `status ${hex}${text === undefined ? '' : `: ${clip(text, 200)}`} (${where})` };
    }
  }
}
