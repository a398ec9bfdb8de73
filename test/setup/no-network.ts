/**
 * Every test file runs with a global fetch that refuses the network: a test that forgets to
 * inject its stub fails loudly instead of reaching out. Loopback stays open for the tests
 * that serve pages to Chromium or to the CLI from 127.0.0.1.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const realFetch = globalThis.fetch;

if (typeof realFetch === 'function') {
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (!LOOPBACK.has(url.hostname)) {
      return Promise.reject(new TypeError(`tests may not reach the network: ${url.href}`));
    }
    return realFetch(input, init);
  }) as typeof globalThis.fetch;
}
