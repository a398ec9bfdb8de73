/**
 * `verifyMany()`: verify a batch with bounded concurrency and one shared resource cache, so
 * that a hundred badges of one issuer fetch its profile, keys and status lists once.
 */
import type { VerificationResult } from '../result.js';
import { createResourceCache } from './fetcher.js';
import { assertVerifyInput, type VerifyInput } from './input.js';
import { resolveOptions, type VerifyOptions } from './options.js';
import { verify } from './verify.js';

/** One batch item: the input and, optionally, what to call it in the result. */
export interface BatchItem {
  input: VerifyInput;
  label?: string;
}

/** Options of {@link verifyMany}: those of `verify`, plus concurrency and streaming. */
export interface VerifyManyOptions extends VerifyOptions {
  /** How many verifications run at once (default 4). */
  concurrency?: number;
  /** Called with each result as soon as it is ready (in completion order). */
  onResult?: (result: VerificationResult, index: number) => void;
}

export const DEFAULT_CONCURRENCY = 4;

function isBatchItem(value: unknown): value is BatchItem {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'input' in value && Object.keys(value).every((k) => k === 'input' || k === 'label');
}

/**
 * Verify several badges. Results come back in input order; at most `concurrency` run at
 * once; every fetch goes through one resource cache shared by the batch (the caller's
 * `cache`, or a new one).
 *
 * @throws TypeError when `inputs` is not an array or an item has the wrong type.
 * @example
 * ```ts
 * const results = await verifyMany([{ input: png, label: 'alice.png' }, 'https://example.org/a.json'], {
 *   concurrency: 8,
 *   onResult: (r) => console.log(r.input, r.status),
 * });
 * ```
 */
export async function verifyMany(inputs: ReadonlyArray<BatchItem | VerifyInput>, options: VerifyManyOptions = {}): Promise<VerificationResult[]> {
  if (!Array.isArray(inputs)) throw new TypeError('verifyMany: inputs must be an array');
  if (typeof options !== 'object' || options === null) throw new TypeError('verifyMany: options must be an object');
  const { concurrency = DEFAULT_CONCURRENCY, onResult, ...verifyOptions } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError('verifyMany: options.concurrency must be a positive integer');
  if (onResult !== undefined && typeof onResult !== 'function') throw new TypeError('verifyMany: options.onResult must be a function');
  resolveOptions(verifyOptions); // misuse is reported once, before any work starts
  const items: BatchItem[] = inputs.map((item, index) => {
    // A plain object is a badge unless it has exactly the BatchItem shape.
    const batchItem = isBatchItem(item) ? item : { input: item as VerifyInput };
    try {
      assertVerifyInput(batchItem.input);
    } catch (error) {
      throw new TypeError(`verifyMany: item ${index}: ${(error as Error).message}`);
    }
    if (batchItem.label !== undefined && typeof batchItem.label !== 'string') throw new TypeError(`verifyMany: item ${index}: label must be a string`);
    return batchItem;
  });
  const cache = verifyOptions.cache ?? createResourceCache();
  const results = new Array<VerificationResult>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      const label = item.label ?? verifyOptions.label;
      const result = await verify(item.input, { ...verifyOptions, cache, ...(label === undefined ? {} : { label }) });
      results[index] = result;
      try {
        onResult?.(result, index);
      } catch {
        // A failing callback must not lose the other results.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
