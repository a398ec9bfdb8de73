// The demo server (examples/serve.mjs): local only, strict CSP, nothing outside its folders.
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { createDemoServer } from '../../examples/serve.mjs';

const REPO = new URL('../../', import.meta.url);

/** A raw GET (fetch would normalise ../ and %2e%2e before sending). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo server', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createDemoServer({ mounts: { '/examples/': 'examples' } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the pages with a strict Content-Security-Policy', async () => {
    const res = await get(port, '/examples/embed.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('pages carry no inline script, inline style or event-handler attribute', async () => {
    for (const page of ['embed.html', 'dropzone.html']) {
      const { body } = await get(port, `/examples/${page}`);
      expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('sends / to the embed page', async () => {
    const res = await get(port, '/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/examples/embed.html');
  });

  describe('refuses', () => {
    it.each(['/examples/..%2fpackage.json', '/examples/%2e%2e/package.json', '/examples/../package.json', '/package.json', '/examples/badges', '/examples/nope.html', '/examples/%00'])(
      '%s',
      async (path) => {
        const res = await get(port, path);
        expect([400, 404]).toContain(res.status);
        expect(res.body).not.toContain('"name": "verify-badge"');
      },
    );

    it('methods other than GET and HEAD', async () => {
      expect((await get(port, '/examples/embed.html', 'POST')).status).toBe(405);
    });
  });

  it('as `node examples/serve.mjs` listens on 127.0.0.1 and prints the URL', async () => {
    const child = spawn(process.execPath, ['examples/serve.mjs', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = out.match(/http:\/\/127\.0\.0\.1:\d+\/examples\/embed\.html/);
          if (match) resolve(match[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<verify-badge');
    } finally {
      child.kill();
    }
  });
});
