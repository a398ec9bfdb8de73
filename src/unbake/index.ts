/**
 * Unbaking and baking Open Badges images (PNG and SVG). Bytes in, payload out: no I/O, no DOM.
 *
 * @packageDocumentation
 */
import { BadgeError } from '../errors.js';
import { bytesOf, readInput } from './input.js';
import { inflateZlib } from './inflate.js';
import { looksLikePng, unbakePng } from './png.js';
import { looksLikeSvg } from './sniff.js';
import { unbakeSvg } from './svg.js';
import { resolveUnbakeOptions } from './types.js';
import type { Container, UnbakeOptions, UnbakedBadge } from './types.js';

export { bake } from './bake.js';
export type { BakeOptions } from './bake.js';
export { classifyPayload } from './payload.js';
export type { PayloadType } from './payload.js';
export { OB2_NAMESPACE, OB3_NAMESPACE, DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_DEPTH } from './types.js';
export type { BadgeElement, BadgeKeyword, Container, UnbakeOptions, UnbakedBadge } from './types.js';
export type { ImageInput } from './input.js';

/**
 * Which image container the bytes are, judged by content alone (never by file name): `'png'`
 * when they start with the PNG signature (or a truncated piece of it), `'svg'` when they are
 * UTF-8 XML whose root element is `svg`, else `null`.
 *
 * @example
 * ```ts
 * detectContainer(bytes) // 'png' | 'svg' | null
 * ```
 */
export function detectContainer(bytes: Uint8Array): Container | null {
  if (looksLikePng(bytes)) return 'png';
  if (looksLikeSvg(bytes)) return 'svg';
  return null;
}

/**
 * Synchronous {@link unbake} for bytes already in memory.
 *
 * @throws BadgeError with one of the codes listed on {@link unbake}.
 * @example
 * ```ts
 * const { payload, payloadType } = unbakeBytes(new Uint8Array(await res.arrayBuffer()))
 * ```
 */
export function unbakeBytes(bytes: Uint8Array | ArrayBuffer, options?: UnbakeOptions): UnbakedBadge {
  const resolved = resolveUnbakeOptions(options);
  const view = bytesOf(bytes);
  if (view === undefined) throw new BadgeError('INPUT_UNREADABLE', 'Use unbake() for a Blob.');
  switch (detectContainer(view)) {
    case 'png':
      return unbakePng(view, resolved, (data, cap) => inflateZlib(data, cap, 'PNG_MALFORMED'));
    case 'svg':
      return unbakeSvg(view, resolved);
    default:
      throw new BadgeError('INPUT_UNRECOGNISED', 'The bytes are neither a PNG nor an SVG image.');
  }
}

/**
 * Extracts the Open Badge baked into a PNG or SVG image.
 *
 * @throws BadgeError `INPUT_UNREADABLE`, `INPUT_UNRECOGNISED`, `NOT_BAKED`, `PNG_MALFORMED`,
 * `SVG_MALFORMED`, `SVG_UNSAFE`, `PAYLOAD_TOO_LARGE` or `PAYLOAD_UNRECOGNISED`.
 * @example
 * ```ts
 * const badge = await unbake(file)
 * if (badge.payloadType === 'url') console.log('hosted assertion at', badge.payload)
 * ```
 */
export async function unbake(input: Uint8Array | ArrayBuffer | Blob, options?: UnbakeOptions): Promise<UnbakedBadge> {
  resolveUnbakeOptions(options);
  return unbakeBytes(await readInput(input), options);
}
