// Where the conformance corpus is: ../shared/conformance beside the repository (as CI lays
// it out), or wherever VB_CONFORMANCE names. It is read in place and never copied into the
// repository. One module, so every test agrees and test/setup/corpus.ts can check it once.
import { pathToFileURL } from 'node:url';

const fromEnv = process.env.VB_CONFORMANCE;

/** The corpus folder as a file URL, with a trailing slash (resolve files against it). */
export const CORPUS_URL: URL = fromEnv ? pathToFileURL(fromEnv.endsWith('/') ? fromEnv : `${fromEnv}/`) : new URL('../../../shared/conformance/', import.meta.url);
