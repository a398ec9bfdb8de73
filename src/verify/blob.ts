/**
 * Reading a Blob (a File from a picker or a drop) into bytes for `verify`. Loaded on demand:
 * badges given by URL, as bytes or as text never need it.
 *
 * @packageDocumentation
 */
import type { VerifyContext } from './context.js';

/**
 * The Blob's bytes, or null after recording why they cannot be had (`input` fails with
 * `PAYLOAD_TOO_LARGE` past `maxInputBytes`, before reading; `INPUT_UNREADABLE` when reading fails).
 *
 * @example
 * ```ts
 * const bytes = await readBlob(file, ctx);
 * ```
 */
export async function readBlob(blob: Blob, ctx: VerifyContext): Promise<Uint8Array | null> {
  try {
    if (blob.size > ctx.options.maxInputBytes) {
      ctx.checks.fail('input', 'PAYLOAD_TOO_LARGE', `the input is larger than ${ctx.options.maxInputBytes} bytes`);
      return null;
    }
    return new Uint8Array(await blob.arrayBuffer());
  } catch (cause) {
    ctx.checks.fail('input', 'INPUT_UNREADABLE', `the Blob could not be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    return null;
  }
}
