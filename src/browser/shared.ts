/**
 * The script-tag bundle's side of the module lending described in ./shared-modules.ts: its
 * own copies of the shared modules, put where dist/browser/ob3.js's stand-ins look for them.
 */
import * as errors from '../errors.js';
import * as result from '../result.js';
import * as base64 from '../encoding/base64.js';
import * as hex from '../encoding/hex.js';
import * as crc32 from '../unbake/crc32.js';
import * as inflate from '../unbake/inflate.js';
import * as abort from '../verify/abort.js';
import * as context from '../verify/context.js';
import * as dates from '../verify/dates.js';
import * as fetchError from '../verify/fetch-error.js';
import * as json from '../verify/json.js';
import * as md5 from '../verify/md5.js';
import * as recipient from '../verify/recipient.js';
import * as webcrypto from '../verify/webcrypto.js';
import * as algorithms from '../verify/jose/algorithms.js';
import * as jws from '../verify/jose/jws.js';
import * as keys from '../verify/jose/keys.js';
import * as shape from '../verify/jose/shape.js';
import { SHARED_MODULES_SYMBOL, type SharedModule } from './shared-modules.js';

// Every shared module, by its path (the type makes a missing one a compile error).
const REGISTRY: Readonly<Record<SharedModule, object>> = Object.freeze({
  errors,
  result,
  'encoding/base64': base64,
  'encoding/hex': hex,
  'unbake/crc32': crc32,
  'unbake/inflate': inflate,
  'verify/abort': abort,
  'verify/context': context,
  'verify/dates': dates,
  'verify/fetch-error': fetchError,
  'verify/json': json,
  'verify/md5': md5,
  'verify/recipient': recipient,
  'verify/webcrypto': webcrypto,
  'verify/jose/algorithms': algorithms,
  'verify/jose/jws': jws,
  'verify/jose/keys': keys,
  'verify/jose/shape': shape,
});

/**
 * Lend the shared modules to the OB 3.0 module: when the script starts (src/element/global.ts)
 * and again, harmlessly, before the import. Idempotent; the property is read-only and the
 * registry frozen, so the modules cannot be swapped afterwards — though, as with anything on
 * a page, a script that runs first could define it, just as it could replace `fetch` or
 * `crypto.subtle`.
 *
 * @example
 * ```ts
 * lendSharedModules('0.1.0');
 * await import(ob3Url);
 * ```
 */
export function lendSharedModules(version: string): void {
  const key = Symbol.for(SHARED_MODULES_SYMBOL(version));
  if (Object.hasOwn(globalThis, key)) return;
  Object.defineProperty(globalThis, key, { value: REGISTRY, enumerable: false, writable: false, configurable: false });
}
