// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RESULT_STATUSES, type ResultStatus } from '../../src/errors.js';
import { DEFAULT_LABELS, mergeLabels } from '../../src/element/labels.js';
import { formatDate, renderCard, renderLoading } from '../../src/element/view.js';
import type { NormalisedBadge, VerificationResult } from '../../src/result.js';

function badge(overrides: Partial<NormalisedBadge> = {}): NormalisedBadge {
  return {
    name: 'Robotics Fundamentals',
    description: 'Built a robot.',
    image: 'data:image/png;base64,iVBORw0KGgo=',
    criteria: 'https://issuer.example/criteria',
    issuer: { id: 'https://issuer.example/profile', name: 'Example Academy', url: 'https://issuer.example/', image: 'https://issuer.example/logo.png' },
    recipient: { id: null, name: null, identity: 'jane@example.org', hashed: false },
    issuedOn: '2026-01-15T00:00:00Z',
    expiresOn: '2027-01-15T00:00:00Z',
    achievementType: null,
    evidence: [],
    alignment: [],
    endorsements: [],
    ...overrides,
  };
}

function result(status: ResultStatus, b: NormalisedBadge | null = badge()): VerificationResult {
  const failed = status === 'valid' ? [] : [{ id: 'status', status: 'failed' as const, code: 'REVOKED' as const, message: 'withdrawn' }];
  return {
    input: '<object>',
    verified: status === 'valid',
    status,
    version: '2.0',
    format: 'json',
    checks: [{ id: 'structure', status: 'passed' }, ...failed],
    badge: b,
    credential: {},
    errors: failed.map(({ code, message }) => ({ code, message })),
  };
}

const render = (r: VerificationResult, locale = 'en') => renderCard(document, r, DEFAULT_LABELS, locale);
const part = (root: Element, name: string) => root.querySelector(`[part~="${name}"]`);

describe('renderCard', () => {
  it.each(RESULT_STATUSES)('says the %s status in words, not only with colour', (status) => {
    const card = render(result(status));
    expect(card.getAttribute('data-status')).toBe(status);
    expect(part(card, 'status')?.textContent).toContain(DEFAULT_LABELS.status[status]);
    expect(part(card, 'status')?.querySelector('.icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows the image, name, description, issuer, recipient, dates and criteria', () => {
    const card = render(result('valid'));
    expect(part(card, 'image')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(part(card, 'name')?.textContent).toBe('Robotics Fundamentals');
    expect(part(card, 'description')?.textContent).toBe('Built a robot.');
    expect(part(card, 'issuer')?.textContent).toBe('Example Academy');
    expect(part(card, 'issuer-link')?.getAttribute('href')).toBe('https://issuer.example/');
    expect(part(card, 'issuer-link')?.getAttribute('rel')).toContain('noopener');
    expect(part(card, 'issuer-image')?.getAttribute('src')).toBe('https://issuer.example/logo.png');
    expect(part(card, 'recipient')?.textContent).toBe('jane@example.org');
    expect(part(card, 'issued')?.textContent).toBe('January 15, 2026');
    expect(part(card, 'issued')?.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-15T00:00:00Z');
    expect(part(card, 'expires')?.textContent).toBe('January 15, 2027');
    expect(part(card, 'criteria-link')?.getAttribute('href')).toBe('https://issuer.example/criteria');
  });

  it('hides an image that cannot load instead of showing a broken icon', () => {
    const card = render(result('valid'));
    const img = part(card, 'image')!;
    expect(img.hasAttribute('hidden')).toBe(false);
    img.dispatchEvent(new Event('error'));
    expect(img.hasAttribute('hidden')).toBe(true);
  });

  it('formats dates in the language it is given', () => {
    const card = render(result('valid'), 'fr');
    expect(part(card, 'issued')?.textContent).toBe('15 janvier 2026');
  });

  it('lists every check with its code inside a <details>', () => {
    const card = render(result('revoked'));
    const checks = part(card, 'checks');
    expect(checks?.tagName).toBe('DETAILS');
    const items = checks?.querySelectorAll('li') ?? [];
    expect(items).toHaveLength(2);
    expect(items[1]?.getAttribute('data-check')).toBe('status');
    expect(items[1]?.querySelector('[data-code]')?.textContent).toBe('REVOKED');
  });

  it('shows endorsements with their own status', () => {
    const card = render(
      result('valid', badge({ endorsements: [{ issuer: { id: null, name: 'Guild of Makers', url: 'https://guild.example/', image: null }, claim: 'Rigorous.', issuedOn: '2026-02-01T00:00:00Z', status: 'valid' }] })),
    );
    const item = part(card, 'endorsement');
    expect(item?.textContent).toContain('Guild of Makers');
    expect(item?.textContent).toContain('Verified');
    expect(item?.textContent).toContain('Rigorous.');
  });

  it('renders a status and the checks when there is no badge to show', () => {
    const card = render(result('error', null));
    expect(part(card, 'name')).toBeNull();
    expect(part(card, 'status')?.textContent).toContain('Not a badge');
    expect(part(card, 'checks')).not.toBeNull();
  });

  it('uses replacement labels', () => {
    const labels = mergeLabels(DEFAULT_LABELS, { issuer: 'Émetteur', status: { valid: 'Authentique' } });
    const card = renderCard(document, result('valid'), labels, 'fr');
    expect(card.querySelector('[part~="label"]')?.textContent).toBe('Émetteur');
    expect(part(card, 'status')?.textContent).toContain('Authentique');
    expect(labels.status.revoked).toBe('Revoked');
  });

  it('shows the pending state in words', () => {
    expect(renderLoading(document, DEFAULT_LABELS).textContent).toBe('Verifying badge…');
  });

  describe('with hostile badge content', () => {
    const hostile = badge({
      name: '<img src=x onerror="window.__xss=1">',
      description: '<script>window.__xss=2</script>',
      image: 'javascript:alert(1)',
      criteria: 'javascript:alert(2)',
      issuer: { id: null, name: '<b>Evil</b>', url: 'javascript:alert(3)', image: 'data:text/html,<script>alert(4)</script>' },
      recipient: { id: null, name: null, identity: '<svg onload=alert(5)>', hashed: false },
    });

    it('keeps markup as text: no element is created from badge text', () => {
      const card = render(result('valid', hostile));
      expect(part(card, 'name')?.textContent).toBe('<img src=x onerror="window.__xss=1">');
      expect(part(card, 'name')?.children).toHaveLength(0);
      expect(part(card, 'description')?.children).toHaveLength(0);
      expect(card.querySelectorAll('script, svg, b, iframe')).toHaveLength(0);
      expect(card.querySelectorAll('img')).toHaveLength(0);
    });

    it('drops javascript: and non-image data: URLs instead of linking them', () => {
      const card = render(result('valid', hostile));
      expect(card.querySelectorAll('a')).toHaveLength(0);
      expect(part(card, 'issuer')?.textContent).toBe('<b>Evil</b>');
      expect(part(card, 'criteria')?.textContent).toBe('javascript:alert(2)');
      for (const el of card.querySelectorAll('*')) {
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name.startsWith('on')).toBe(false);
          expect(attr.value.toLowerCase()).not.toContain('javascript:');
        }
      }
    });

    it('never shows a hashed recipient identity', () => {
      const card = render(result('valid', badge({ recipient: { id: null, name: null, identity: 'sha256$abc', hashed: true } })));
      expect(part(card, 'recipient')).toBeNull();
    });

    it('ignores dates that are not dates', () => {
      const card = render(result('valid', badge({ issuedOn: 'yesterday', expiresOn: null })));
      expect(part(card, 'issued')).toBeNull();
      expect(part(card, 'expires')).toBeNull();
    });
  });
});

describe('formatDate', () => {
  it('falls back to the runtime locale when lang is not a language tag', () => {
    expect(formatDate('2026-01-15T00:00:00Z', 'not a tag!!')).toMatch(/2026/);
  });
});
