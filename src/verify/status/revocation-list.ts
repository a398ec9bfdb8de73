/**
 * 1EdTech Revocation List Status Method (`1EdTechRevocationList`),
 * https://www.imsglobal.org/spec/vcrl/v1p0/ , used by Open Badges 3.0 and CLR 2.0.
 *
 * `credentialStatus.id` is the URL of the issuer's revocation list, a JSON document whose
 * `revokedCredentials` lists `{ id, revocationReason? }` objects. The credential is revoked
 * when its `id` is listed (and the item does not say `"revoked": false`). The document is
 * not signed; like the official 1EdTech validator we trust what the issuer's URL serves.
 */
import { isBadgeError } from '../../errors.js';
import type { VerifyContext } from '../context.js';
import { clip, isObject } from '../json.js';
import type { StatusVerdict } from './types.js';

function unavailable(message: string): StatusVerdict {
  return { status: 'failed', code: 'STATUS_UNAVAILABLE', message };
}

/**
 * Check one `1EdTechRevocationList` entry of `credential`.
 *
 * @example
 * ```ts
 * const verdict = await check1EdTechRevocationList(credential.credentialStatus, credential, ctx);
 * if (verdict.status === 'failed' && verdict.code === 'REVOKED') console.log(verdict.message);
 * ```
 */
export async function check1EdTechRevocationList(
  entry: Record<string, unknown>,
  credential: Record<string, unknown>,
  ctx: VerifyContext,
): Promise<StatusVerdict> {
  const url = entry.id;
  if (typeof url !== 'string' || url === '') {
    return { status: 'failed', code: 'INVALID_PROPERTY', message: '1EdTechRevocationList has no id (the list URL)', property: 'credentialStatus.id' };
  }
  const credentialId = credential.id;
  if (typeof credentialId !== 'string' || credentialId === '') {
    // The list names revoked credentials by id: without one we cannot look it up.
    return unavailable('the credential has no id, so the 1EdTech revocation list cannot be consulted');
  }

  let list: unknown;
  try {
    ({ json: list } = await ctx.fetcher.getJson(url));
  } catch (error) {
    const why = isBadgeError(error) ? `${error.code}: ${error.message}` : String(error);
    return unavailable(`the revocation list ${clip(url, 200)} could not be fetched (${why})`);
  }
  if (!isObject(list) || !Array.isArray(list.revokedCredentials)) {
    return unavailable(`the revocation list ${clip(url, 200)} is not a 1EdTech revocation list (no revokedCredentials array)`);
  }

  for (const item of list.revokedCredentials) {
    // Bare id strings are accepted too, as the OB 2.0 RevocationList allowed them.
    const id = typeof item === 'string' ? item : isObject(item) ? item.id : undefined;
    if (id !== credentialId) continue;
    if (isObject(item) && item.revoked === false) continue;
    const reason = isObject(item) && typeof item.revocationReason === 'string' && item.revocationReason !== '' ? item.revocationReason : undefined;
    return {
      status: 'failed',
      code: 'REVOKED',
      message: `the issuer revoked this credential${reason === undefined ? '' : `: ${clip(reason, 200)}`} (${clip(url, 200)})`,
    };
  }
  return { status: 'passed', message: `not in the revocation list ${clip(url, 200)}` };
}
