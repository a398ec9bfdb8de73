// Shared test helpers for the unbake tests: where the corpus and our fixtures live, and how to
// assert that a call fails with a given BadgeError code.
import { readFileSync } from 'node:fs';
import { CORPUS_URL } from '../helpers/corpus-dir.js';

const CORPUS = CORPUS_URL;
const FIXTURES = new URL('../fixtures/unbake/', import.meta.url);

/** Bytes of a file in the external conformance corpus (read in place, never copied). */
export function corpus(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, CORPUS)));
}

/** Bytes of one of our own fixtures (made by scripts/make-unbake-fixtures.mjs). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export { codeOf, codeOfAsync } from '../helpers/codes.js';

/** Payload parsed as JSON (for asserting on content rather than on whitespace). */
export function json(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}
