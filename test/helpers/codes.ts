/**
 * Asserting that a call fails with a given BadgeError code (tests assert on codes, never on
 * message wording). Anything else thrown is rethrown, and no error at all fails the test.
 */
import { expect } from 'vitest';
import { isBadgeError, type ErrorCode } from '../../src/errors.js';

/** The BadgeError code `fn` throws; fails the test when it throws anything else or nothing. */
export function codeOf(fn: () => unknown): ErrorCode {
  try {
    fn();
  } catch (e) {
    if (isBadgeError(e)) return e.code;
    throw e;
  }
  expect.fail('expected a BadgeError, but the call returned');
}

/** The BadgeError code the promise (or `fn`'s promise) rejects with; fails the test otherwise. */
export async function codeOfAsync(work: Promise<unknown> | (() => Promise<unknown>)): Promise<ErrorCode> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    if (isBadgeError(e)) return e.code;
    throw e;
  }
  expect.fail('expected a BadgeError, but the call resolved');
}
