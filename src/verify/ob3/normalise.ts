/**
 * The OB 3.0 credential as the display-neutral {@link NormalisedBadge}. Nothing from the
 * credential is trusted as markup: strings are copied as text, and only `https:`, `http:`
 * and `data:image/*` URLs survive as links or images.
 */
import type { BadgeIssuer, NormalisedBadge } from '../../result.js';
import { isoDate } from '../dates.js';
import { asArray, isObject } from '../json.js';
import { idOf, subjectOf } from './util.js';

const MAX_TEXT = 10_000;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.slice(0, MAX_TEXT);
  // Multilingual values (`{ "@value": …, "@language": … }`), as JSON-LD allows.
  if (isObject(value) && typeof value['@value'] === 'string') return value['@value'].slice(0, MAX_TEXT);
  return null;
}

/**
 * An URL safe to show or link: http(s) or a data: image. Anything else (javascript:, a
 * relative path, an SVG script in disguise under another media type) is dropped.
 *
 * @example
 * ```ts
 * safeUrl('javascript:alert(1)') // null
 * safeUrl({ id: 'https://example.org/b.png' }) // 'https://example.org/b.png'
 * ```
 */
export function safeUrl(value: unknown): string | null {
  const url = idOf(value);
  if (!url) return null;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The normalised issuer of a Profile (object) or an issuer id (string).
 *
 * @example
 * ```ts
 * normaliseIssuer({ id: 'https://example.edu', name: 'Example U' }).name // 'Example U'
 * ```
 */
export function normaliseIssuer(issuer: unknown): BadgeIssuer {
  const profile = isObject(issuer) ? issuer : {};
  return {
    id: idOf(issuer) ?? null,
    name: text(profile.name),
    url: safeUrl(profile.url),
    image: safeUrl(profile.image),
  };
}

/**
 * Normalise an OB 3.0 credential (OpenBadgeCredential, AchievementCredential,
 * EndorsementCredential, or any VC) for display.
 *
 * @example
 * ```ts
 * normaliseOb3(credential).name // the achievement name
 * ```
 */
export function normaliseOb3(credential: Record<string, unknown>): NormalisedBadge {
  const subject = subjectOf(credential) ?? {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const criteria = achievement.criteria;
  const identifiers = asArray(subject.identifier, 32).filter(isObject);
  const hashed = identifiers.some((i) => i.hashed === true);
  const plain = identifiers.find((i) => i.hashed !== true && typeof i.identityHash === 'string');
  return {
    name: text(achievement.name) ?? text(credential.name),
    description: text(achievement.description) ?? text(credential.description),
    image: safeUrl(achievement.image) ?? safeUrl(credential.image),
    criteria: isObject(criteria) ? (text(criteria.narrative) ?? (typeof criteria.id === 'string' ? criteria.id : null)) : text(criteria),
    issuer: normaliseIssuer(credential.issuer),
    recipient: {
      id: typeof subject.id === 'string' ? subject.id : null,
      name: text(subject.name),
      identity: plain ? text(plain.identityHash) : null,
      hashed,
    },
    issuedOn: isoDate(credential.validFrom) ?? isoDate(credential.issuanceDate),
    expiresOn: isoDate(credential.validUntil) ?? isoDate(credential.expirationDate),
    achievementType: text(achievement.achievementType),
    evidence: asArray(credential.evidence, 64),
    alignment: asArray(achievement.alignment, 64),
    endorsements: [],
  };
}
