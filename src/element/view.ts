/**
 * Pure DOM construction for the element: result in, nodes out. Kept apart from the element
 * class (like relative-time-element keeps its formatting apart) so it can be tested alone.
 *
 * Security: every string from a badge goes in through `textContent` or a checked attribute
 * (`href`/`src` after the allow-lists in safe-url.ts); nothing is ever parsed as HTML.
 */
import type { ResultStatus } from '../errors.js';
import type { BadgeIssuer, NormalisedBadge, VerificationResult } from '../result.js';
import type { VerifyBadgeLabels } from './labels.js';
import { safeImageUrl, safeLinkUrl } from './safe-url.js';

/** A glyph per status, beside the words (aria-hidden: the words carry the meaning). */
const ICONS: Record<ResultStatus, string> = {
  valid: '✓',
  invalid: '✕',
  revoked: '⊘',
  suspended: '‖',
  expired: '!',
  'not-yet-valid': '…',
  indeterminate: '?',
  error: '✕',
};

type Child = Node | string | null | undefined | false;

/**
 * Create an element with attributes (never `style`, never event-handler attributes) and
 * children; strings become text nodes, so nothing is ever parsed as HTML.
 *
 * @example
 * ```ts
 * h(document, 'p', { part: 'name' }, badge.name ?? 'Untitled'); // <p part="name">…text…</p>
 * ```
 */
export function h(doc: Document, tag: string, attrs: Record<string, string | null> = {}, ...children: Child[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== null) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

/** An <img> that hides itself when it cannot load (offline, blocked by CSP, gone), rather than showing a broken icon. */
function image(doc: Document, attrs: Record<string, string | null>): HTMLElement {
  const img = h(doc, 'img', { referrerpolicy: 'no-referrer', ...attrs });
  img.addEventListener('error', () => img.setAttribute('hidden', ''), { once: true });
  return img;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * A date in words for `locale`, or null when the value is not a date. Shown in UTC: badge
 * dates are usually day-precise, and a local time zone could move them to the previous day.
 *
 * @example
 * ```ts
 * formatDate('2026-01-15T00:00:00Z', 'en'); // 'January 15, 2026'
 * ```
 */
export function formatDate(value: string | null, locale: string | undefined): string | null {
  if (value === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    // An invalid `lang` must not break the card: fall back to the runtime's locale.
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

function link(doc: Document, href: string | null, label: string, part?: string): Node {
  const safe = safeLinkUrl(href);
  if (safe === null) return doc.createTextNode(label);
  return h(doc, 'a', { href: safe, rel: 'noopener noreferrer nofollow', target: '_blank', part: part ?? null }, label);
}

function issuerNode(doc: Document, issuer: BadgeIssuer, labels: VerifyBadgeLabels, withImage: boolean): Node {
  const name = text(issuer.name) ?? text(issuer.url) ?? text(issuer.id) ?? labels.unknownIssuer;
  const frag = doc.createDocumentFragment();
  const logo = withImage ? safeImageUrl(issuer.image) : null;
  if (logo !== null) frag.append(image(doc, { part: 'issuer-image', src: logo, alt: '', loading: 'lazy' }));
  frag.append(link(doc, issuer.url ?? issuer.id, name, 'issuer-link'));
  return frag;
}

function dateNode(doc: Document, value: string | null, locale: string | undefined): Node | null {
  const formatted = formatDate(value, locale);
  if (formatted === null || value === null) return null;
  return h(doc, 'time', { datetime: value }, formatted);
}

function row(doc: Document, part: string, label: string, value: Node | string | null): Node[] {
  if (value === null) return [];
  return [h(doc, 'dt', { part: 'label' }, label), h(doc, 'dd', { part }, value)];
}

function criteriaNode(doc: Document, criteria: string | null): Node | null {
  const value = text(criteria);
  if (value === null) return null;
  return safeLinkUrl(value) !== null ? link(doc, value, value, 'criteria-link') : doc.createTextNode(value);
}

function details(doc: Document, badge: NormalisedBadge, result: VerificationResult, labels: VerifyBadgeLabels, locale: string | undefined): HTMLElement {
  const recipient = text(badge.recipient.name) ?? (badge.recipient.hashed ? null : text(badge.recipient.identity));
  const dl = h(doc, 'dl', { part: 'details' });
  dl.append(
    ...row(doc, 'issuer', labels.issuer, issuerNode(doc, badge.issuer, labels, true)),
    ...row(doc, 'recipient', labels.recipient, recipient),
    ...row(doc, 'issued', labels.issued, dateNode(doc, badge.issuedOn, locale)),
    ...row(doc, 'expires', labels.expires, dateNode(doc, badge.expiresOn, locale)),
    ...row(doc, 'criteria', labels.criteria, criteriaNode(doc, badge.criteria)),
    ...row(doc, 'type', labels.achievementType, text(badge.achievementType)),
    ...row(doc, 'version', labels.version, result.version),
  );
  return dl;
}

function endorsements(doc: Document, badge: NormalisedBadge, labels: VerifyBadgeLabels, locale: string | undefined): HTMLElement | null {
  if (!Array.isArray(badge.endorsements) || badge.endorsements.length === 0) return null;
  const list = h(doc, 'ul');
  for (const endorsement of badge.endorsements) {
    const issued = formatDate(endorsement.issuedOn, locale);
    list.append(
      h(doc, 'li', { part: 'endorsement' },
        `${labels.endorsedBy} `,
        issuerNode(doc, endorsement.issuer, labels, false),
        ` (${labels.status[endorsement.status] ?? endorsement.status}${issued === null ? '' : `, ${issued}`})`,
        text(endorsement.claim) === null ? null : h(doc, 'div', { class: 'claim' }, endorsement.claim),
      ),
    );
  }
  return h(doc, 'section', { part: 'endorsements' }, h(doc, 'strong', {}, labels.endorsements), list);
}

function checks(doc: Document, result: VerificationResult, labels: VerifyBadgeLabels): HTMLElement {
  const list = h(doc, 'ul');
  for (const check of result.checks) {
    list.append(
      h(doc, 'li', { part: `check check-${check.status}`, 'data-check': check.id, 'data-status': check.status },
        h(doc, 'code', {}, check.id),
        `: ${labels.checkStatus[check.status] ?? check.status}`,
        check.code === undefined ? null : ' ',
        check.code === undefined ? null : h(doc, 'code', { 'data-code': check.code }, check.code),
        text(check.message) === null ? null : ` — ${check.message}`,
      ),
    );
  }
  return h(doc, 'details', { part: 'checks' }, h(doc, 'summary', {}, `${labels.checks} (${result.checks.length})`), list);
}

/**
 * The status line: icon and words, both always present.
 *
 * @example
 * ```ts
 * renderStatus(document, 'revoked', DEFAULT_LABELS).textContent; // '⊘RevokedThe issuer has withdrawn this badge.'
 * ```
 */
export function renderStatus(doc: Document, status: ResultStatus, labels: VerifyBadgeLabels): HTMLElement {
  return h(doc, 'div', { part: `status status-${status}`, 'data-status': status },
    h(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, ICONS[status] ?? '?'),
    h(doc, 'div', {}, h(doc, 'strong', {}, labels.status[status] ?? status), h(doc, 'span', {}, labels.statusHint[status] ?? '')),
  );
}

/**
 * The card for a verification result.
 *
 * @example
 * ```ts
 * shadowRoot.replaceChildren(renderCard(document, await verify(file), DEFAULT_LABELS, 'en'));
 * ```
 */
export function renderCard(doc: Document, result: VerificationResult, labels: VerifyBadgeLabels, locale: string | undefined): HTMLElement {
  const badge = result.badge;
  const card = h(doc, 'article', { part: 'card', class: `s-${result.status}`, 'data-status': result.status });
  if (badge !== null && typeof badge === 'object') {
    const src = safeImageUrl(badge.image);
    const name = text(badge.name) ?? labels.untitled;
    card.setAttribute('aria-label', `${name}: ${labels.status[result.status] ?? result.status}`);
    card.append(
      h(doc, 'div', { part: 'header' },
        src === null ? null : image(doc, { part: 'image', src, alt: name }),
        h(doc, 'div', {},
          h(doc, 'p', { part: 'name' }, name),
          text(badge.description) === null ? null : h(doc, 'p', { part: 'description' }, badge.description),
        ),
      ),
      renderStatus(doc, result.status, labels),
      details(doc, badge, result, labels, locale),
    );
    const endorsed = endorsements(doc, badge, labels, locale);
    if (endorsed !== null) card.append(endorsed);
  } else {
    card.setAttribute('aria-label', labels.status[result.status] ?? result.status);
    card.append(renderStatus(doc, result.status, labels));
  }
  card.append(checks(doc, result, labels));
  return card;
}

/**
 * The pending state as seen; the element announces it through its persistent role="status" region.
 *
 * @example
 * ```ts
 * root.replaceChildren(renderLoading(document, DEFAULT_LABELS));
 * ```
 */
export function renderLoading(doc: Document, labels: VerifyBadgeLabels): HTMLElement {
  return h(doc, 'div', { part: 'loading' }, labels.loading);
}

/**
 * The error state: verification could not run at all (misuse, or an unexpected failure).
 *
 * @example
 * ```ts
 * root.replaceChildren(renderError(document, DEFAULT_LABELS, 'verify: options.fetch must be a function'));
 * ```
 */
export function renderError(doc: Document, labels: VerifyBadgeLabels, detail: string): HTMLElement {
  return h(doc, 'div', { part: 'error', role: 'alert' }, h(doc, 'strong', {}, labels.errorTitle), h(doc, 'p', {}, detail));
}
