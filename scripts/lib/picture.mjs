/**
 * A badge picture as an SVG data: URI (a ring and a glyph): self-contained, so neither a test
 * nor the demo ever loads an image from the network, and a card still shows a picture.
 *
 *   svgImage('#8250df', 'R') // 'data:image/svg+xml;base64,…'
 */
export function svgImage(fill, glyph) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><circle cx="48" cy="48" r="44" fill="${fill}"/><circle cx="48" cy="48" r="34" fill="none" stroke="#fff" stroke-width="4"/><text x="48" y="60" font-family="sans-serif" font-size="34" font-weight="700" fill="#fff" text-anchor="middle">${glyph}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
