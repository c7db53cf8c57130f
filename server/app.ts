import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import type { Db } from './db';
import { compressResponses } from './http/compress';
import { apiError } from './http/errors';
import { securityHeaders } from './http/security';
import { staticFiles } from './http/static';
import { parsePullParams, pullChanges, type Viewer } from './pull';

export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export interface AppOptions {
  db: Db;
  /** Built PWA (vite build output). Default: <repo>/dist. */
  distDir?: string;
  /** Reported by /api/health. Default: version from package.json. */
  appVersion?: string;
  /**
   * Decides what a request may see. Until accounts exist every client is a resident
   * ('public'); tests pass their own.
   */
  resolveViewer?: (c: Context) => Viewer | Promise<Viewer>;
}

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export function createApp({
  db,
  distDir = DEFAULT_DIST_DIR,
  appVersion = packageVersion(),
  resolveViewer = () => 'public',
}: AppOptions): Hono {
  const app = new Hono();

  app.use('*', securityHeaders());
  app.use('*', compressResponses());
  app.use('/api/*', async (c, next) => {
    await next();
    // Sync data must never come from an HTTP cache; the client keeps its own copy.
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.get('/api/health', async (c) => {
    try {
      await db.query('select 1');
      return c.json({ ok: true, db: db.kind, version: appVersion });
    } catch (err) {
      console.error('health check failed:', err);
      return c.json({ ok: false, db: db.kind, version: appVersion }, 503);
    }
  });

  app.get('/api/sync/pull', async (c) => {
    const parsed = parsePullParams(c.req.query('since'), c.req.query('limit'));
    if (!parsed.ok) return apiError(c, 400, parsed.code, parsed.message);
    const viewer = await resolveViewer(c);
    return c.json(await pullChanges(db, parsed.value, viewer));
  });

  app.all('/api/*', (c) => apiError(c, 404, 'not_found', 'Diese Schnittstelle gibt es nicht.'));

  app.use('*', staticFiles({ distDir }));

  app.notFound((c) =>
    isApi(c.req.path)
      ? apiError(c, 404, 'not_found', 'Diese Schnittstelle gibt es nicht.')
      : c.text('Nicht gefunden', 404),
  );

  app.onError((err, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return isApi(c.req.path)
      ? apiError(c, 500, 'internal', 'Interner Serverfehler. Bitte später erneut versuchen.')
      : c.text('Interner Serverfehler', 500);
  });

  return app;
}
