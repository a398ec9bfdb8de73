// Shared test helpers for the unbake tests: where the corpus and our fixtures live, and how to
// assert that a call fails with a given BadgeError code.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { isBadgeError } from '../../src/errors.js';
import type { ErrorCode } from '../../src/errors.js';

const CORPUS = new URL('../../../shared/conformance/', import.meta.url);
const FIXTURES = new URL('../fixtures/unbake/', import.meta.url);

/** Bytes of a file in the external conformance corpus (read in place, never copied). */
export function corpus(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, CORPUS)));
}

/** Bytes of one of our own fixtures (made by scripts/make-unbake-fixtures.mjs). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

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

/** Same as {@link codeOf} for async calls. */
export async function codeOfAsync(fn: () => Promise<unknown>): Promise<ErrorCode> {
  try {
    await fn();
  } catch (e) {
    if (isBadgeError(e)) return e.code;
    throw e;
  }
  expect.fail('expected a BadgeError, but the call resolved');
}

/** Payload parsed as JSON (for asserting on content rather than on whitespace). */
export function json(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}
