/**
 * Baking: putting a badge into a PNG or SVG the way the Open Badges specs prescribe, replacing
 * whatever badge the image carried before.
 *
 * @packageDocumentation
 */
import { BadgeError } from '../errors.js';
import { bytesOf } from './input.js';
import { classifyPayload } from './payload.js';
import { bakePng, looksLikePng } from './png.js';
import { bakeSvg, looksLikeSvg } from './svg.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAYLOAD_BYTES } from './types.js';

/**
 * Options for {@link bake}.
 *
 * @example
 * ```ts
 * bake(png, jwt, { version: '3.0', maxPayloadBytes: 1 << 20 })
 * ```
 */
export interface BakeOptions {
  /**
   * Which spec to bake by. `'2.0'` (also right for OB 1.x): PNG iTXt keyword `openbadges`,
   * SVG `<openbadges:assertion xmlns:openbadges="http://openbadges.org">`. `'3.0'`: PNG iTXt
   * keyword `openbadgecredential`, SVG `<openbadges:credential
   * xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">`.
   */
  version: '2.0' | '3.0';
  /** Largest payload accepted, in UTF-8 bytes. Default 4 MiB, as for unbaking. */
  maxPayloadBytes?: number;
}

/**
 * Bakes `payload` into a PNG or SVG image (detected by content) and returns the new file.
 * Any badge chunk or element already there is removed first, so exactly one remains.
 *
 * - PNG: one uncompressed UTF-8 `iTXt` chunk (the specs say MUST NOT compress), inserted just
 *   before `IEND`, with a correct CRC.
 * - SVG: one element right after the `<svg …>` start tag. A URL or JWS goes in its `verify`
 *   attribute, JSON in a CDATA section (a `]]>` inside is split across two sections).
 *
 * `payload` may be text (JSON, compact JWS/VC-JWT, or, for 2.0 only, the hosted assertion's
 * URL) or an object, which is serialised with `JSON.stringify`.
 *
 * @param image - PNG or SVG bytes, or SVG markup as a string.
 * @throws BadgeError `INPUT_UNRECOGNISED` (neither PNG nor SVG), `PNG_MALFORMED`,
 * `SVG_MALFORMED`, `SVG_UNSAFE`, `PAYLOAD_UNRECOGNISED` (not JSON/JWS/URL, or a URL for 3.0),
 * `PAYLOAD_TOO_LARGE`; `TypeError` for a missing or unknown `version`.
 * @example
 * ```ts
 * const png = bake(iconBytes, credential, { version: '3.0' })
 * const svg = bake(svgText, 'https://example.org/assertions/42', { version: '2.0' })
 * ```
 */
export function bake(
  image: Uint8Array | ArrayBuffer | string,
  payload: string | object,
  options: BakeOptions,
): Uint8Array {
  const version = (options as Partial<BakeOptions> | undefined)?.version;
  if (version !== '2.0' && version !== '3.0') throw new TypeError("bake() needs { version: '2.0' | '3.0' }");
  const maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;

  const text = (typeof payload === 'string' ? payload : JSON.stringify(payload)).trim();
  const payloadType = classifyPayload(text);
  if (payloadType === null) {
    throw new BadgeError('PAYLOAD_UNRECOGNISED', 'The payload is neither a JSON object, a compact JWS nor a URL.');
  }
  if (payloadType === 'url' && version === '3.0') {
    throw new BadgeError('PAYLOAD_UNRECOGNISED', 'OB 3.0 bakes the credential itself (JSON or VC-JWT), not a URL.');
  }
  if (new TextEncoder().encode(text).length > maxPayloadBytes) {
    throw new BadgeError('PAYLOAD_TOO_LARGE', `The payload is larger than ${maxPayloadBytes} bytes.`);
  }

  const bytes = typeof image === 'string' ? new TextEncoder().encode(image) : bytesOf(image);
  if (bytes === undefined || bytes.length === 0) {
    throw new BadgeError('INPUT_UNREADABLE', 'Expected image bytes or SVG markup.');
  }
  if (looksLikePng(bytes)) return bakePng(bytes, version === '2.0' ? 'openbadges' : 'openbadgecredential', text);
  if (looksLikeSvg(bytes)) {
    return bakeSvg(bytes, version === '2.0' ? 'assertion' : 'credential', text, payloadType, DEFAULT_MAX_DEPTH);
  }
  throw new BadgeError('INPUT_UNRECOGNISED', 'The image is neither a PNG nor an SVG.');
}
