import { readFile, stat } from 'node:fs/promises';
import { extname, join, posix, resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import {
  addVary,
  COMPRESS_THRESHOLD,
  compressBuffer,
  type Encoding,
  isCompressible,
  negotiateEncoding,
} from './compress';
import { etagMatches } from './etag';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite puts content-hashed files under /assets/; a new build gets new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Everything else keeps its name across releases (index.html, sw.js, manifest.webmanifest,
 * icons, robots.txt), so the browser must revalidate (cheap: ETag → 304). A stale sw.js or
 * index.html would pin users to an old release.
 */
export const REVALIDATE = 'no-cache';

export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

export const DEFAULT_ROBOTS = 'User-agent: *\nAllow: /\nDisallow: /api/\n';

const NOT_BUILT_HTML = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quartier-Wegweiser – noch nicht gebaut</title></head>
<body><h1>Quartier-Wegweiser</h1>
<p>Die Web-App wurde noch nicht gebaut. Bitte im Projektordner <code>npm run build</code> ausführen
und den Server neu starten. Die Sync-Schnittstelle unter <code>/api/</code> läuft bereits.</p>
</body></html>
`;

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
  compressed: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** Only small files are kept in memory; a PWA build is a few hundred KB in total. */
const MAX_CACHED_FILE = 2 * 1024 * 1024;
const MAX_CACHED_FILES = 500;

function acceptsHtml(c: Context): boolean {
  return (c.req.header('Accept') ?? '').toLowerCase().includes('text/html');
}

/** Maps a URL path to a file inside root, or null if it would escape it. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  let rel = posix.normalize(decoded);
  if (rel.endsWith('/')) rel += 'index.html';
  const full = join(root, rel);
  return full.startsWith(root + sep) ? full : null;
}

export interface StaticOptions {
  distDir: string;
}

/**
 * Serves the built PWA from `distDir`: exact files, `robots.txt` (a default if the build
 * lacks one), and index.html for any other page a browser navigates to (client routing).
 * Files are cached in memory with their brotli/gzip forms, keyed by mtime and size, so a
 * rebuild is picked up without a restart.
 */
export function staticFiles({ distDir }: StaticOptions): MiddlewareHandler {
  const root = resolve(distDir);
  const cache = new Map<string, CachedFile>();

  async function load(full: string): Promise<CachedFile | null> {
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(full);
    } catch {
      return null;
    }
    if (!st.isFile()) return null;
    const hit = cache.get(full);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const body = await readFile(full);
    const entry: CachedFile = {
      mtimeMs: st.mtimeMs,
      size: body.byteLength,
      body,
      etag: `"${body.byteLength.toString(36)}-${Math.trunc(st.mtimeMs).toString(36)}"`,
      compressed: {},
    };
    if (body.byteLength <= MAX_CACHED_FILE) {
      if (cache.size >= MAX_CACHED_FILES) cache.clear();
      cache.set(full, entry);
    }
    return entry;
  }

  async function send(c: Context, file: CachedFile, contentType: string, cacheControl: string) {
    const headers = new Headers({ 'Content-Type': contentType, 'Cache-Control': cacheControl });
    let body = file.body as Uint8Array<ArrayBuffer>;
    let etag = file.etag;
    if (isCompressible(contentType) && file.size >= COMPRESS_THRESHOLD) {
      addVary(headers, 'Accept-Encoding');
      const enc = negotiateEncoding(c.req.header('Accept-Encoding'));
      if (enc) {
        let pending = file.compressed[enc];
        if (!pending) {
          pending = compressBuffer(file.body, enc, true);
          file.compressed[enc] = pending;
        }
        body = (await pending) as Uint8Array<ArrayBuffer>;
        etag = `${file.etag.slice(0, -1)}-${enc}"`;
        headers.set('Content-Encoding', enc);
      }
    }
    headers.set('ETag', etag);
    if (etagMatches(c.req.header('If-None-Match'), etag)) {
      return new Response(null, { status: 304, headers });
    }
    headers.set('Content-Length', String(body.byteLength));
    return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
  }

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // The raw pathname, decoded exactly once in resolveInside (c.req.path may be decoded).
    const urlPath = new URL(c.req.url).pathname;
    if (urlPath === '/api' || urlPath.startsWith('/api/')) return next();

    const full = resolveInside(root, urlPath);
    if (full) {
      const file = await load(full);
      if (file) return send(c, file, contentTypeOf(full), cacheControlFor(urlPath));
    }

    if (urlPath === '/robots.txt') {
      return c.body(DEFAULT_ROBOTS, 200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': REVALIDATE,
      });
    }

    // A page the client router knows (e.g. /angebote/…): hand out the shell. Assets and
    // other non-navigation requests stay 404 so a missing file is not masked by HTML.
    if (acceptsHtml(c)) {
      const index = await load(join(root, 'index.html'));
      if (index) return send(c, index, CONTENT_TYPES['.html'] as string, REVALIDATE);
      return c.html(NOT_BUILT_HTML, 503, { 'Cache-Control': 'no-store' });
    }
    return next();
  };
}
