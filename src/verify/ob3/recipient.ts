/**
 * Recipient matching for OB 3.0 (§B.1.9 AchievementSubject): the expected identity is the
 * subject's `id`, or one of its `identifier` IdentityObjects (`identityHash`, optionally
 * hashed with `salt`, typed by `identityType`).
 */
import type { CheckList } from '../context.js';
import { identityMatches } from '../recipient.js';
import { asArray, isObject } from '../json.js';
import { subjectOf } from './util.js';

/**
 * Record a `recipient` check when `expected` is given (skipped otherwise).
 *
 * @example
 * ```ts
 * await checkRecipient(credential, 'did:example:ebfeb1f712ebc6f1c276e12ec21', ctx.checks);
 * ```
 */
export async function checkRecipient(credential: Record<string, unknown>, expected: string | undefined, checks: CheckList): Promise<void> {
  if (!expected) {
    checks.skip('recipient', 'no expected recipient was given');
    return;
  }
  for (const subject of asArray(credential.credentialSubject, 16).filter(isObject)) {
    if (typeof subject.id === 'string' && (await identityMatches(expected, { identity: subject.id, hashed: false }))) {
      checks.pass('recipient', 'the expected recipient is the credential subject');
      return;
    }
    for (const identifier of asArray(subject.identifier, 32)) {
      if (!isObject(identifier) || typeof identifier.identityHash !== 'string') continue;
      const claim = {
        identity: identifier.identityHash,
        hashed: identifier.hashed === true,
        salt: typeof identifier.salt === 'string' ? identifier.salt : null,
        type: typeof identifier.identityType === 'string' ? identifier.identityType : null,
      };
      if (await identityMatches(expected, claim)) {
        checks.pass('recipient', 'the expected recipient matches an identifier of the subject');
        return;
      }
    }
  }
  const subject = subjectOf(credential);
  checks.fail(
    'recipient',
    'RECIPIENT_MISMATCH',
    subject && (subject.id !== undefined || subject.identifier !== undefined)
      ? 'the credential was issued to someone else'
      : 'the credential names no recipient to compare with',
  );
}
