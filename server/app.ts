import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import { auditApi } from './api/audit';
import { authApi, clientIpResolver } from './api/auth';
import { exportApi } from './api/export';
import { importApi } from './api/import';
import { referralsApi } from './api/referrals';
import { syncApi } from './api/sync';
import type { ThrottlePolicy } from './auth/throttle';
import type { Db } from './db';
import { compressResponses } from './http/compress';
import { apiError } from './http/errors';
import { describeError, newErrorId } from './http/log-error';
import { securityHeaders } from './http/security';
import { staticFiles } from './http/static';
import { type ChangeHub, createChangeHub } from './notify';
import type { Viewer } from './pull';

export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

export function packageVersion(): string {
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
   * Overrides what pull and events may see. By default it follows the bearer token: no
   * token = resident ('public'), a live session of any role = 'internal', a bad one = 401.
   */
  resolveViewer?: (c: Context) => Viewer | Promise<Viewer>;
  /**
   * Live-update fan-out. Pass one to close it on shutdown (ends open event streams);
   * by default each app makes its own.
   */
  hub?: ChangeHub;
  sessionTtlMs?: number;
  throttle?: ThrottlePolicy;
  ipThrottle?: ThrottlePolicy;
  /** Reverse proxies whose X-Forwarded-For is believed (config TRUST_PROXY). Default 0. */
  trustProxy?: number;
  /** Overrides how the client address is found (tests have no socket). */
  clientIp?: (c: Context) => string | undefined;
  /** Interval of SSE keep-alive comments and session re-checks. */
  heartbeatMs?: number;
}

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export function createApp({
  db,
  distDir = DEFAULT_DIST_DIR,
  appVersion = packageVersion(),
  resolveViewer,
  hub = createChangeHub(db),
  sessionTtlMs,
  throttle,
  ipThrottle,
  trustProxy = 0,
  clientIp = clientIpResolver(trustProxy),
  heartbeatMs,
}: AppOptions): Hono {
  const app = new Hono();

  app.use('*', securityHeaders());
  app.use('*', compressResponses());
  app.use('/api/*', async (c, next) => {
    await next();
    // Sync data must never come from an HTTP cache; the client keeps its own copy. The one
    // exception sets its own header: residents' pull pages, revalidated by ETag.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

  app.get('/api/health', async (c) => {
    try {
      await db.query('select 1');
      return c.json({ ok: true, db: db.kind, version: appVersion });
    } catch (err) {
      console.error(`health check failed: ${describeError(err, newErrorId())}`);
      return c.json({ ok: false, db: db.kind, version: appVersion }, 503);
    }
  });

  app.route('/api/auth', authApi({ db, sessionTtlMs, throttle, ipThrottle, clientIp }));
  app.route('/api/sync', syncApi({ db, hub, resolveViewer, heartbeatMs }));
  app.route('/api/audit', auditApi({ db }));
  app.route('/api/export', exportApi({ db }));
  app.route('/api/import', importApi({ db }));
  app.route('/api/referrals', referralsApi({ db }));

  app.all('/api/*', (c) => apiError(c, 404, 'not_found', 'Diese Schnittstelle gibt es nicht.'));

  app.use('*', staticFiles({ distDir }));

  app.notFound((c) =>
    isApi(c.req.path)
      ? apiError(c, 404, 'not_found', 'Diese Schnittstelle gibt es nicht.')
      : c.text('Nicht gefunden', 404),
  );

  app.onError((err, c) => {
    const id = newErrorId();
    console.error(`${c.req.method} ${c.req.path} failed: ${describeError(err, id)}`);
    return isApi(c.req.path)
      ? apiError(
          c,
          500,
          'internal',
          `Interner Serverfehler (Fehler-ID ${id}). Bitte später erneut versuchen.`,
        )
      : c.text(`Interner Serverfehler (Fehler-ID ${id})`, 500);
  });

  return app;
}
