/**
 * URL allow-lists for what the element puts in `href` and `src`. A badge is untrusted
 * input: a `javascript:` link would run script when clicked, so only web URLs pass, plus
 * `data:image/*` for images (an SVG data URI in an `<img>` is rendered as an image, where
 * script never runs; SVG markup itself is never inlined).
 */

/** Longest URL accepted for a link; a data: image may be larger (badge images often are). */
const MAX_LINK_LENGTH = 4096;
const MAX_IMAGE_LENGTH = 2 * 1024 * 1024;

/**
 * The URL normalised, if it may be used as a link target (`https:` or `http:`), else null.
 *
 * @example
 * ```ts
 * safeLinkUrl('https://issuer.example/'); // 'https://issuer.example/'
 * safeLinkUrl('javascript:alert(1)');     // null
 * ```
 */
export function safeLinkUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_LINK_LENGTH) return null;
  const url = parse(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
}

/**
 * The URL, if it may be used as an image source (`https:`, `http:` or `data:image/*`), else null.
 *
 * @example
 * ```ts
 * safeImageUrl('data:image/png;base64,iVBORw0KGgo='); // kept
 * safeImageUrl('data:text/html,<script>');            // null
 * ```
 */
export function safeImageUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_IMAGE_LENGTH) return null;
  const url = parse(value);
  if (url === null) return null;
  if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  // The media type is checked on the text itself: the URL parser keeps data: paths verbatim.
  if (url.protocol === 'data:' && /^data:image\/[a-z0-9.+-]+[;,]/i.test(value.trim())) return value.trim();
  return null;
}

function parse(value: string): URL | null {
  try {
    // Absolute URLs only: a relative one would resolve against the embedding page.
    return new URL(value.trim());
  } catch {
    return null;
  }
}
