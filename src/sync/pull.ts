import { META_KEYS, type WegweiserDB } from '../db/schema';
import type { PullResponse } from '../model';
import { applyPullPage } from './apply';
import { isAbort, readJson, SyncError, toSyncError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface PullOptions {
  db: WegweiserDB;
  fetch: FetchLike;
  /** Origin (and path prefix) of the sync server; '' for same origin. */
  baseUrl: string;
  signal?: AbortSignal;
  /** Page size asked from the server. */
  limit?: number;
  now?: () => Date;
  /** The session token: pulls internal records too; absent = as a resident. */
  token?: string | null;
  /** After each page is stored: the page (its `remaining`, when the server tells it). */
  onPage?: (page: PullResponse) => void;
}

/** Cursor sent when this device never pulled ('' = from the start; cursors are opaque). */
export const INITIAL_CURSOR = '';
/** A runaway server (`more: true` forever) must not pin a phone's CPU and data plan. */
const MAX_PAGES = 10_000;

function pullUrl(baseUrl: string, since: string, limit: number): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/api/sync/pull?since=${encodeURIComponent(since)}&limit=${limit}`;
}

function parsePage(json: unknown): PullResponse {
  if (
    typeof json !== 'object' ||
    json === null ||
    !Array.isArray((json as PullResponse).changes) ||
    typeof (json as PullResponse).cursor !== 'string' ||
    typeof (json as PullResponse).more !== 'boolean'
  ) {
    throw new SyncError('invalid');
  }
  return json as PullResponse;
}

async function fetchPage(opts: PullOptions, since: string, limit: number): Promise<PullResponse> {
  let res: Response;
  try {
    res = await opts.fetch(pullUrl(opts.baseUrl, since, limit), {
      signal: opts.signal,
      headers: opts.token
        ? { accept: 'application/json', authorization: `Bearer ${opts.token}` }
        : { accept: 'application/json' },
      // Always asked again, but a resident's unchanged page may come back as a 304 for the
      // stored copy (the server's ETag). Pulls with a token are `no-store` on the server's
      // side, so internal data never lands in the HTTP cache.
      cache: opts.token ? 'no-store' : 'no-cache',
    });
  } catch (e) {
    if (isAbort(e, opts.signal)) throw e;
    throw new SyncError('network', { cause: e });
  }
  if (!res.ok) throw new SyncError('server', { status: res.status });
  return parsePage(await readJson(res, opts.signal));
}

/**
 * Pulls pages until the server says `more: false`; returns the number of changes received.
 * Each page is committed with its cursor, so an interrupted pull resumes where it stopped.
 * Records `lastSyncAt` on success and `lastError` on failure (meta table). Rejects with a
 * SyncError, or with the AbortError when `signal` fired.
 */
export async function pullAll(opts: PullOptions): Promise<number> {
  // Big pages: the first sync of a directory is thousands of rows, and every page costs a
  // round trip plus a transaction (server maximum: 2000).
  const { db, limit = 1000, now = () => new Date() } = opts;
  try {
    const stored = await db.meta.get(META_KEYS.cursor);
    let cursor = typeof stored?.value === 'string' ? stored.value : INITIAL_CURSOR;
    let received = 0;
    let pending = fetchPage(opts, cursor, limit);
    for (let pages = 0; ; pages++) {
      if (pages >= MAX_PAGES) throw new SyncError('invalid');
      const page = await pending;
      if (page.more && page.cursor === cursor) throw new SyncError('invalid');
      opts.signal?.throwIfAborted();
      // Pipelined: the server prepares the next page while this one is stored, so an
      // initial sync costs about max(server, client) per page instead of their sum. The
      // next page is only applied after this one committed, so order and cursor hold.
      if (page.more) {
        pending = fetchPage(opts, page.cursor, limit);
        // Handled later (or dropped when applying this page fails).
        pending.catch(() => undefined);
      }
      await applyPullPage(db, page).catch((e: unknown) => {
        throw toSyncError(e);
      });
      received += page.changes.length;
      cursor = page.cursor;
      opts.onPage?.(page);
      if (!page.more) break;
    }
    await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: META_KEYS.lastSyncAt, value: now().toISOString() });
      await db.meta.delete(META_KEYS.lastError);
    });
    return received;
  } catch (e) {
    if (isAbort(e, opts.signal)) throw e;
    const err = toSyncError(e);
    const lastError: Record<string, unknown> = { code: err.code, at: now().toISOString() };
    if (err.status !== undefined) lastError.status = err.status;
    // Best effort: when storage itself failed, this may fail too.
    await db.meta.put({ key: META_KEYS.lastError, value: lastError }).catch(() => undefined);
    throw err;
  }
}
