import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/databases';
import { useTestServer } from '../test-support/test-server';
import { IMMUTABLE_CACHE } from './client-pages';

// A built client as `vite build` lays it out, made here so the test needs no build.
const clientDir = mkdtempSync(join(tmpdir(), 'cp-client-'));
const script = 'console.log("the panel");'.repeat(40);
mkdirSync(join(clientDir, 'assets'));
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>staff</title>');
writeFileSync(join(clientDir, 'webchat.html'), '<!doctype html><title>customers</title>');
writeFileSync(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
// The installable app's files (src/build/installable-app.ts): unhashed names at the root.
writeFileSync(join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(clientDir, 'workbox-5f1c2a0b.js'), 'self.workbox = {};');
writeFileSync(join(clientDir, 'manifest.webmanifest'), '{"name":"Communication Panel"}');
writeFileSync(join(clientDir, 'assets', 'index-Ab12Cd34.js'), script);
writeFileSync(join(clientDir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(script));
writeFileSync(join(clientDir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(script));
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

const pglite = backends.find((b) => b.kind === 'pglite')!;

describe('Serving the web app', () => {
  const server = useTestServer(pglite, { seed: false, app: { clientDir } });
  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
  const asset = '/assets/index-Ab12Cd34.js';

  it('sends the brotli variant of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const res = await get(asset, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a client without brotli', async () => {
    const res = await get(asset, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the file itself to a client that accepts neither, or sends no Accept-Encoding', async () => {
    for (const headers of [{ 'accept-encoding': 'identity' }, {}] as Record<string, string>[]) {
      const res = await get(asset, headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(res.body).toBe(script);
    }
  });

  it('never lets a page be used without asking the server again', async () => {
    for (const url of ['/', '/login', '/agent/conversations/some-id', '/index.html']) {
      const res = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>staff</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      // The security headers stay on pages served from disk.
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
  });

  it('serves the web chat from its own page, not the staff panel', async () => {
    for (const url of ['/webchat', '/webchat?queue=Support', '/webchat/']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>customers</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('revalidates unhashed files such as the icon', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the service worker and the manifest revalidated, so a new build reaches browsers at once', async () => {
    for (const url of ['/sw.js', '/workbox-5f1c2a0b.js', '/manifest.webmanifest']) {
      const res = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await get('/sw.js')).headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect((await get('/manifest.webmanifest')).headers['content-type']).toMatch(/^application\/manifest\+json/);
    // The CSP lets the page register a worker and read the manifest from its own origin.
    const csp = String((await get('/')).headers['content-security-policy']);
    expect(csp).toMatch(/(worker-src|default-src) 'self'/);
    expect(csp).not.toMatch(/manifest-src 'none'|worker-src 'none'/);
  });

  it('answers a missing asset with 404 and a code, not the SPA page', async () => {
    for (const url of ['/assets/index-Gone0000.js', '/assets/missing', '/robots.txt', '/assets/index-Gone0000.js?v=1']) {
      const res = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ code: 'not_found' });
      expect(res.headers['cache-control'], url).not.toBe(IMMUTABLE_CACHE);
    }
  });
});
