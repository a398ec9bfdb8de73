// @vitest-environment happy-dom
// The element end to end with the real pipeline: fixtures from scripts/element-fixtures.mjs,
// answered by a fetch that refuses everything else.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VerifyBadgeElement } from '../../src/element/index.js';
import type { VerificationResult } from '../../src/result.js';
import { fixtureBytes, fixtureFetch, fixtureJson, next, NOW, ORIGIN } from './helpers.js';

beforeAll(() => {
  VerifyBadgeElement.define();
});
afterEach(() => {
  document.body.replaceChildren();
});

async function show(setup: (el: VerifyBadgeElement) => void): Promise<{ el: VerifyBadgeElement; result: VerificationResult; part: (name: string) => Element | null }> {
  const el = document.createElement('verify-badge');
  el.fetch = fixtureFetch().fetch;
  el.now = NOW;
  setup(el);
  const done = next<VerificationResult>(el, 'verify-badge:result');
  document.body.append(el);
  const { detail } = await done;
  return { el, result: detail, part: (name) => el.shadowRoot!.querySelector(`[part~="${name}"]`) };
}

describe('a genuine badge', () => {
  it('renders the card of a baked PNG as verified, with its image, name, issuer, recipient and dates', async () => {
    const { result, part } = await show((el) => el.setAttribute('src', `${ORIGIN}/valid.png`));
    expect(result.status).toBe('valid');
    expect(part('card')?.getAttribute('data-status')).toBe('valid');
    expect(part('status')?.textContent).toContain('Verified');
    expect(part('name')?.textContent).toBe('Robotics Fundamentals');
    expect(part('description')?.textContent).toBe('Built and programmed a line-following robot.');
    expect(part('image')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(part('issuer')?.textContent).toBe('Example Robotics Academy');
    expect(part('issuer-link')?.getAttribute('href')).toBe(`${ORIGIN}/`);
    expect(part('recipient')?.textContent).toBe('jane@example.org');
    expect(part('issued')?.textContent).toBe('January 15, 2026');
    expect(part('checks')?.querySelectorAll('li').length).toBe(result.checks.length);
    expect(part('live')?.textContent).toBe('Verified: Robotics Fundamentals');
  });

  it('formats dates in its lang and re-renders when lang changes', async () => {
    const { el, part } = await show((e) => {
      e.setAttribute('src', `${ORIGIN}/valid.png`);
      e.setAttribute('lang', 'de');
    });
    expect(part('issued')?.textContent).toBe('15. Januar 2026');
    el.setAttribute('lang', 'fr');
    expect(el.shadowRoot!.querySelector('[part~="issued"]')?.textContent).toBe('15 janvier 2026');
  });

  it('checks the recipient attribute', async () => {
    const { result, part } = await show((el) => {
      el.setAttribute('src', `${ORIGIN}/valid.png`);
      el.setAttribute('recipient', 'someone-else@example.org');
    });
    expect(result.errors.map((e) => e.code)).toContain('RECIPIENT_MISMATCH');
    expect(part('status')?.textContent).toContain('Not genuine');
  });

  it('verifies a hosted assertion given as a credential object', async () => {
    const { result } = await show((el) => {
      el.credential = fixtureJson('assertion-valid.json');
    });
    expect(result.status).toBe('valid');
    expect(result.input).toBe('<object>');
  });

  it('verifies a credential given as JSON text', async () => {
    const { result } = await show((el) => {
      el.credential = JSON.stringify(fixtureJson('assertion-valid.json'));
    });
    expect(result.status).toBe('valid');
    expect(result.input).toBe('<text>');
  });
});

describe('a badge that is not good', () => {
  it('says Revoked for a revoked hosted assertion', async () => {
    const { result, part } = await show((el) => el.setAttribute('src', `${ORIGIN}/assertions/revoked.json`));
    expect(result.status).toBe('revoked');
    expect(part('status')?.textContent).toContain('Revoked');
    expect(part('checks')?.querySelector('[data-code="REVOKED"]')).not.toBeNull();
  });

  it('says Expired past the expiry date, as of the element clock', async () => {
    const { result, part } = await show((el) => el.setAttribute('src', `${ORIGIN}/assertions/expired.json`));
    expect(result.status).toBe('expired');
    expect(part('expires')?.textContent).toBe('January 15, 2026');
    expect(part('status')?.textContent).toContain('Expired');
  });

  it('uses the clock it is given: the same badge was valid before its expiry date', async () => {
    const { result } = await show((el) => {
      el.setAttribute('src', `${ORIGIN}/assertions/expired.json`);
      el.now = '2025-06-01T00:00:00Z';
    });
    expect(result.status).toBe('valid');
  });

  it('says Not a badge for a picture with nothing baked', async () => {
    const { part } = await show((el) => {
      el.file = new File([fixtureBytes('plain.png')], 'plain.png', { type: 'image/png' });
    });
    expect(part('status')?.textContent).toContain('Not a badge');
  });
});

describe('a badge carrying script in its text and URLs', () => {
  it('renders every payload as inert text and links no script URL', async () => {
    (window as unknown as { __xss?: unknown }).__xss = undefined;
    const { el, result, part } = await show((e) => e.setAttribute('src', `${ORIGIN}/xss/assertion.json`));
    expect(result.badge?.name).toBe('<img src=x onerror="window.__xss=\'name\'">');
    expect(part('name')?.textContent).toBe(result.badge?.name);
    expect(part('name')?.children).toHaveLength(0);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, iframe, svg, b, img[src^="x"]')).toHaveLength(0);
    for (const node of root.querySelectorAll('*')) {
      for (const attr of Array.from(node.attributes)) {
        expect(attr.name.startsWith('on')).toBe(false);
        expect(attr.value.toLowerCase()).not.toContain('javascript:');
      }
    }
    // The issuer's url is refused; its https id may still be linked, and nothing else.
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toBe(`${ORIGIN}/xss/issuer.json`);
    expect(part('criteria')?.querySelector('a')).toBeNull();
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });
});
