#!/usr/bin/env node
/**
 * The demo server (`npm run demo`): serves examples/ and dist/ on 127.0.0.1 only, with a
 * strict Content-Security-Policy, and prints the URL. The pages load demo-fetch.js, which
 * answers the sample badges' https://badges.example.org/... URLs from examples/resources/,
 * so nothing leaves the machine.
 *
 *   node examples/serve.mjs [--port 8080]      (PORT=... works too; 0 picks a free port)
 *
 * Also used by the browser tests (createDemoServer), with extra folders mounted.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** No inline script or style anywhere; the element styles itself with adopted stylesheets. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Badge images: from this server or data: URIs. No remote images: the demo stays offline.
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  // Trusted Types: any string reaching an HTML sink (innerHTML, document.write...) throws,
  // which proves the element never turns badge text into markup.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jwt': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * An HTTP server for the demo. `mounts` maps URL path prefixes (ending in /) to folders.
 *
 * @example
 * const server = createDemoServer({ mounts: { '/examples/': 'examples', '/dist/': 'dist' } });
 * server.listen(0, '127.0.0.1');
 */
export function createDemoServer({ mounts, home = '/examples/embed.html' } = {}) {
  const table = Object.entries(mounts ?? defaultMounts()).map(([prefix, dir]) => [prefix, resolve(REPO, dir)]);
  return createServer(async (req, res) => {
    const headers = {
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': 'no-store',
    };
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...headers, 'content-type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (path === '/') {
      res.writeHead(302, { ...headers, location: home });
      return res.end();
    }
    const mount = table.find(([prefix]) => path.startsWith(prefix));
    if (!mount || path.includes('\0')) return send(404, 'not found');
    const [prefix, dir] = mount;
    const file = resolve(dir, `.${sep}${path.slice(prefix.length)}`);
    // Never serve outside the mounted folder (../ in the URL or a map entry).
    if (file !== dir && !file.startsWith(dir + sep)) return send(404, 'not found');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, 'not found');
    }
    if (!info.isFile()) return send(404, 'not found');
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': info.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
}

function defaultMounts() {
  // VB_DIST lets a test or a developer point at a build outside dist/.
  return { '/examples/': 'examples', '/dist/': process.env.VB_DIST ?? 'dist' };
}

function portFromArgs() {
  const i = process.argv.indexOf('--port');
  const value = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  const port = value === undefined ? 8080 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port ${value}`);
    process.exit(2);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const server = createDemoServer();
  server.on('error', (error) => {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  });
  server.listen(portFromArgs(), '127.0.0.1', () => {
    const { port } = server.address();
    console.log(`verify-badge demo: http://127.0.0.1:${port}/examples/embed.html`);
    console.log(`             drop zone: http://127.0.0.1:${port}/examples/dropzone.html`);
    console.log('(only 127.0.0.1 is served; badge resources are answered locally; Ctrl+C stops)');
  });
}
