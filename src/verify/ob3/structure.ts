/**
 * The shape every OB 3.0 credential must have before its proof means anything (VCDM 1.1 /
 * 2.0 §4 and OB 3.0 §8.2 step 1: "the credential is a VerifiableCredential and an
 * OpenBadgeCredential/AchievementCredential or EndorsementCredential"). Field-by-field
 * validation is the JSON Schema check's job; this is the minimum the pipeline relies on.
 */
import type { ErrorCode } from '../../errors.js';
import { clip, isObject, typesOf } from '../json.js';
import { idOf, MAX_LIST_ITEMS } from './util.js';

/**
 * The VC Data Model 1.1 base context.
 *
 * @example
 * ```ts
 * checkStructure({ '@context': [VC_V1_CONTEXT] }).dataModel // '1.1' (if otherwise complete)
 * ```
 */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
/**
 * The VC Data Model 2.0 base context.
 *
 * @example
 * ```ts
 * checkStructure({ '@context': [VC_V2_CONTEXT] }).dataModel // '2.0' (if otherwise complete)
 * ```
 */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/**
 * The OB 3.0 context: the published URLs (3.0.0 to 3.0.x, and the ob_v3p0.jsonld alias) and
 * the pre-release URLs that 2022 credentials (JFF plugfests, early VC-JWTs) still carry.
 */
const OB_CONTEXT =
  /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/(context(-3\.0\.\d+)?\.json|context\/ob_v3p0\.jsonld)$|^https:\/\/imsglobal\.github\.io\/openbadges-specification\/(context\.json|ob_v3p0\.html)$|^https:\/\/w3c-ccg\.github\.io\/vc-ed\/plugfest-1-2022\/jff-vc-edu-plugfest-1-context\.json$/;

/**
 * Credential types that are Open Badges.
 *
 * @example
 * ```ts
 * OB_TYPES.includes('AchievementCredential') // true
 * ```
 */
export const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential'] as const;

/**
 * Credential types of 1EdTech's Comprehensive Learner Record 2.0, which carries Open Badges
 * (a CLR is verified as any VC, with a warning that it is not a badge itself).
 */
const CLR_TYPES = ['ClrCredential'];

/** The structural verdict. */
export interface StructureFinding {
  /** `failed`: not a credential we can verify (or, as a badge, not one); `warning`: a CLR. */
  status: 'passed' | 'failed' | 'warning';
  code?: ErrorCode;
  message: string;
  property?: string;
  /** The VC data model version, from the first context. */
  dataModel: '1.1' | '2.0' | null;
  /** True for OpenBadgeCredential / AchievementCredential / EndorsementCredential. */
  openBadge: boolean;
}

/**
 * A URI: a scheme, a colon, and no whitespace (RFC 3986 §3; VCDM requires `id` to be one).
 *
 * @example
 * ```ts
 * isUri('urn:uuid:1234') // true; isUri('0923lksjf') // false
 * ```
 */
export function isUri(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(value);
}

/**
 * Check the structure of an OB 3.0 credential. As a `badge` (what was given to verify, or an
 * endorsement), a VC of another type fails INVALID_TYPE: a signed status list or a university
 * degree is real but is no badge, and calling it valid would tell a reader it is one (OB 3.0
 * §8.2 step 1; 1EdTech's validator rejects unknown types too). A CLR, which carries badges,
 * passes with a warning. As a `list` (a status list credential), only the VC rules apply: its
 * own type is the status check's to judge.
 *
 * @example
 * ```ts
 * checkStructure(credential).status // 'passed'
 * checkStructure(statusListCredential, 'list').status // 'passed'
 * ```
 */
export function checkStructure(credential: Record<string, unknown>, role: 'badge' | 'list' = 'badge'): StructureFinding {
  const contexts = Array.isArray(credential['@context']) ? credential['@context'] : credential['@context'] === undefined ? [] : [credential['@context']];
  const first = contexts[0];
  const dataModel = first === VC_V2_CONTEXT ? '2.0' : first === VC_V1_CONTEXT ? '1.1' : null;
  const types = typesOf(credential.type, MAX_LIST_ITEMS);
  const openBadge = OB_TYPES.some((t) => types.includes(t));
  const fail = (code: ErrorCode, message: string, property?: string): StructureFinding => ({ status: 'failed', code, message, dataModel, openBadge, ...(property ? { property } : {}) });

  if (!dataModel) {
    return fail('INVALID_CONTEXT', contexts.length === 0 ? 'the credential has no @context' : `the first @context must be the VC context, not ${clip(first, 80)}`, '@context');
  }
  if (!types.includes('VerifiableCredential')) return fail('INVALID_TYPE', 'type must include VerifiableCredential', 'type');
  if (credential.id !== undefined && !isUri(credential.id)) return fail('INVALID_PROPERTY', `id must be a URI, not ${clip(credential.id, 60)}`, 'id');
  const issuer = credential.issuer;
  if (issuer === undefined) return fail('MISSING_PROPERTY', 'the credential has no issuer', 'issuer');
  if (!isUri(idOf(issuer))) return fail('INVALID_PROPERTY', 'the issuer must be a URI or a Profile with a URI id', 'issuer');
  const subjects = Array.isArray(credential.credentialSubject) ? credential.credentialSubject : [credential.credentialSubject];
  if (credential.credentialSubject === undefined || subjects.length === 0) return fail('MISSING_PROPERTY', 'the credential has no credentialSubject', 'credentialSubject');
  if (!subjects.every(isObject)) return fail('INVALID_PROPERTY', 'credentialSubject must be an object', 'credentialSubject');
  if (openBadge && !contexts.some((c) => typeof c === 'string' && OB_CONTEXT.test(c))) {
    return fail('INVALID_CONTEXT', 'an Open Badges 3.0 credential must include the OB 3.0 context', '@context');
  }
  if (!openBadge) {
    const named = clip(types.join(', '), 80);
    if (role === 'list') return { status: 'passed', message: `a verifiable credential of type ${named}`, dataModel, openBadge };
    if (!CLR_TYPES.some((t) => types.includes(t))) return fail('INVALID_TYPE', `a verifiable credential of type ${named}, not an Open Badge (${OB_TYPES.join(', ')})`, 'type');
    return {
      status: 'warning',
      code: 'INVALID_TYPE',
      message: `a CLR credential (${named}), not an Open Badge itself: its proof and dates are checked as for any VC`,
      property: 'type',
      dataModel,
      openBadge,
    };
  }
  return { status: 'passed', message: `an Open Badges 3.0 ${types.filter((t) => t !== 'VerifiableCredential').join(', ')} (VCDM ${dataModel})`, dataModel, openBadge };
}
