/**
 * StatusList2021 (`StatusList2021Entry`), the W3C CCG predecessor of Bitstring Status List,
 * https://w3c-ccg.github.io/vc-status-list-2021/ . Same GZIP bitstring, read MSB-first;
 * purposes `revocation` and `suspension` only; the list is a `StatusList2021Credential`.
 */
import type { VerifyContext } from '../context.js';
import { parseStatusIndex, readStatus } from './bitstring.js';
import { loadStatusList, type ListFormat } from './list-credential.js';
import { clip } from '../json.js';
import { bitVerdict, malformedEntry, type StatusDeps, type StatusVerdict } from './types.js';

export const STATUS_LIST_2021_FORMAT: ListFormat = {
  name: 'StatusList2021',
  credentialType: 'StatusList2021Credential',
  subjectType: 'StatusList2021',
};

/**
 * Check one `StatusList2021Entry`.
 *
 * @example
 * ```ts
 * const verdict = await checkStatusList2021Entry(entry, ctx, deps);
 * ```
 */
export async function checkStatusList2021Entry(
  entry: Record<string, unknown>,
  ctx: VerifyContext,
  deps: StatusDeps,
): Promise<StatusVerdict> {
  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string' || purpose === '') return malformedEntry('statusPurpose', 'StatusList2021Entry has no statusPurpose');
  const index = parseStatusIndex(entry.statusListIndex);
  if (index === undefined) {
    return malformedEntry('statusListIndex', `statusListIndex must be a non-negative integer, not ${clip(entry.statusListIndex, 40)}`);
  }
  const url = entry.statusListCredential;
  if (typeof url !== 'string' || url === '') return malformedEntry('statusListCredential', 'StatusList2021Entry has no statusListCredential');
  if (purpose !== 'revocation' && purpose !== 'suspension') {
    return { status: 'failed', code: 'STATUS_UNSUPPORTED', message: `unknown StatusList2021 statusPurpose ${clip(purpose, 40)}` };
  }

  const list = await loadStatusList(url, purpose, STATUS_LIST_2021_FORMAT, ctx, deps);
  if (!list.ok) return list.verdict;
  const value = readStatus(list.bits, index, 1);
  const where = `${clip(url, 200)} index ${index}`;
  if (value === undefined) {
    return { status: 'failed', code: 'STATUS_UNAVAILABLE', message: `statusListIndex ${index} is outside the status list ${clip(url, 200)} (${list.entries} entries)` };
  }
  return bitVerdict(purpose, value, where);
}
