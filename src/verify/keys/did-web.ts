/**
 * did:web (W3C CCG did:web method): the DID names an HTTPS location of its DID document.
 */
import { BadgeError } from '../../errors.js';

/**
 * The URL of a did:web DID document. `did:web:example.com` → `https://example.com/.well-known/did.json`;
 * `did:web:example.com:user:alice` → `https://example.com/user/alice/did.json`; a port is
 * percent-encoded in the host part (`did:web:localhost%3A8443`).
 *
 * @example
 * ```ts
 * didWebUrl('did:web:w3c-ccg.github.io:user:alice') // 'https://w3c-ccg.github.io/user/alice/did.json'
 * ```
 */
export function didWebUrl(did: string): string {
  const body = did.replace(/[#?].*$/, '').slice('did:web:'.length);
  const parts = body.split(':');
  if (parts.length === 0 || parts.some((p) => p.length === 0)) throw new BadgeError('KEY_UNSUPPORTED', `malformed did:web ${did}`);
  let host: string;
  try {
    host = decodeURIComponent(parts[0]!);
  } catch {
    throw new BadgeError('KEY_UNSUPPORTED', `malformed did:web host in ${did}`);
  }
  // Only a host and an optional port: a path, userinfo or query smuggled in the host is refused.
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) throw new BadgeError('KEY_UNSUPPORTED', `malformed did:web host in ${did}`);
  const path = parts.slice(1).map((p) => {
    let segment: string;
    try {
      segment = decodeURIComponent(p);
    } catch {
      throw new BadgeError('KEY_UNSUPPORTED', `malformed did:web path in ${did}`);
    }
    if (segment === '.' || segment === '..' || /[/?#\\]/.test(segment)) {
      throw new BadgeError('KEY_UNSUPPORTED', `malformed did:web path in ${did}`);
    }
    return encodeURIComponent(segment);
  });
  return path.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${path.join('/')}/did.json`;
}
