/**
 * Required properties and value types of OB 2.0 Assertion, BadgeClass and Profile (and
 * their 1.x predecessors, mapped onto 2.0 names by model.ts). Each rule names the property
 * it concerns, e.g. `Assertion.recipient`, so a failed check says what to fix.
 */
import type { ErrorCode } from '../../errors.js';
import { parseDate } from '../dates.js';
import { asArray, isHttpUrl, isObject, str, type JsonObject } from '../normalise-common.js';
import { hasOb2Context, hasType, OB1_CONTEXTS, verificationType, type LegacyVersion } from './model.js';

/** One problem with a document. Warnings do not make the badge invalid. */
export interface Issue {
  code: ErrorCode;
  property: string;
  message: string;
  warning?: boolean;
}

/**
 * An IRI as OB 2.0 means it: an absolute URI (http(s), urn:, did:, …), or a blank node id.
 * @example
 * ```ts
 * isIri('urn:uuid:1') // true
 * isIri('a b')        // false
 * ```
 */
export function isIri(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 8192 && /^(?:[a-z][a-z0-9+.-]*:\S+|_:\S+)$/i.test(value);
}

function isDataUri(value: unknown): boolean {
  return typeof value === 'string' && /^data:/i.test(value.trim());
}

/** An IRI or an embedded object with an IRI `id` (or none, for embedded nodes). */
function isIriOrNode(value: unknown): boolean {
  return isIri(value) || (isObject(value) && (value.id === undefined || isIri(value.id)));
}

class Rules {
  readonly issues: Issue[] = [];
  constructor(readonly node: JsonObject, readonly name: string) {}

  missing(prop: string, message = `${this.name}.${prop} is required`): void {
    this.issues.push({ code: 'MISSING_PROPERTY', property: `${this.name}.${prop}`, message });
  }
  invalid(prop: string, message: string, code: ErrorCode = 'INVALID_PROPERTY'): void {
    this.issues.push({ code, property: `${this.name}.${prop}`, message });
  }
  warn(prop: string, code: ErrorCode, message: string): void {
    this.issues.push({ code, property: `${this.name}.${prop}`, message, warning: true });
  }
  /** `<Name>.<prop> must be <what>`. */
  mustBe(prop: string, what: string): void {
    this.invalid(prop, `${this.name}.${prop} must be ${what}`);
  }
  /** Required and must pass `test`. */
  require(prop: string, test: (v: unknown) => boolean, what: string): void {
    const value = this.node[prop];
    if (value === undefined || value === null || value === '') this.missing(prop);
    else if (!test(value)) this.mustBe(prop, what);
  }
  /** Optional, but when present must pass `test`. */
  optional(prop: string, test: (v: unknown) => boolean, what: string): void {
    const value = this.node[prop];
    if (value !== undefined && value !== null && !test(value)) this.mustBe(prop, what);
  }
  context(version: LegacyVersion): void {
    const ctx = this.node['@context'];
    if (version === '2.0' && !hasOb2Context(this.node)) {
      this.invalid('@context', ctx === undefined ? `${this.name} has no @context` : `${this.name}.@context is not the Open Badges 2.0 context`, 'INVALID_CONTEXT');
    }
    if (version === '1.1' && !asArray(ctx).some((c) => typeof c === 'string' && OB1_CONTEXTS.has(c))) {
      this.invalid('@context', `${this.name}.@context is not the Open Badges 1.1 context`, 'INVALID_CONTEXT');
    }
  }
  type(version: LegacyVersion, ...allowed: string[]): void {
    if (version !== '2.0' && version !== '1.1') return; // 0.5 and 1.0 documents are untyped
    if (this.node.type === undefined && this.node['@type'] === undefined) this.missing('type');
    else if (!hasType(this.node, ...allowed)) this.invalid('type', `${this.name}.type must include ${allowed.join(' or ')}`, 'INVALID_TYPE');
  }
}

const isString = (v: unknown) => typeof v === 'string';
const isDate = (v: unknown) => parseDate(v) !== null;

/**
 * Problems with an assertion (already mapped to 2.0 names for 0.5/1.x).
 *
 * @example
 * ```ts
 * checkAssertion({ type: 'Assertion' }, '2.0')[0]?.property // 'Assertion.@context'
 * ```
 */
export function checkAssertion(node: JsonObject, version: LegacyVersion): Issue[] {
  const r = new Rules(node, 'Assertion');
  r.context(version);
  r.type(version, 'Assertion');
  const kind = verificationType(node);
  if (version === '1.0' || version === '1.1') r.require('uid', isString, 'a string');
  if (node.id === undefined || node.id === null) {
    // 0.5 has no id (its hosted URL is where it was fetched from) and 1.x has a uid instead.
    if (version === '2.0') r.missing('id');
  } else if (kind === 'hosted' ? !isHttpUrl(node.id) : !isIri(node.id)) {
    r.mustBe('id', kind === 'hosted' ? 'an http(s) URL (hosted verification)' : 'an IRI');
  }
  const recipient = node.recipient;
  if (recipient === undefined || recipient === null) r.missing('recipient');
  else if (!isObject(recipient)) r.mustBe('recipient', 'an IdentityObject');
  else {
    if (!str(recipient.identity)) r.missing('recipient.identity');
    if (recipient.type === undefined) r.missing('recipient.type');
    else if (!isString(recipient.type)) r.mustBe('recipient.type', 'a string');
    if (recipient.hashed === undefined) r.missing('recipient.hashed');
    else if (typeof recipient.hashed !== 'boolean') r.mustBe('recipient.hashed', 'a boolean');
    else if (recipient.hashed && typeof recipient.identity === 'string' && !/^(sha256\$[0-9a-f]{64}|md5\$[0-9a-f]{32})$/i.test(recipient.identity)) {
      r.invalid('recipient.identity', 'a hashed identity must be sha256$<64 hex> or md5$<32 hex>');
    }
    if (recipient.salt !== undefined && recipient.salt !== null && !isString(recipient.salt)) r.mustBe('recipient.salt', 'a string');
  }
  r.require('badge', isIriOrNode, 'an IRI or a BadgeClass');
  const verification = node.verification ?? node.verify;
  if (verification === undefined || verification === null) r.missing('verification');
  else if (!isObject(verification)) r.mustBe('verification', 'a VerificationObject');
  else if (kind === null) {
    if (verification.type === undefined) r.missing('verification.type');
    else r.mustBe('verification.type', 'hosted or signed');
  } else if (kind === 'signed' && verification.creator !== undefined && !isHttpUrl(verification.creator)) {
    r.mustBe('verification.creator', 'an http(s) URL');
  }
  r.require('issuedOn', isDate, 'an ISO 8601 date-time');
  r.optional('expires', isDate, 'an ISO 8601 date-time');
  // 1EdTech's validator: the assertion's image is an IRI (the baked image lives at a URL);
  // an embedded data: URI belongs on the BadgeClass.
  if (version === '2.0') r.optional('image', (v) => (isIri(v) && !isDataUri(v)) || (isObject(v) && isIri(v.id) && !isDataUri(v.id)), 'an IRI or an Image (not a data: URI)');
  r.optional('revoked', (v) => typeof v === 'boolean', 'a boolean');
  return r.issues;
}

/**
 * Problems with a BadgeClass.
 * @example
 * ```ts
 * checkBadgeClass({ type: 'BadgeClass', id: 'https://example.org/b' }, '2.0')[0]?.property // 'BadgeClass.name'
 * ```
 */
export function checkBadgeClass(node: JsonObject, version: LegacyVersion): Issue[] {
  const r = new Rules(node, 'BadgeClass');
  r.type(version, 'BadgeClass');
  if (version === '2.0') r.require('id', isIri, 'an IRI');
  r.require('name', isString, 'a string');
  r.require('description', isString, 'a string');
  const image = node.image;
  if (image === undefined || image === null) r.warn('image', 'MISSING_PROPERTY', 'BadgeClass.image is missing');
  else if (!(isIri(image) || (isObject(image) && isIri(image.id)))) r.mustBe('image', 'an IRI, a data: URI or an Image');
  r.require('criteria', (v) => isIriOrNode(v) || (version !== '2.0' && isString(v)), 'an IRI or a Criteria');
  r.require('issuer', isIriOrNode, 'an IRI or a Profile');
  return r.issues;
}

/**
 * Problems with an issuer Profile.
 * @example
 * ```ts
 * checkProfile({ type: 'Criteria', id: 'https://example.org/i' }, '2.0')[0]?.code // 'INVALID_TYPE'
 * ```
 */
export function checkProfile(node: JsonObject, version: LegacyVersion): Issue[] {
  const r = new Rules(node, 'Profile');
  r.type(version, 'Issuer', 'Profile');
  if (version === '2.0') r.require('id', isIri, 'an IRI');
  r.require('name', isString, 'a string');
  if (version === '1.0' || version === '1.1') r.require('url', isHttpUrl, 'an http(s) URL');
  else r.optional('url', isIri, 'an IRI');
  const verification = node.verification;
  if (verification !== undefined && !isObject(verification)) r.mustBe('verification', 'a VerificationObject');
  if (version === '2.0' && typeof node.id === 'string' && isIri(node.id) && !isHttpUrl(node.id)) {
    r.warn('id', 'INVALID_PROPERTY', `the issuer id ${node.id} is not an HTTP(S) URL, so it cannot be looked up`);
  }
  return r.issues;
}
