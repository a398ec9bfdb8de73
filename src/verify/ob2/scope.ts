/**
 * OB 2.0 hosted verification scope (VerificationObject on the issuer Profile): a hosted
 * assertion is only the issuer's word when its id lives where the issuer says its
 * assertions live. `allowedOrigins` lists host names (default: the host of the issuer's
 * id); `startsWith` lists URL prefixes. Without this, anyone could host an "assertion" of
 * someone else's BadgeClass on their own server.
 */
import { asArray, isObject, type JsonObject } from '../normalise-common.js';

export type ScopeVerdict =
  | { ok: true; message: string }
  | { ok: false; message: string }
  /** The issuer's id is not an HTTP URL and it declares no policy: nothing to compare with. */
  | { ok: 'unknown'; message: string };

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Is `assertionUrl` inside the verification scope of `issuer`? `issuerHostUrl` is the URL
 * whose host is the default allowed origin (the issuer's id in 2.0; `url`/`origin` in 1.x).
 *
 * @example
 * ```ts
 * checkScope('https://example.org/a.json', { id: 'https://example.org/issuer' }, 'https://example.org/issuer').ok // true
 * ```
 */
export function checkScope(assertionUrl: string, issuer: JsonObject, issuerHostUrl: string | null): ScopeVerdict {
  const host = hostOf(assertionUrl);
  if (host === null) return { ok: false, message: `the assertion URL ${assertionUrl} is not an http(s) URL` };
  const policy = isObject(issuer.verification) ? issuer.verification : {};
  const declaredOrigins = asArray(policy.allowedOrigins ?? policy['obi:allowedOrigins']).filter((o): o is string => typeof o === 'string');
  const startsWith = asArray(policy.startsWith ?? policy['http://purl.org/dqm-vocabulary/v1/dqm#startsWith']).filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  const defaultHost = issuerHostUrl === null ? null : hostOf(issuerHostUrl);
  const origins = declaredOrigins.length > 0 ? declaredOrigins.map((o) => o.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '')) : defaultHost ? [defaultHost] : [];

  if (origins.length === 0 && startsWith.length === 0) {
    return { ok: 'unknown', message: `the issuer id is not an HTTP URL and declares no verification scope, so the host of ${assertionUrl} cannot be checked` };
  }
  if (origins.length > 0 && !origins.includes(host)) {
    return { ok: false, message: `${assertionUrl} is not on a host the issuer allows (${origins.join(', ')})` };
  }
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionUrl.startsWith(prefix))) {
    return { ok: false, message: `${assertionUrl} does not start with a prefix the issuer allows (${startsWith.join(', ')})` };
  }
  return { ok: true, message: `${assertionUrl} is within the issuer's verification scope` };
}
