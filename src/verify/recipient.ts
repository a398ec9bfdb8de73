/**
 * Recipient matching: is the person the verifier expects the one the badge names?
 * OB 1.x/2.0 `IdentityObject` and OB 3.0 `IdentityObject` (`identityHash`) share the rule:
 * a plain identity is compared directly; a hashed one is `<alg>$<hex>` where hex is
 * hash(identity + salt). Only sha256 (WebCrypto) and md5 (ours) are defined by the spec.
 */
import { encodeHex } from '../encoding/hex.js';
import { md5Hex } from './md5.js';
import { subtleCrypto } from './webcrypto.js';

/** What a badge says about its recipient. */
export interface IdentityClaim {
  /** The identity, or `sha256$<hex>` / `md5$<hex>` when hashed. */
  identity: string;
  hashed: boolean;
  salt?: string | null;
  /** `email`, `url`, `telephone`, `did`, … (OB 3.0 spells them `emailAddress`, …). */
  type?: string | null;
}

async function digestHex(algorithm: 'sha256' | 'md5', text: string): Promise<string> {
  const data = new TextEncoder().encode(text);
  if (algorithm === 'md5') return md5Hex(data);
  return encodeHex(await subtleCrypto().digest('SHA-256', data));
}

function isEmailType(type: string | null | undefined, value: string): boolean {
  if (type) return /^e-?mail(address)?$/i.test(type);
  return /^[^@\s]+@[^@\s]+$/.test(value);
}

/**
 * The forms of `expected` that count as the same identity. Issuers differ in how they
 * normalise before hashing (most lower-case e-mail addresses, some do not), and neither
 * spec fixes a rule, so an e-mail address is tried as typed and lower-cased.
 */
function candidates(expected: string, claim: IdentityClaim): string[] {
  let value = expected.trim();
  if (isEmailType(claim.type, value)) value = value.replace(/^mailto:/i, '');
  const forms = new Set([value]);
  if (isEmailType(claim.type, value)) forms.add(value.toLowerCase());
  return [...forms];
}

/**
 * True when `expected` (an e-mail address, URL, telephone number or DID as typed by the user)
 * is the identity `claim` names. Hashed identities (`sha256$…`, `md5$…`, hex in either case,
 * with or without salt) are recomputed; an unknown hash algorithm never matches.
 *
 * @example
 * ```ts
 * await identityMatches('Nobody@Example.org', {
 *   identity: 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942',
 *   hashed: true, salt: 'deadsea', type: 'email',
 * }) // true
 * ```
 */
export async function identityMatches(expected: string, claim: IdentityClaim): Promise<boolean> {
  if (typeof expected !== 'string' || typeof claim?.identity !== 'string') return false;
  const forms = candidates(expected, claim);
  if (forms.every((f) => f === '')) return false;
  if (!claim.hashed) {
    const actual = claim.identity.trim();
    const email = isEmailType(claim.type, actual);
    return forms.some((f) => f === actual || (email && f.toLowerCase() === actual.toLowerCase()));
  }
  const match = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(claim.identity.trim());
  if (!match) return false;
  const algorithm = match[1]!.toLowerCase() as 'sha256' | 'md5';
  const want = match[2]!.toLowerCase();
  if (want.length !== (algorithm === 'md5' ? 32 : 64)) return false;
  const salt = typeof claim.salt === 'string' ? claim.salt : '';
  for (const form of forms) {
    if ((await digestHex(algorithm, form + salt)) === want) return true;
  }
  return false;
}

/**
 * Hash an identity the way OB 2.0 issuers do (`sha256$` + hex of identity + salt), for
 * fixtures and tests.
 *
 * @example
 * ```ts
 * await hashIdentity('nobody@example.org', 'deadsea') // 'sha256$ecf5409f…'
 * ```
 */
export async function hashIdentity(identity: string, salt = '', algorithm: 'sha256' | 'md5' = 'sha256'): Promise<string> {
  return `${algorithm}$${await digestHex(algorithm, identity + salt)}`;
}
