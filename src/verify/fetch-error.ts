import { BadgeError, type ErrorCode } from '../errors.js';

/**
 * A failed request. `httpStatus` is set when the server answered with a non-2xx status.
 *
 * `body` is that answer's body when it could be read and was at most
 * `ERROR_BODY_LIMIT` bytes (fetcher.ts; and the response-size limit): some statuses carry meaning
 * in their body (an OB 2.0 issuer may answer 410 Gone with `{"revoked": true,
 * "revocationReason": "..."}`). A longer, unreadable or timed-out body is simply absent:
 * the error itself never depends on it.
 *
 * @example
 * ```ts
 * try { await fetcher.get(url) } catch (e) {
 *   if (e instanceof FetchError && e.httpStatus === 410 && e.body) console.log(new TextDecoder().decode(e.body));
 * }
 * ```
 */
export class FetchError extends BadgeError {
  readonly httpStatus: number | undefined;
  readonly url: string;
  readonly body: Uint8Array | undefined;
  constructor(code: ErrorCode, url: string, message: string, httpStatus?: number, cause?: unknown, body?: Uint8Array) {
    super(code, message, cause === undefined ? undefined : { cause });
    this.url = url;
    this.httpStatus = httpStatus;
    this.body = body;
  }
}
