/**
 * Types shared by the PNG and SVG unbakers and the public entry point.
 *
 * @packageDocumentation
 */
import type { PayloadType } from './payload.js';

/** The image formats a badge can be baked into, detected from the bytes. */
export type Container = 'png' | 'svg';

/** The PNG text-chunk keywords that carry a badge, in the specs that define them. */
export type BadgeKeyword = 'openbadges' | 'openbadgecredential' | 'clrcredential';

/** The SVG elements that carry a badge. */
export type BadgeElement = 'assertion' | 'credential';

/** XML namespace of `<assertion>` in OB 1.x and 2.0 baked SVGs. */
export const OB2_NAMESPACE = 'http://openbadges.org';
/** XML namespace of `<credential>` in OB 3.0 baked SVGs. */
export const OB3_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

/**
 * The payload found in a baked image. Plain data: survives `JSON.stringify`.
 *
 * @example
 * ```ts
 * const badge: UnbakedBadge = unbakeBytes(png)
 * // { container: 'png', source: 'iTXt:openbadgecredential', keyword: 'openbadgecredential',
 * //   chunk: 'iTXt', compressed: false, payload: '{"@context":…}', payloadType: 'json', version: '3.0' }
 * ```
 */
export interface UnbakedBadge {
  /** The container, detected by content (never by file name). */
  container: Container;
  /**
   * Where the payload came from, for messages and logs: `'iTXt:openbadgecredential'`,
   * `'zTXt:openbadges'`, `'svg:assertion@verify'` (the `verify` attribute) or
   * `'svg:credential#text'` (the element's text or CDATA).
   */
  source: string;
  /** PNG: the text chunk's keyword. */
  keyword?: BadgeKeyword;
  /** PNG: the kind of text chunk. */
  chunk?: 'iTXt' | 'tEXt' | 'zTXt';
  /** PNG: whether the text was zlib-compressed (zTXt, or an iTXt with the compression flag). */
  compressed?: boolean;
  /** SVG: the local name of the element. */
  element?: BadgeElement;
  /** SVG: the element's namespace URI (the prefix is irrelevant). */
  namespace?: string;
  /** The payload text, without surrounding whitespace. */
  payload: string;
  /** What the payload is: see {@link classifyPayload}. */
  payloadType: PayloadType;
  /**
   * Which family the container says the badge belongs to: `'2.0'` for the keyword
   * `openbadges` or the `http://openbadges.org` namespace (OB 1.x and 2.0 alike: the payload
   * decides which), `'3.0'` for `openbadgecredential`, `clrcredential` or the OB 3.0 namespace.
   */
  version: '2.0' | '3.0';
  /**
   * SVG only: the other usable payload of the same element when both the `verify` attribute
   * and the text hold one (e.g. a hosted URL plus a copy of the assertion JSON).
   */
  alternate?: { source: string; payload: string; payloadType: PayloadType };
}

/**
 * Limits for {@link unbake}; every one has a safe default.
 *
 * @example
 * ```ts
 * unbakeBytes(bytes, { maxPayloadBytes: 256 * 1024, maxDepth: 64 })
 * ```
 */
export interface UnbakeOptions {
  /**
   * Largest payload accepted, in bytes, both as stored and after decompression; a zlib
   * stream that inflates past it is abandoned as soon as it does. Default 4 MiB. (SVG text
   * and attributes are measured in characters once decoded, which never exceeds the bytes.)
   */
  maxPayloadBytes?: number;
  /** SVG: deepest element nesting accepted before the file is refused. Default 256. */
  maxDepth?: number;
}

/** Default for {@link UnbakeOptions.maxPayloadBytes}: far above any real badge (a few KB). */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/** Default for {@link UnbakeOptions.maxDepth}. */
export const DEFAULT_MAX_DEPTH = 256;

/** Options resolved to concrete numbers. */
export interface ResolvedUnbakeOptions {
  maxPayloadBytes: number;
  maxDepth: number;
}

/**
 * Fills in defaults; a non-positive or non-numeric limit is a programming error (TypeError).
 *
 * @example
 * ```ts
 * resolveUnbakeOptions(undefined) // { maxPayloadBytes: 4194304, maxDepth: 256 }
 * ```
 */
export function resolveUnbakeOptions(options: UnbakeOptions | undefined): ResolvedUnbakeOptions {
  const maxPayloadBytes = options?.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isFinite(maxPayloadBytes) || maxPayloadBytes <= 0) {
    throw new TypeError('maxPayloadBytes must be a positive number');
  }
  if (!Number.isInteger(maxDepth) || maxDepth <= 0) {
    throw new TypeError('maxDepth must be a positive integer');
  }
  return { maxPayloadBytes, maxDepth };
}
