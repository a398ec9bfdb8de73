// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LABELS, VerifyBadgeElement, type VerifyBadgeErrorDetail, type VerifyBadgeStartDetail } from '../../src/element/index.js';
import type { VerificationResult } from '../../src/result.js';
import { verify } from '../../src/verify/verify.js';
import { fixtureBytes, fixtureFetch, gate, next, NOW, ORIGIN, settle } from './helpers.js';

const part = (el: VerifyBadgeElement, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

function create(attrs: Record<string, string> = {}, setup?: (el: VerifyBadgeElement) => void): VerifyBadgeElement {
  const el = document.createElement('verify-badge') as VerifyBadgeElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.now = NOW;
  setup?.(el);
  document.body.append(el);
  return el;
}

beforeAll(() => {
  VerifyBadgeElement.define();
});

let realFetch: typeof globalThis.fetch;
beforeEach(() => {
  realFetch = globalThis.fetch;
  // The element must only ever use the fetch it is given: the page's fetch refuses loudly.
  globalThis.fetch = vi.fn(async () => {
    throw new Error('the real network was reached');
  }) as unknown as typeof globalThis.fetch;
});
afterEach(() => {
  expect(globalThis.fetch).not.toHaveBeenCalled();
  globalThis.fetch = realFetch;
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe('registration', () => {
  it('defines <verify-badge> once and tolerates a second define', () => {
    expect(customElements.get('verify-badge')).toBe(VerifyBadgeElement);
    expect(() => VerifyBadgeElement.define()).not.toThrow();
    expect(customElements.get('verify-badge')).toBe(VerifyBadgeElement);
  });

  it('can be registered under another tag too', () => {
    VerifyBadgeElement.define('my-badge-viewer');
    expect(document.createElement('my-badge-viewer')).toBeInstanceOf(VerifyBadgeElement);
  });

  it('has an open shadow root styled without style attributes', () => {
    const el = create();
    expect(el.shadowRoot?.mode).toBe('open');
    const sheets = el.shadowRoot!.adoptedStyleSheets?.length ?? 0;
    expect(sheets + el.shadowRoot!.querySelectorAll('style').length).toBe(1);
    expect(el.shadowRoot!.querySelectorAll('[style]')).toHaveLength(0);
  });
});

describe('attributes', () => {
  it('validates verify and layout against their allowed values', () => {
    const el = create({ verify: 'sometimes', layout: 'huge' });
    expect(el.verifyMode).toBe('auto');
    expect(el.layout).toBe('card');
    el.setAttribute('verify', 'MANUAL');
    el.layout = 'compact';
    expect(el.verifyMode).toBe('manual');
    expect(el.getAttribute('layout')).toBe('compact');
  });

  it('reflects src and recipient', () => {
    const el = create({ verify: 'manual' });
    el.src = 'https://x.example/b.png';
    el.recipient = 'jane@example.org';
    expect(el.getAttribute('src')).toBe('https://x.example/b.png');
    expect(el.getAttribute('recipient')).toBe('jane@example.org');
  });
});

describe('without a source', () => {
  it('is a drop zone with a file picker that accepts badge files', async () => {
    const el = create();
    await settle();
    expect(el.state).toBe('idle');
    const zone = part(el, 'dropzone');
    expect(zone?.tagName).toBe('LABEL');
    const input = zone?.querySelector('input[type=file]');
    expect(input?.getAttribute('accept')).toContain('.png');
    expect(input?.getAttribute('accept')).toContain('.jwt');
  });

  it('uses replacement labels', async () => {
    const el = create({}, (e) => {
      e.labels = { dropzone: 'Déposez un badge ici' };
    });
    await settle();
    expect(part(el, 'dropzone')?.textContent).toContain('Déposez un badge ici');
  });
});

describe('verifying', () => {
  it('announces the pending state, then the verdict, through one persistent role="status" region', async () => {
    const hold = gate();
    const { fetch } = fixtureFetch({ hold: new Map([[`${ORIGIN}/plain.png`, hold]]) });
    const el = create({ src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fetch;
    });
    await next(el, 'verify-badge:start');
    expect(el.state).toBe('loading');
    expect(part(el, 'loading')?.textContent).toBe('Verifying badge…');
    const live = part(el, 'live');
    expect(live?.getAttribute('role')).toBe('status');
    expect(live?.textContent).toBe('Verifying badge…');
    const done = next(el, 'verify-badge:result');
    hold.open();
    await done;
    expect(el.state).toBe('result');
    expect(part(el, 'loading')).toBeNull();
    expect(part(el, 'card')?.getAttribute('data-status')).toBe('error');
    // The same region, still in place, now says the verdict.
    expect(part(el, 'live')).toBe(live);
    expect(live?.textContent).toBe('Not a badge');
  });

  it('fires start and result events that bubble out of the shadow root and carry what verify() returns', async () => {
    const { fetch } = fixtureFetch();
    const started = next<VerifyBadgeStartDetail>(document.body, 'verify-badge:start');
    const el = create({ src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fetch;
    });
    const event = await next<VerificationResult>(document.body, 'verify-badge:result');
    const start = await started;
    expect(start.bubbles && start.composed).toBe(true);
    expect(start.detail).toEqual({ source: 'src', input: `${ORIGIN}/plain.png` });
    expect(event.bubbles && event.composed).toBe(true);
    expect(event.detail).toBe(el.result);
    const direct = await verify(`${ORIGIN}/plain.png`, { fetch: fixtureFetch().fetch, now: NOW, label: `${ORIGIN}/plain.png` });
    expect(event.detail).toEqual(direct);
    expect(event.detail.errors.map((e) => e.code)).toContain('NOT_BAKED');
  });

  it('resolves a relative src against the page, like <img src>', async () => {
    const base = document.createElement('base');
    base.href = `${ORIGIN}/pages/`;
    document.head.append(base);
    const { fetch, requests } = fixtureFetch();
    const el = create({ src: '../plain.png' }, (e) => {
      e.fetch = fetch;
    });
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect(requests[0]).toBe(`${ORIGIN}/plain.png`);
    expect(detail.input).toBe('../plain.png');
  });

  it('verifies src and recipient set together once', async () => {
    const { fetch, requests } = fixtureFetch();
    const el = create({}, (e) => {
      e.fetch = fetch;
    });
    await settle();
    const starts = vi.fn();
    el.addEventListener('verify-badge:start', starts);
    el.src = `${ORIGIN}/plain.png`;
    el.recipient = 'jane@example.org';
    await next(el, 'verify-badge:result');
    expect(starts).toHaveBeenCalledTimes(1);
    expect(requests).toEqual([`${ORIGIN}/plain.png`]);
  });

  it('verifies a credential the app already holds, which wins over src', async () => {
    const { fetch } = fixtureFetch();
    const el = create({ src: `${ORIGIN}/valid.png` }, (e) => {
      e.fetch = fetch;
      e.credential = { hello: 'world' };
    });
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect(detail.input).toBe('<object>');
    expect(detail.status).toBe('error');
    expect(detail.errors.map((e) => e.code)).toContain('NOT_A_BADGE');
  });

  it('verifies a File given through the file property', async () => {
    const el = create({}, (e) => {
      e.fetch = fixtureFetch().fetch;
    });
    await settle();
    el.file = new File([fixtureBytes('plain.png')], 'plain.png', { type: 'image/png' });
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect(detail.input).toBe('plain.png');
    expect(detail.format).toBe('png');
    expect(detail.errors.map((e) => e.code)).toContain('NOT_BAKED');
  });
});

describe('the drop zone', () => {
  it('verifies a dropped file, uploads nothing, and offers to check another', async () => {
    const { fetch, requests } = fixtureFetch();
    const el = create({}, (e) => {
      e.fetch = fetch;
    });
    await settle();
    const file = new File([fixtureBytes('plain.png')], 'dropped.png', { type: 'image/png' });
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    part(el, 'dropzone')!.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect(detail.input).toBe('dropped.png');
    expect(requests).toEqual([]);
    const another = part(el, 'another') as HTMLButtonElement;
    expect(another).not.toBeNull();
    another.click();
    await settle();
    expect(el.file).toBeNull();
    expect(part(el, 'dropzone')).not.toBeNull();
  });

  it('verifies a file chosen in the picker, even in manual mode (choosing it is the request)', async () => {
    const el = create({ verify: 'manual' }, (e) => {
      e.fetch = fixtureFetch().fetch;
    });
    await settle();
    const input = part(el, 'dropzone')!.querySelector('input') as HTMLInputElement;
    const file = new File([fixtureBytes('plain.png')], 'chosen.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect(detail.input).toBe('chosen.png');
  });
});

describe('manual verification', () => {
  it('waits for the viewer to press Verify before any request', async () => {
    const { fetch, requests } = fixtureFetch();
    const el = create({ verify: 'manual', src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fetch;
    });
    await settle(10);
    expect(requests).toEqual([]);
    expect(el.state).toBe('idle');
    const button = part(el, 'button') as HTMLButtonElement;
    expect(button.textContent).toBe('Verify badge');
    const done = next<VerificationResult>(el, 'verify-badge:result');
    button.click();
    await done;
    expect(requests).toEqual([`${ORIGIN}/plain.png`]);
    expect(el.state).toBe('result');
  });

  it('verifyNow() runs regardless of the mode and resolves to the result', async () => {
    const el = create({ verify: 'manual', src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fixtureFetch().fetch;
    });
    const result = await el.verifyNow();
    expect(result).toBe(el.result);
    expect(result?.status).toBe('error');
  });

  it('a new src in manual mode waits for the button again', async () => {
    const { fetch, requests } = fixtureFetch();
    const el = create({ verify: 'manual', src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fetch;
    });
    await el.verifyNow();
    el.src = `${ORIGIN}/valid.png`;
    await settle(10);
    expect(requests).toHaveLength(1);
    expect(part(el, 'button')).not.toBeNull();
  });
});

describe('stale answers', () => {
  it('changing src aborts the request in flight and ignores its answer', async () => {
    const slow = gate();
    const { fetch, signals } = fixtureFetch({ hold: new Map([[`${ORIGIN}/valid.png`, slow]]) });
    const el = create({ src: `${ORIGIN}/valid.png` }, (e) => {
      e.fetch = fetch;
    });
    await next(el, 'verify-badge:start');
    await settle();
    const results: VerificationResult[] = [];
    el.addEventListener('verify-badge:result', (e) => results.push(e.detail));
    el.src = `${ORIGIN}/plain.png`;
    await next(el, 'verify-badge:result');
    expect(signals[0]?.aborted).toBe(true);
    slow.open();
    await settle(20);
    expect(results).toHaveLength(1);
    expect(el.result?.input).toBe(`${ORIGIN}/plain.png`);
  });

  it('ignores a superseded answer even when the fetch ignores the abort signal', async () => {
    const slow = gate();
    const { fetch } = fixtureFetch({ hold: new Map([[`${ORIGIN}/valid.png`, slow]]), ignoreAbort: true });
    const el = create({ src: `${ORIGIN}/valid.png` }, (e) => {
      e.fetch = fetch;
    });
    await next(el, 'verify-badge:start');
    el.src = `${ORIGIN}/plain.png`;
    await next(el, 'verify-badge:result');
    const late = vi.fn();
    el.addEventListener('verify-badge:result', late);
    slow.open();
    await settle(20);
    expect(late).not.toHaveBeenCalled();
    expect(el.result?.input).toBe(`${ORIGIN}/plain.png`);
    expect(part(el, 'card')?.getAttribute('data-status')).toBe('error');
  });

  it('removing the element aborts its verification', async () => {
    const slow = gate();
    const { fetch, signals } = fixtureFetch({ hold: new Map([[`${ORIGIN}/valid.png`, slow]]) });
    const el = create({ src: `${ORIGIN}/valid.png` }, (e) => {
      e.fetch = fetch;
    });
    await next(el, 'verify-badge:start');
    await settle();
    const late = vi.fn();
    el.addEventListener('verify-badge:result', late);
    el.remove();
    expect(signals[0]?.aborted).toBe(true);
    slow.open();
    await settle(20);
    expect(late).not.toHaveBeenCalled();
  });
});

describe('detached', () => {
  it('a src changed while detached never shows the old result on reconnect', async () => {
    const { fetch, requests } = fixtureFetch();
    const el = create({ src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fetch;
    });
    await next(el, 'verify-badge:result');
    el.remove();
    el.src = 'https://unknown.example/other.png';
    expect(el.result).toBeNull();
    const again = next<VerificationResult>(el, 'verify-badge:result');
    document.body.append(el);
    expect((await again).detail.input).toBe('https://unknown.example/other.png');
    expect(requests).toEqual([`${ORIGIN}/plain.png`, 'https://unknown.example/other.png']);
  });
});

describe('failures', () => {
  it('shows the error state and fires verify-badge:error when verification cannot run', async () => {
    const el = create({}, (e) => {
      e.credential = 42;
    });
    const { detail } = await next<VerifyBadgeErrorDetail>(el, 'verify-badge:error');
    expect(detail.error).toBeInstanceOf(TypeError);
    expect(el.state).toBe('error');
    expect(part(el, 'error')?.getAttribute('role')).toBe('alert');
    expect(el.result).toBeNull();
  });

  it('reports an unreachable src as a result that cannot be checked, not valid', async () => {
    const el = create({ src: 'https://unknown.example/badge.png' }, (e) => {
      e.fetch = fixtureFetch().fetch;
    });
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect(detail.verified).toBe(false);
    expect(detail.errors.map((e) => e.code)).toContain('FETCH_FAILED');
  });

  it('refuses a file that is not a Blob', () => {
    const el = create();
    expect(() => {
      el.file = 'badge.png' as unknown as Blob;
    }).toThrow(TypeError);
  });

  it('refuses a fetch that is not a function', () => {
    const el = create();
    expect(() => {
      el.fetch = 'no' as unknown as typeof fetch;
    }).toThrow(TypeError);
  });
});

describe('upgrade', () => {
  it('picks up properties set before the element was defined', async () => {
    const { fetch, requests } = fixtureFetch();
    const el = document.createElement('late-verify-badge') as VerifyBadgeElement;
    (el as unknown as Record<string, unknown>).fetch = fetch;
    (el as unknown as Record<string, unknown>).now = NOW;
    el.setAttribute('src', `${ORIGIN}/plain.png`);
    document.body.append(el);
    VerifyBadgeElement.define('late-verify-badge');
    await next(el, 'verify-badge:result');
    expect(requests).toEqual([`${ORIGIN}/plain.png`]);
  });
});

describe('upgrade of reflected properties', () => {
  it('turns src, layout and verifyMode set before the definition into attributes, which stay the source of truth', async () => {
    const { fetch, requests } = fixtureFetch();
    const el = document.createElement('early-verify-badge') as VerifyBadgeElement;
    const early = el as unknown as Record<string, unknown>;
    Object.assign(early, { fetch, now: NOW, src: `${ORIGIN}/plain.png`, layout: 'compact', verifyMode: 'auto' });
    document.body.append(el);
    VerifyBadgeElement.define('early-verify-badge');
    await next(el, 'verify-badge:result');
    expect([el.getAttribute('src'), el.getAttribute('layout'), el.getAttribute('verify')]).toEqual([`${ORIGIN}/plain.png`, 'compact', 'auto']);
    el.setAttribute('src', `${ORIGIN}/assertions/revoked.json`);
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect([detail.input, detail.status]).toEqual([`${ORIGIN}/assertions/revoked.json`, 'revoked']);
    expect(requests[0]).toBe(`${ORIGIN}/plain.png`);
  });
});

describe('a picked file, then a src from the page', () => {
  it('verifies the new src: the page has asked for another badge', async () => {
    const { fetch } = fixtureFetch();
    const el = create({}, (e) => {
      e.fetch = fetch;
    });
    await settle();
    const input = part(el, 'dropzone')!.querySelector('input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([fixtureBytes('plain.png')], 'chosen.png', { type: 'image/png' })], configurable: true });
    input.dispatchEvent(new Event('change'));
    await next(el, 'verify-badge:result');
    el.src = `${ORIGIN}/assertions/revoked.json`;
    const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
    expect([detail.input, detail.status]).toEqual([`${ORIGIN}/assertions/revoked.json`, 'revoked']);
    expect(el.file).toBeNull();
    expect(part(el, 'another')).toBeNull();
  });
});

describe('focus', () => {
  it('stays inside the element when the viewer presses Verify, and lands on the card', async () => {
    const el = create({ verify: 'manual', src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fixtureFetch().fetch;
    });
    await settle();
    const button = part(el, 'verify-button') as HTMLButtonElement;
    button.focus();
    expect(el.shadowRoot!.activeElement).toBe(button);
    button.click();
    await next(el, 'verify-badge:result');
    expect(el.shadowRoot!.activeElement).toBe(part(el, 'card'));
    expect(part(el, 'card')!.getAttribute('tabindex')).toBe('-1');
  });

  it('is left alone when the viewer was not inside the element', async () => {
    const el = create({ src: `${ORIGIN}/plain.png` }, (e) => {
      e.fetch = fixtureFetch().fetch;
    });
    await next(el, 'verify-badge:result');
    expect(el.shadowRoot!.activeElement).toBeNull();
    expect(part(el, 'card')!.hasAttribute('tabindex')).toBe(false);
  });
});

describe('labels and language', () => {
  it('fills a partial defaultLabels from the English defaults instead of failing to render', async () => {
    const saved = VerifyBadgeElement.defaultLabels;
    VerifyBadgeElement.defaultLabels = { verifyButton: 'Prüfen', status: { valid: 'Echt' } } as unknown as typeof saved;
    try {
      const errors: unknown[] = [];
      const el = create({ src: `${ORIGIN}/valid.png` }, (e) => {
        e.fetch = fixtureFetch().fetch;
        e.addEventListener('verify-badge:error', (event) => errors.push(event));
      });
      const { detail } = await next<VerificationResult>(el, 'verify-badge:result');
      expect(detail.status).toBe('valid');
      expect(part(el, 'status')!.textContent).toContain('Echt');
      expect(part(el, 'status')!.textContent).toContain(DEFAULT_LABELS.statusHint.valid);
      expect([el.state, errors]).toEqual(['result', []]);
    } finally {
      VerifyBadgeElement.defaultLabels = saved;
    }
  });

  it('takes the language of the page around another component that holds it in its shadow root', async () => {
    const issuedIn = async (lang: string, inShadow: boolean) => {
      const host = document.createElement('div');
      host.setAttribute('lang', lang);
      document.body.append(host);
      const el = document.createElement('verify-badge') as VerifyBadgeElement;
      Object.assign(el, { now: NOW, fetch: fixtureFetch().fetch });
      el.setAttribute('src', `${ORIGIN}/valid.png`);
      (inShadow ? host.attachShadow({ mode: 'open' }) : host).append(el);
      await next(el, 'verify-badge:result');
      return part(el, 'issued')!.textContent;
    };
    const direct = await issuedIn('de', false);
    expect(direct).not.toBe(await issuedIn('en', false));
    expect(await issuedIn('de', true)).toBe(direct);
  });

  it('reads layout as the stylesheet does: any case, no trimming', () => {
    const el = create({ layout: 'Compact' });
    expect(el.layout).toBe('compact');
    el.setAttribute('layout', ' compact');
    expect(el.layout).toBe('card');
  });
});

describe('a fault in showing the result', () => {
  it('ends in the error state with an error event, not an unhandled rejection', async () => {
    const el = create({ src: `${ORIGIN}/valid.png` }, (e) => {
      e.fetch = fixtureFetch().fetch;
    });
    // Labels that fail only once there is a result to show (defined after connecting: an own
    // property set before would be taken as an early assignment and upgraded away).
    Object.defineProperty(el, 'labels', {
      configurable: true,
      get: () => {
        if (el.state === 'result') throw new Error('labels unavailable');
        return DEFAULT_LABELS;
      },
    });
    const { detail } = await next<VerifyBadgeErrorDetail>(el, 'verify-badge:error');
    expect(detail.message).toBe('labels unavailable');
    expect(el.state).toBe('error');
    expect(part(el, 'error')).not.toBeNull();
    expect(part(el, 'loading')).toBeNull();
  });
});
