/**
 * Bounding work that someone else's code does for us: the caller's `fetch`, the bodies it
 * returns, `resolveHost`, a `documentLoader`. The signals we hand them are advice; a stub,
 * a proxy or a loader may ignore them, and a verification must still end at its timeout.
 */
import { isBadgeError } from '../errors.js';
import { FetchError } from './fetch-error.js';

/**
 * The caller's signal merged with a timeout of `timeoutMs`.
 *
 * @example
 * ```ts
 * const signal = requestSignal(options.signal, options.timeout);
 * ```
 */
export function requestSignal(caller: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  if (!caller) return timeout;
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([caller, timeout]);
  // Without AbortSignal.any (older engines): the first to abort wins, and both listeners go
  // then; the timeout always fires, so a long-lived caller signal does not collect them.
  const controller = new AbortController();
  const sources = [caller, timeout];
  const abort = (event: Event) => {
    controller.abort((event.target as AbortSignal).reason);
    for (const source of sources) source.removeEventListener('abort', abort);
  };
  if (caller.aborted) controller.abort(caller.reason);
  else for (const source of sources) source.addEventListener('abort', abort, { once: true });
  return controller.signal;
}

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts, whichever comes
 * first: work that ignores the signal is left to finish on its own, unheard.
 *
 * @example
 * ```ts
 * const response = await untilAborted(fetchImpl(url, { signal }), signal);
 * ```
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * The caller's document loader, each call bounded by the verification's signal and timeout
 * (as a request is): a loader that never answers cannot hold canonicalisation forever. A call
 * cut short, or that fails, fails as a request would (FETCH_TIMEOUT, ABORTED, FETCH_FAILED; a
 * BadgeError of the loader's own passes through), so the badge is "cannot be checked", never
 * "not genuine".
 *
 * @example
 * ```ts
 * const documentLoader = boundedLoader(ctx.options.documentLoader, ctx.options.signal, ctx.options.timeout);
 * ```
 */
export function boundedLoader<R>(
  loader: ((url: string) => Promise<R>) | undefined,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): ((url: string) => Promise<R>) | undefined {
  if (loader === undefined) return undefined;
  return (url: string) =>
    untilAborted(Promise.resolve().then(() => loader(url)), requestSignal(signal, timeoutMs)).catch((error: unknown) => {
      if (signal?.aborted) throw new FetchError('ABORTED', url, `verification aborted while loading ${url}`, undefined, error);
      if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
        throw new FetchError('FETCH_TIMEOUT', url, `the documentLoader did not answer for ${url} within ${timeoutMs} ms`, undefined, error);
      }
      if (isBadgeError(error)) throw error;
      // A context that could not be loaded is a resource that could not be had.
      throw new FetchError('FETCH_FAILED', url, `the documentLoader could not load ${url}`, undefined, error);
    });
}
