/**
 * The modules the script-tag bundle lends to the browser OB 3.0 module (dist/browser/ob3.js).
 *
 * Both are built from the same sources at the same time, and the classic script already
 * carries these modules (errors, encodings, JOSE, dates, the inflater…): rather than ship
 * them a second time inside dist/browser/, the browser build replaces each of them with a
 * stand-in that reads the script's own copy (tsup.config.ts, plugin `borrow-shared-modules`),
 * and the script lends them just before it imports the OB 3.0 module (./shared.ts). Plain
 * data, read by the build configuration as well.
 *
 * Paths are relative to src/, without the extension.
 */
export const SHARED_MODULES = [
  'errors',
  'result',
  'encoding/base64',
  'encoding/hex',
  'unbake/crc32',
  'unbake/inflate',
  'verify/abort',
  'verify/context',
  'verify/dates',
  'verify/fetch-error',
  'verify/json',
  'verify/md5',
  'verify/recipient',
  'verify/webcrypto',
  'verify/jose/algorithms',
  'verify/jose/jws',
  'verify/jose/keys',
  'verify/jose/shape',
] as const;

/** One of {@link SHARED_MODULES}. */
export type SharedModule = (typeof SHARED_MODULES)[number];

/**
 * Where the lent modules are found: a registered symbol on the global object, named with the
 * version so that two different releases on one page never borrow each other's modules.
 */
export const SHARED_MODULES_SYMBOL = (version: string): string => `verify-badge.shared-modules@${version}`;
