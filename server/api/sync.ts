import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { MAX_PUSH_BYTES, PushEnvelope } from '../../protocol';
import { type Auth, authenticate, bearerToken, unauthorized } from '../auth/http';
import { resolveSession } from '../auth/sessions';
import type { Db } from '../db';
import { addVary, COMPRESS_THRESHOLD, negotiateEncoding } from '../http/compress';
import { apiError } from '../http/errors';
import { etagMatches } from '../http/etag';
import { readJsonBody } from '../http/json-body';
import { type ChangeHub, latestVersion } from '../notify';
import { parsePullParams, pullChanges, type Viewer } from '../pull';
import { createPublicPageCache, type PublicPage, type PublicPageCache } from '../pull-cache';
import { processPush } from '../push';

export const DEFAULT_HEARTBEAT_MS = 25_000;

export interface SyncApiOptions {
  db: Db;
  hub: ChangeHub;
  /** Tests may decide the viewer themselves; by default it comes from the bearer token. */
  resolveViewer?: (c: Context) => Viewer | Promise<Viewer>;
  heartbeatMs?: number;
  /** Residents' pull pages, shared by everyone; by default each API makes its own. */
  publicPages?: PublicPageCache;
}

/*
 * A resident's page may be stored (by the browser or a proxy) but must be revalidated every
 * time: the next write changes it. The service worker leaves /api alone, so this is plain
 * HTTP caching. It differs with the token (a signed-in pull gets internal data and is never
 * stored: no-store, set for all of /api in server/app.ts) and with the encoding.
 */
const PUBLIC_PAGE_CACHE_CONTROL = 'no-cache';

async function sendPublicPage(c: Context, page: PublicPage): Promise<Response> {
  const headers = new Headers({
    'Content-Type': 'application/json',
    'Cache-Control': PUBLIC_PAGE_CACHE_CONTROL,
  });
  addVary(headers, 'Authorization');
  let body: Uint8Array<ArrayBuffer> = page.json as Uint8Array<ArrayBuffer>;
  let etag = page.etag;
  if (page.json.byteLength >= COMPRESS_THRESHOLD) {
    addVary(headers, 'Accept-Encoding');
    const enc = negotiateEncoding(c.req.header('Accept-Encoding'));
    if (enc) {
      // A strong validator names one representation, so each encoding has its own.
      etag = `${etag.slice(0, -1)}-${enc}"`;
      headers.set('Content-Encoding', enc);
      if (!etagMatches(c.req.header('If-None-Match'), etag)) {
        body = (await page.encoded(enc)) as Uint8Array<ArrayBuffer>;
      }
    }
  }
  headers.set('ETag', etag);
  if (etagMatches(c.req.header('If-None-Match'), etag)) {
    headers.delete('Content-Encoding');
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(body.byteLength));
  return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
}

function viewerOf(auth: Auth): Viewer {
  // Every role (worker and above) reads internal records.
  return auth.kind === 'user' ? 'internal' : 'public';
}

/** GET /pull, POST /push, GET /events — mounted at /api/sync. */
export function syncApi({
  db,
  hub,
  resolveViewer,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
  publicPages = createPublicPageCache(db),
}: SyncApiOptions): Hono {
  const api = new Hono();

  api.get('/pull', async (c) => {
    const parsed = parsePullParams(c.req.query('since'), c.req.query('limit'));
    if (!parsed.ok) return apiError(c, 400, parsed.code, parsed.message);
    let viewer: Viewer;
    if (resolveViewer) viewer = await resolveViewer(c);
    else {
      const auth = await authenticate(db, bearerToken(c.req.header('Authorization')));
      if (auth.kind === 'invalid') return unauthorized(c);
      viewer = viewerOf(auth);
    }
    if (viewer === 'public') return sendPublicPage(c, await publicPages.get(parsed.value));
    return c.json(await pullChanges(db, parsed.value, viewer));
  });

  api.post('/push', async (c) => {
    // Authenticate before reading the body: an expired token is answered at once, and
    // nothing of the push is looked at, let alone applied.
    const auth = await authenticate(db, bearerToken(c.req.header('Authorization')));
    if (auth.kind !== 'user') return unauthorized(c);
    const body = await readJsonBody(c, MAX_PUSH_BYTES);
    if (!body.ok) return body.response;
    const envelope = PushEnvelope.safeParse(body.value);
    if (!envelope.success) {
      return c.json(
        {
          error: {
            code: 'invalid_request',
            message:
              'Ungültige Push-Anfrage: erwartet wird { clientId, mutations: [{ mutationId, … }] } ' +
              'mit höchstens 200 Änderungen.',
            fields: envelope.error.issues.map((i) => ({
              field: i.path.map(String).join('.'),
              code: i.code,
            })),
          },
        },
        400,
      );
    }
    const { session } = auth;
    const outcome = await processPush(
      db,
      { userId: session.userId, email: session.email, role: session.role },
      envelope.data,
    );
    if (outcome.notice) hub.publish(outcome.notice);
    return c.json(outcome.response);
  });

  /*
   * Server-sent events: `event: version` with data {"version": n}, first the current
   * version right after connecting, then on every committed change the viewer can pull.
   * Comments (": ping") keep proxies from closing an idle stream. EventSource cannot set
   * headers, so the token may also come as ?token= (prefer the header where possible:
   * URLs end up in proxy logs). The session is re-checked at every heartbeat, so a logout
   * or an expiry ends the stream.
   */
  api.get('/events', async (c) => {
    let viewer: Viewer;
    let token: string | null | undefined;
    if (resolveViewer) viewer = await resolveViewer(c);
    else {
      token = bearerToken(c.req.header('Authorization'));
      if (token === undefined) {
        const q = c.req.query('token');
        if (q !== undefined) token = q;
      }
      const auth = await authenticate(db, token);
      if (auth.kind === 'invalid') return unauthorized(c);
      viewer = viewerOf(auth);
    }
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let last = -1;
      let stop: () => void = () => {};
      const finished = new Promise<void>((resolve) => {
        stop = resolve;
      });
      stream.onAbort(() => stop());
      const send = async (version: number) => {
        if (version <= last) return;
        last = version;
        await stream.writeSSE({ event: 'version', data: JSON.stringify({ version }) });
      };
      // Subscribe before reading the current version, so no change falls in between.
      const unsubscribe = await hub.subscribe((notice) => {
        const v = viewer === 'internal' ? notice.version : notice.publicVersion;
        if (v !== null) send(v).catch(stop);
      }, stop);
      const timer = setInterval(() => {
        void (async () => {
          if (token && !(await resolveSession(db, token))) return stop();
          await stream.write(': ping\n\n');
        })().catch(stop);
      }, heartbeatMs);
      try {
        await stream.write('retry: 3000\n\n');
        await send(await latestVersion(db, viewer));
        await finished;
      } finally {
        clearInterval(timer);
        unsubscribe();
      }
    });
  });

  return api;
}
