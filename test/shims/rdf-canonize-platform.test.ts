// rdf-canonize's yield (setImmediate) in our builds: the host's where it has one (Node),
// a MessageChannel elsewhere (browsers).
import { afterEach, describe, expect, it, vi } from 'vitest';

const original = globalThis.setImmediate;
afterEach(() => {
  globalThis.setImmediate = original;
  vi.resetModules();
});

describe('setImmediate for rdf-canonize', () => {
  it("uses the host's setImmediate when there is one", async () => {
    const host = vi.fn(original);
    globalThis.setImmediate = host as unknown as typeof globalThis.setImmediate;
    vi.resetModules();
    const { setImmediate } = await import('../../src/shims/rdf-canonize-platform.js');
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      setImmediate(() => order.push('later'));
      order.push('now');
      setImmediate(resolve);
    });
    expect(order).toEqual(['now', 'later']);
    expect(host).toHaveBeenCalledTimes(2);
  });

  it('runs tasks later and in order through a MessageChannel where the host has none', async () => {
    (globalThis as { setImmediate?: unknown }).setImmediate = undefined;
    vi.resetModules();
    const { setImmediate } = await import('../../src/shims/rdf-canonize-platform.js');
    const order: number[] = [];
    await new Promise<void>((resolve) => {
      for (let i = 0; i < 5; i++) setImmediate(() => order.push(i));
      order.push(-1);
      setImmediate(resolve);
    });
    expect(order).toEqual([-1, 0, 1, 2, 3, 4]);
  });
});
