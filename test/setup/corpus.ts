// Global setup: the conformance corpus must be there before any test reads it. Without it a
// fresh clone used to fail in 200 places with bare ENOENT traces; now it fails once, saying
// where the corpus was looked for and how to point at it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORPUS_URL } from '../helpers/corpus-dir.js';

export default function checkCorpus(): void {
  const dir = fileURLToPath(CORPUS_URL);
  if (existsSync(`${dir}INDEX.md`) && existsSync(`${dir}url-map.json`)) return;
  throw new Error(
    `The conformance corpus (INDEX.md, url-map.json and the vendors' test material) is not at ${dir}.\n` +
      'The tests read it in place: put the shared/ folder beside this repository, or set VB_CONFORMANCE=/path/to/conformance.',
  );
}
