// Runs in plain Node (no DOM): importing the element on a server must not crash.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('on a server without a DOM', () => {
  it('imports the element class and treats define() as a no-op', async () => {
    expect(globalThis.HTMLElement).toBeUndefined();
    const { VerifyBadgeElement } = await import('../../src/element/index.js');
    expect(typeof VerifyBadgeElement).toBe('function');
    expect(VerifyBadgeElement.define()).toBe(VerifyBadgeElement);
  });

  it('imports the define module without registering anything', async () => {
    await expect(import('../../src/element/define.js')).resolves.toHaveProperty('VerifyBadgeElement');
  });
});

describe('the element source', () => {
  const dir = new URL('../../src/element/', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')] as const);

  it('never parses strings as HTML or sets inline styles', () => {
    expect(sources.length).toBeGreaterThan(3);
    for (const [, code] of sources) {
      expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\.|setAttribute\(\s*['"]style/);
    }
  });

  it('has no side effects in the class module', () => {
    const index = sources.find(([f]) => f === 'index.ts')![1];
    expect(index).not.toMatch(/^\s*(VerifyBadgeElement\.define|customElements\.define)\(/m);
  });
});
