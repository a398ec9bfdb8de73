/**
 * Turning what callers hand us (bytes, buffers, Blobs) into one `Uint8Array` view, without
 * copying when we can avoid it.
 *
 * @packageDocumentation
 */
import { BadgeError } from '../errors.js';

/** What {@link unbake} accepts. `Blob` covers `File` in browsers and Node's `Blob`. */
export type ImageInput = Uint8Array | ArrayBuffer | Blob;

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // Tag check rather than instanceof: buffers from another realm (iframes, vm, test DOMs).
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

function isBlobLike(value: unknown): value is Blob {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Blob).arrayBuffer === 'function' &&
    typeof (value as Blob).size === 'number'
  );
}

/**
 * A byte view of `input` if it is already in memory, else `undefined` (a Blob).
 *
 * @throws BadgeError `INPUT_UNREADABLE` for any other kind of value or an empty input.
 * @example
 * ```ts
 * bytesOf(new ArrayBuffer(8)) // Uint8Array(8)
 * ```
 */
export function bytesOf(input: unknown): Uint8Array | undefined {
  let bytes: Uint8Array | undefined;
  try {
    if (input instanceof Uint8Array) bytes = input;
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else if (isArrayBuffer(input)) bytes = new Uint8Array(input);
  } catch (cause) {
    // A buffer transferred away (to a worker, by structuredClone) is detached: nothing to read.
    throw new BadgeError('INPUT_UNREADABLE', 'The bytes cannot be read (a detached ArrayBuffer).', { cause });
  }
  if (bytes === undefined) {
    if (isBlobLike(input)) return undefined;
    throw new BadgeError('INPUT_UNREADABLE', 'Expected a Uint8Array, an ArrayBuffer or a Blob.');
  }
  // A Uint8Array over a detached buffer reads as empty, and is refused as such.
  if (bytes.length === 0) throw new BadgeError('INPUT_UNREADABLE', 'The input is empty.');
  return bytes;
}

/**
 * Reads any {@link ImageInput} into bytes.
 *
 * @throws BadgeError `INPUT_UNREADABLE` when the value is of another kind, empty, or a Blob
 * that cannot be read.
 * @example
 * ```ts
 * const bytes = await readInput(file)
 * ```
 */
export async function readInput(input: unknown): Promise<Uint8Array> {
  const bytes = bytesOf(input);
  if (bytes !== undefined) return bytes;
  let buffer: ArrayBuffer;
  try {
    buffer = await (input as Blob).arrayBuffer();
  } catch (cause) {
    throw new BadgeError('INPUT_UNREADABLE', 'The Blob could not be read.', { cause });
  }
  const read = bytesOf(buffer);
  return read as Uint8Array;
}
