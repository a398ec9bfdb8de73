/**
 * Unbaking and baking Open Badges images (PNG and SVG). Bytes in, payload out: no I/O, no DOM.
 *
 * @packageDocumentation
 */
export {};
