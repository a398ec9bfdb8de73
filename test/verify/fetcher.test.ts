import { describe, expect, it, vi } from 'vitest';
import { createResourceCache, ERROR_BODY_LIMIT, Fetcher, FetchError } from '../../src/verify/fetcher.js';
import { resolveOptions, type VerifyOptions } from '../../src/verify/options.js';

type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>;

/** A fetch that answers from a table and refuses everything else; records each call. */
function stubFetch(routes: Record<string, Handler>) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    const handler = routes[url];
    if (!handler) throw new TypeError(`network refused in tests: ${url}`);
    return handler(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (value: unknown, status = 200) => () =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

function fetcher(options: VerifyOptions) {
  return new Fetcher(resolveOptions(options));
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError');
}

describe('Fetcher', () => {
  it('fetches JSON and sends the JSON-LD Accept header', async () => {
    const { fetch } = stubFetch({ 'https://a.example/x.json': json({ ok: 1 }) });
    const { json: body } = await fetcher({ fetch }).getJson('https://a.example/x.json');
    expect(body).toEqual({ ok: 1 });
    const init = (fetch as unknown as ReturnType<typeof vi.fn>).mock.calls[0]![1] as RequestInit;
    expect(new Headers(init.headers).get('accept')).toContain('application/ld+json');
  });

  it('fetches a repeated URL once per verification, fragments ignored', async () => {
    const { fetch, calls } = stubFetch({ 'https://a.example/k.json': json({}) });
    const f = fetcher({ fetch });
    await Promise.all([f.get('https://a.example/k.json'), f.get('https://a.example/k.json#key-1')]);
    await f.get('https://a.example/k.json');
    expect(calls).toEqual(['https://a.example/k.json']);
  });

  it('shares a cache across fetchers', async () => {
    const { fetch, calls } = stubFetch({ 'https://a.example/list': json({}) });
    const cache = createResourceCache();
    await fetcher({ fetch, cache }).get('https://a.example/list');
    await fetcher({ fetch, cache }).get('https://a.example/list');
    expect(calls).toHaveLength(1);
  });

  it('follows redirects and checks every hop', async () => {
    const { fetch } = stubFetch({
      'https://a.example/old': () => new Response(null, { status: 301, headers: { location: '/new' } }),
      'https://a.example/new': json({ moved: true }),
    });
    const { json: body, resource } = await fetcher({ fetch }).getJson('https://a.example/old');
    expect(body).toEqual({ moved: true });
    expect(resource.requestedUrl).toBe('https://a.example/old');
  });

  it('makes no request when offline', async () => {
    const { fetch, calls } = stubFetch({});
    expect((await failure(fetcher({ fetch, offline: true }).get('https://a.example/'))).code).toBe('FETCH_FAILED');
    expect(calls).toHaveLength(0);
  });
});

describe('Fetcher failures', () => {
  it('reports an HTTP error status with FETCH_FAILED and the status', async () => {
    const { fetch } = stubFetch({ 'https://a.example/gone': () => new Response('', { status: 410 }) });
    const error = await failure(fetcher({ fetch }).get('https://a.example/gone'));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.httpStatus).toBe(410);
  });

  it('keeps the body of an HTTP error answer on the error', async () => {
    const body = { revoked: true, revocationReason: 'Issued in error' };
    const { fetch } = stubFetch({ 'https://a.example/gone': json(body, 410) });
    const error = await failure(fetcher({ fetch }).get('https://a.example/gone'));
    expect(error.httpStatus).toBe(410);
    expect(JSON.parse(new TextDecoder().decode(error.body))).toEqual(body);
  });

  it('keeps an error body of exactly the cap', async () => {
    const { fetch } = stubFetch({ 'https://a.example/gone': () => new Response(new Uint8Array(ERROR_BODY_LIMIT), { status: 410 }) });
    expect((await failure(fetcher({ fetch }).get('https://a.example/gone'))).body?.byteLength).toBe(ERROR_BODY_LIMIT);
  });

  it('drops an error body longer than the cap, streamed or declared, and still reports the status', async () => {
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(4096));
      },
    });
    const { fetch } = stubFetch({
      'https://a.example/endless': () => new Response(endless, { status: 500 }),
      'https://a.example/declared': () => new Response('x', { status: 404, headers: { 'content-length': String(ERROR_BODY_LIMIT + 1) } }),
    });
    for (const [url, status] of [['https://a.example/endless', 500], ['https://a.example/declared', 404]] as const) {
      const error = await failure(fetcher({ fetch }).get(url));
      expect([error.code, error.httpStatus, error.body]).toEqual(['FETCH_FAILED', status, undefined]);
    }
  });

  it('caps an error body at the response-size limit when that is smaller', async () => {
    const { fetch } = stubFetch({ 'https://a.example/gone': () => new Response(new Uint8Array(2048), { status: 410 }) });
    const error = await failure(fetcher({ fetch, maxResponseBytes: 1024 }).get('https://a.example/gone'));
    expect([error.code, error.httpStatus, error.body]).toEqual(['FETCH_FAILED', 410, undefined]);
  });

  it('reports the status when the error body breaks off or never ends', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new TypeError('connection reset'));
      },
    });
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => {}) });
    const { fetch } = stubFetch({
      'https://a.example/broken': () => new Response(broken, { status: 410 }),
      'https://a.example/stalled': () => new Response(stalled, { status: 410 }),
    });
    for (const url of ['https://a.example/broken', 'https://a.example/stalled']) {
      const error = await failure(fetcher({ fetch, timeout: 50 }).get(url));
      expect([error.code, error.httpStatus, error.body]).toEqual(['FETCH_FAILED', 410, undefined]);
    }
  });

  it('times out a body that stops arriving', async () => {
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => {}) });
    const { fetch } = stubFetch({ 'https://a.example/stalled': () => new Response(stalled) });
    expect((await failure(fetcher({ fetch, timeout: 50 }).get('https://a.example/stalled'))).code).toBe('FETCH_TIMEOUT');
  });

  it('reports a refused connection with FETCH_FAILED', async () => {
    const { fetch } = stubFetch({});
    expect((await failure(fetcher({ fetch }).get('https://nowhere.example/'))).code).toBe('FETCH_FAILED');
  });

  it('stops reading a body larger than the limit', async () => {
    const big = new Uint8Array(2048);
    const { fetch } = stubFetch({ 'https://a.example/big': () => new Response(big) });
    expect((await failure(fetcher({ fetch, maxResponseBytes: 1024 }).get('https://a.example/big'))).code).toBe('RESPONSE_TOO_LARGE');
  });

  it('trusts no Content-Length: a streamed body is counted as it arrives', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(512)); // endless
      },
    });
    const { fetch } = stubFetch({ 'https://a.example/endless': () => new Response(stream) });
    expect((await failure(fetcher({ fetch, maxResponseBytes: 4096 }).get('https://a.example/endless'))).code).toBe('RESPONSE_TOO_LARGE');
  });

  it('times out a request that never answers', async () => {
    const fetch = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      })) as typeof globalThis.fetch;
    expect((await failure(fetcher({ fetch, timeout: 20 }).get('https://a.example/slow'))).code).toBe('FETCH_TIMEOUT');
  });

  describe('ends at its timeout even when what it calls ignores the signal', () => {
    const never = () => new Promise<never>(() => {});
    /** A body whose cancel() never settles, streamed or with a Content-Length over the cap. */
    const stuckBody = (headers: Record<string, string> = {}) => () => {
      const body = new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(4096)), cancel: never });
      return new Response(body, { headers });
    };

    it.each([
      ['a fetch that never settles', { 'https://a.example/x': never }, 'FETCH_TIMEOUT'],
      // Too large is known at once: the cancel is not waited for.
      ['a body over the cap whose cancel never settles (Content-Length)', { 'https://a.example/x': stuckBody({ 'content-length': '999999' }) }, 'RESPONSE_TOO_LARGE'],
      ['a streamed body over the cap whose cancel never settles', { 'https://a.example/x': stuckBody() }, 'RESPONSE_TOO_LARGE'],
      [
        'a redirect whose body cancel never settles, to a fetch that never settles',
        {
          'https://a.example/x': () => new Response(new ReadableStream({ cancel: never }), { status: 302, headers: { location: 'https://a.example/y' } }),
          'https://a.example/y': never,
        },
        'FETCH_TIMEOUT',
      ],
      [
        'a body-less answer whose arrayBuffer never settles',
        { 'https://a.example/x': () => ({ ok: true, status: 200, url: '', headers: new Headers(), body: null, arrayBuffer: never }) as unknown as Response },
        'FETCH_TIMEOUT',
      ],
    ] as [string, Record<string, Handler>, string][])('%s: %s', async (_name, routes, code) => {
      const { fetch } = stubFetch(routes);
      expect((await failure(fetcher({ fetch, timeout: 30, maxResponseBytes: 1024 }).get('https://a.example/x'))).code).toBe(code);
    });

    it('a resolveHost that never answers: FETCH_TIMEOUT, nothing fetched', async () => {
      const { fetch, calls } = stubFetch({ 'https://a.example/x': json({}) });
      const error = await failure(fetcher({ fetch, timeout: 30, allowPrivateNetwork: false, resolveHost: never }).get('https://a.example/x'));
      expect([error.code, calls]).toEqual(['FETCH_TIMEOUT', []]);
    });

    it('a fetch that never settles, when the caller aborts: ABORTED', async () => {
      const caller = new AbortController();
      const { fetch } = stubFetch({ 'https://a.example/x': never });
      const pending = failure(fetcher({ fetch, timeout: 60_000, signal: caller.signal }).get('https://a.example/x'));
      setTimeout(() => caller.abort(), 10);
      expect((await pending).code).toBe('ABORTED');
    });
  });

  it('reports ABORTED when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetch } = stubFetch({ 'https://a.example/': json({}) });
    expect((await failure(fetcher({ fetch, signal: controller.signal }).get('https://a.example/'))).code).toBe('ABORTED');
  });

  it('merges the caller signal and the timeout without AbortSignal.any (older browsers)', async () => {
    const never = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      })) as typeof globalThis.fetch;
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
    try {
      const caller = new AbortController();
      const timedOut = failure(fetcher({ fetch: never, timeout: 20, signal: caller.signal }).get('https://a.example/slow'));
      expect((await timedOut).code).toBe('FETCH_TIMEOUT');
      const aborted = failure(fetcher({ fetch: never, timeout: 60_000, signal: caller.signal }).get('https://a.example/slow'));
      setTimeout(() => caller.abort(), 10);
      expect((await aborted).code).toBe('ABORTED');
    } finally {
      if (any) Object.defineProperty(AbortSignal, 'any', any);
    }
  });

  it('leaves no listener on a long-lived caller signal once each request is over (without AbortSignal.any)', async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
    try {
      const caller = new AbortController();
      let listening = 0;
      const add = caller.signal.addEventListener.bind(caller.signal);
      const remove = caller.signal.removeEventListener.bind(caller.signal);
      caller.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => (listening++, add(...args))) as AbortSignal['addEventListener'];
      caller.signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => (listening--, remove(...args))) as AbortSignal['removeEventListener'];
      const { fetch } = stubFetch({ 'https://a.example/1': json({}), 'https://a.example/2': json({}) });
      const f = fetcher({ fetch, timeout: 20, signal: caller.signal });
      await f.get('https://a.example/1');
      await f.get('https://a.example/2');
      await new Promise((resolve) => setTimeout(resolve, 60)); // the requests' timeouts fire
      expect(listening).toBe(0);
    } finally {
      if (any) Object.defineProperty(AbortSignal, 'any', any);
    }
  });

  it('refuses private addresses outside a browser, before any request', async () => {
    const { fetch, calls } = stubFetch({});
    for (const url of ['http://127.0.0.1/', 'http://169.254.169.254/latest/meta-data', 'http://localhost:8080/', 'http://[::1]/']) {
      expect((await failure(fetcher({ fetch }).get(url))).code).toBe('URL_REFUSED');
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses a redirect into the private network', async () => {
    const { fetch, calls } = stubFetch({
      'https://a.example/jump': () => new Response(null, { status: 302, headers: { location: 'http://10.0.0.5/admin' } }),
    });
    expect((await failure(fetcher({ fetch }).get('https://a.example/jump'))).code).toBe('URL_REFUSED');
    expect(calls).toEqual(['https://a.example/jump']);
  });

  it('refuses a public name that resolves to a private address', async () => {
    const { fetch, calls } = stubFetch({ 'https://sneaky.example/': json({}) });
    const resolveHost = async () => ['10.0.0.7'];
    expect((await failure(fetcher({ fetch, resolveHost }).get('https://sneaky.example/'))).code).toBe('URL_REFUSED');
    expect(calls).toHaveLength(0);
  });

  it('allows private addresses when the caller opts in', async () => {
    const { fetch } = stubFetch({ 'http://127.0.0.1:9/x': json({ local: true }) });
    const { json: body } = await fetcher({ fetch, allowPrivateNetwork: true }).getJson('http://127.0.0.1:9/x');
    expect(body).toEqual({ local: true });
  });

  it('gives up after too many redirects', async () => {
    const { fetch } = stubFetch({
      'https://a.example/loop': () => new Response(null, { status: 302, headers: { location: '/loop' } }),
    });
    expect((await failure(fetcher({ fetch, maxRedirects: 3 }).get('https://a.example/loop'))).code).toBe('URL_REFUSED');
  });

  it('reports a redirect without a Location as FETCH_FAILED, with its status', async () => {
    const { fetch } = stubFetch({ 'https://a.example/nowhere': () => new Response(null, { status: 302 }) });
    const error = await failure(fetcher({ fetch }).get('https://a.example/nowhere'));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.httpStatus).toBe(302);
  });

  it('reports a redirect to an invalid URL as FETCH_FAILED, with its status', async () => {
    const { fetch } = stubFetch({ 'https://a.example/bad': () => new Response(null, { status: 301, headers: { location: 'http://[' } }) });
    const error = await failure(fetcher({ fetch }).get('https://a.example/bad'));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.httpStatus).toBe(301);
    expect(error.message).toMatch(/invalid URL/);
  });

  it('refuses non-http schemes', async () => {
    const { fetch } = stubFetch({});
    for (const url of ['file:///etc/passwd', 'ftp://a.example/', 'javascript:alert(1)', 'not a url']) {
      expect((await failure(fetcher({ fetch }).get(url))).code).toBe('URL_REFUSED');
    }
  });

  it('reports a body that is not JSON as RESOURCE_MALFORMED', async () => {
    const { fetch } = stubFetch({ 'https://a.example/html': () => new Response('<html>') });
    expect((await failure(fetcher({ fetch }).getJson('https://a.example/html'))).code).toBe('RESOURCE_MALFORMED');
  });
});
