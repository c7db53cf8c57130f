import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { backends, openMigrated, type TestDb } from './helpers';

// Header behaviour does not depend on the database; one backend is enough here.
const backend = backends[0];
if (!backend) throw new Error('no backend');

const INDEX_HTML = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Quartier-Wegweiser</title>
<link rel="manifest" href="/manifest.webmanifest"><script type="module" src="/assets/index-Bx7f3k.js"></script>
</head><body><div id="app"></div>${'<!-- Platzhalter für Größe -->'.repeat(60)}</body></html>`;
const BUNDLE = `export const angebote = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Angebot Nr. ${i} für Alleinerziehende`))};`;

let t: TestDb;
let dist: string;
let app: Hono;

beforeAll(async () => {
  t = await openMigrated(backend);
  dist = await mkdtemp(join(tmpdir(), 'qw-dist-'));
  await mkdir(join(dist, 'assets'));
  await mkdir(join(dist, 'icons'));
  await writeFile(join(dist, 'index.html'), INDEX_HTML);
  await writeFile(join(dist, 'sw.js'), `self.addEventListener('install', () => {});`);
  await writeFile(
    join(dist, 'manifest.webmanifest'),
    JSON.stringify({ name: 'Quartier-Wegweiser', display: 'standalone' }),
  );
  await writeFile(join(dist, 'assets', 'index-Bx7f3k.js'), BUNDLE);
  await writeFile(join(dist, 'assets', 'index-Q9d2.css'), 'body{margin:0}');
  await writeFile(join(dist, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  app = createApp({ db: t.db, distDir: dist });
});

afterAll(async () => {
  await t?.destroy();
  if (dist) await rm(dist, { recursive: true, force: true });
});

const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('static files', () => {
  it('serves index.html at / with no-cache', async () => {
    const res = await app.request('/', { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/sw.js', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
  ])('serves %s with no-cache and %s', async (path, type) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable with the right types', async () => {
    const js = await app.request('/assets/index-Bx7f3k.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe(BUNDLE);
    const css = await app.request('/assets/index-Q9d2.css');
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    const png = await app.request('/icons/icon-192.png');
    expect(png.headers.get('Content-Type')).toBe('image/png');
    expect(png.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('compresses with gzip or brotli when asked, and not otherwise', async () => {
    const plain = await app.request('/assets/index-Bx7f3k.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toMatch(/Accept-Encoding/);

    const gz = await app.request('/assets/index-Bx7f3k.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    const gzBody = Buffer.from(await gz.arrayBuffer());
    expect(Number(gz.headers.get('Content-Length'))).toBe(gzBody.byteLength);
    expect(gzBody.byteLength).toBeLessThan(BUNDLE.length);
    expect(gunzipSync(gzBody).toString()).toBe(BUNDLE);

    const br = await app.request('/', {
      headers: { ...html, 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(INDEX_HTML);

    const refused = await app.request('/', {
      headers: { ...html, 'Accept-Encoding': 'br;q=0, gzip;q=0' },
    });
    expect(refused.headers.get('Content-Encoding')).toBeNull();
    // Images are compressed already.
    const png = await app.request('/icons/icon-192.png', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(png.headers.get('Content-Encoding')).toBeNull();
  });

  it('compresses large API responses too', async () => {
    const res = await app.request('/api/sync/pull?since=abc', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    // Small error bodies stay uncompressed but still vary on the header.
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/);
    expect(res.status).toBe(400);

    const { upsertRecords } = await import('../../server/records');
    const { org } = await import('./helpers');
    await t.db.tx((q) =>
      upsertRecords(
        q,
        'organizations',
        Array.from({ length: 40 }, () => org()),
        null,
      ),
    );
    const big = await app.request('/api/sync/pull', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(big.headers.get('Content-Encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await big.arrayBuffer())).toString());
    expect(body.changes).toHaveLength(40);
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await app.request('/sw.js');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await app.request('/sw.js', { headers: { 'If-None-Match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('notices a rebuilt file without a restart', async () => {
    const first = await (await app.request('/sw.js')).text();
    await writeFile(join(dist, 'sw.js'), '/* v2 */ self.skipWaiting;');
    const later = new Date(Date.now() + 5000);
    await utimes(join(dist, 'sw.js'), later, later);
    const second = await (await app.request('/sw.js')).text();
    expect(second).not.toBe(first);
    expect(second).toContain('v2');
  });

  it('answers HEAD with headers only', async () => {
    const res = await app.request('/assets/index-Bx7f3k.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Length')).toBe(String(Buffer.byteLength(BUNDLE)));
    expect(await res.text()).toBe('');
  });

  it('falls back to index.html for client-side routes, only for HTML navigation', async () => {
    const page = await app.request('/angebote/3f1c7a4e?tab=zeiten', { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect(await page.text()).toBe(INDEX_HTML);

    const asset = await app.request('/assets/missing-abc.js', { headers: { Accept: '*/*' } });
    expect(asset.status).toBe(404);
    expect(await asset.text()).not.toContain('<html');
  });

  it('serves a default robots.txt when the build has none, the built one otherwise', async () => {
    const res = await app.request('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toMatch(/User-agent: \*[\s\S]*Disallow: \/api\//);

    await writeFile(join(dist, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    expect(await (await app.request('/robots.txt')).text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('does not serve files outside the dist directory', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00',
    ]) {
      const res = await app.request(path, { headers: { Accept: '*/*' } });
      expect(res.status, path).toBe(404);
    }
  });

  it('answers unknown /api paths with 404 JSON, whatever the Accept header', async () => {
    for (const [path, method] of [
      ['/api/nope', 'GET'],
      ['/api/sync/pull', 'POST'],
      ['/api', 'GET'],
    ] as const) {
      const res = await app.request(path, { method, headers: html });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('sends security headers on pages and API responses', async () => {
    for (const path of ['/', '/api/health', '/assets/index-Bx7f3k.js', '/api/nope']) {
      const res = await app.request(path, { headers: html });
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy'), path).toBeTruthy();
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ]) {
        expect(csp, path).toContain(directive);
      }
    }
  });
});

describe('without a build', () => {
  it('explains in German how to build, and the API still works', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'qw-nodist-'));
    try {
      const bare = createApp({ db: t.db, distDir: join(empty, 'dist') });
      const res = await bare.request('/', { headers: html });
      expect(res.status).toBe(503);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('npm run build');
      expect((await bare.request('/robots.txt')).status).toBe(200);
      expect((await bare.request('/api/health')).status).toBe(200);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
