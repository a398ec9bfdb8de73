/**
 * did:key and did:jwk: DIDs that are their own key, so resolving them needs no network.
 */
import { BadgeError } from '../../errors.js';
import { base64urlDecode } from './encoding.js';
import { decodeMultikey, type PublicKeyMaterial } from './multikey.js';
import { publicKeyFromJwk } from './verification-method.js';

/**
 * The key of a `did:key:z…` DID URL. The fragment, when present, must be the key itself
 * (did:key spec: the verification method id is `did:key:<mb>#<mb>`).
 *
 * @example
 * ```ts
 * didKeyPublicKey('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2').algorithm // 'Ed25519'
 * ```
 */
export function didKeyPublicKey(didUrl: string): PublicKeyMaterial {
  const [did, fragment] = didUrl.split('#', 2) as [string, string | undefined];
  const multibase = did.slice('did:key:'.length);
  if (fragment !== undefined && fragment !== multibase) {
    throw new BadgeError('KEY_MALFORMED', `the fragment of ${didUrl} is not its key`);
  }
  return decodeMultikey(multibase);
}

/**
 * The key of a `did:jwk:<base64url JSON>` DID URL (its only verification method is `#0`).
 *
 * @example
 * ```ts
 * didJwkPublicKey('did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJFZDI1NTE5IiwieCI6Ii4uLiJ9#0')
 * ```
 */
export function didJwkPublicKey(didUrl: string): PublicKeyMaterial {
  const [did, fragment] = didUrl.split('#', 2) as [string, string | undefined];
  if (fragment !== undefined && fragment !== '0') throw new BadgeError('KEY_MALFORMED', `${didUrl}: a did:jwk has only #0`);
  const encoded = did.slice('did:jwk:'.length);
  if (encoded.length > 4096) throw new BadgeError('KEY_MALFORMED', 'did:jwk is too long');
  let jwk: unknown;
  try {
    jwk = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64urlDecode(encoded)));
  } catch (cause) {
    throw new BadgeError('KEY_MALFORMED', `${did} does not encode a JSON JWK`, { cause });
  }
  return publicKeyFromJwk(jwk);
}
