import { createHash } from 'node:crypto';
import type { Db } from './db';
import { compressBuffer, type Encoding } from './http/compress';
import { PUBLIC_STATE_SQL, type PullParams, pullChanges } from './pull';

/**
 * A resident's pull page as it goes over the wire: the same bytes for every resident, so it
 * is built, hashed and compressed once and then served like a static file.
 */
export interface PublicPage {
  json: Buffer;
  /** Strong validator of `json` (a content hash, so every instance gives the same one). */
  etag: string;
  /** The page compressed with `enc`, made on first demand and kept with the page. */
  encoded(enc: Encoding): Promise<Buffer>;
}

export interface PublicPageCache {
  get(params: PullParams): Promise<PublicPage>;
  /** Bytes held now (pages and their compressed forms). */
  readonly bytes: number;
}

/** Enough for the first sync of a city (50,000 records ≈ 25 pages of 2,000) in all encodings. */
export const DEFAULT_PUBLIC_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Shares one call of `read` among concurrent callers, but only a call that STARTS after the
 * caller asked. A read already under way may have taken its snapshot before a commit this
 * caller has already seen (its own push was answered, then it pulls), so it would report a
 * stale state; a caller arriving meanwhile waits for the next read instead.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = () => {
    const p = read();
    running = p;
    const done = () => {
      if (running === p) running = null;
    };
    p.then(done, done);
    return p;
  };
  return () => {
    if (queued) return queued;
    if (!running) return start();
    const next = running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    queued = next;
    return next;
  };
}

const STATEMENT = 'qw_public_state';
const DUPLICATE_PREPARED_STATEMENT = '42P05';

/**
 * Reads PUBLIC_STATE_SQL. PGlite plans every query anew on the event loop's thread, and
 * planning costs three times the execution here, so there it is prepared once (PGlite has
 * a single session, which keeps it). postgres.js prepares its queries by itself.
 */
function stateReader(db: Db): () => Promise<number> {
  const value = (rows: { v: string | number | null }[]) => Number(rows[0]?.v ?? 0);
  if (db.kind !== 'pglite') return async () => value(await db.query(PUBLIC_STATE_SQL));
  let prepared: Promise<void> | null = null;
  const prepare = () => {
    prepared ??= db.exec(`prepare ${STATEMENT} as ${PUBLIC_STATE_SQL}`).catch((err: unknown) => {
      // Another cache on the same database prepared the same statement: use that one.
      if ((err as { code?: unknown }).code === DUPLICATE_PREPARED_STATEMENT) return;
      prepared = null;
      throw err;
    });
    return prepared;
  };
  const run = async () => value(await db.query(`execute ${STATEMENT}`));
  return async () => {
    await prepare();
    try {
      return await run();
    } catch {
      // Gone (the session was reset): prepare once more.
      prepared = null;
      await prepare();
      return run();
    }
  };
}

function etagOf(json: Buffer): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
}

interface Entry {
  page: Promise<PublicPage>;
  bytes: number;
}

interface Generation {
  /** The validity token the pages were built under (see createPublicPageCache). */
  state: number;
  pages: Map<string, Entry>;
}

/**
 * Public pull pages per (since, limit), valid for one state of the database.
 *
 * Why a cached page is never stale, with several instances on one PostgreSQL: before
 * answering, every request reads the state token, the highest version residents can pull
 * (PUBLIC_STATE_SQL), from a read that started after the request arrived (freshRead).
 * Every write that changes anything a resident's page shows gives a resident-pullable row
 * a new version from the sequence, under the version lock, above every committed one
 * (server/records.ts, and bumpDependents for rows whose view depends on the written ones);
 * records are never removed, only turned into tombstones. So once such a write has
 * committed, on whatever instance, every later request reads a higher token than any page
 * built before it had, and a different token drops all pages. A page is built after its
 * token was read, so it is never older than its token; it may be newer (a commit in
 * between), which is no harm. Writes residents cannot see (internal records, referrals)
 * leave the token, and the pages, alone.
 *
 * LISTEN/NOTIFY (server/notify.ts) would save the read but is not enough: a notice arrives
 * after the commit is visible, and is lost while the listening connection is down, so a
 * client that just pushed on one instance could pull the old page from another.
 *
 * Memory: at most `maxBytes`, least recently used pages go first; a page bigger than that
 * is served but not kept. Internal pulls never come here.
 */
export function createPublicPageCache(
  q: Db,
  { maxBytes = DEFAULT_PUBLIC_CACHE_BYTES }: { maxBytes?: number } = {},
): PublicPageCache {
  const readState = freshRead(stateReader(q));
  let gen: Generation = { state: Number.NaN, pages: new Map() };
  let total = 0;

  const account = (g: Generation, key: string, entry: Entry, bytes: number) => {
    // Dropped meanwhile (new state, or evicted): nothing to account.
    if (g !== gen || g.pages.get(key) !== entry) return;
    entry.bytes += bytes;
    total += bytes;
    if (entry.bytes > maxBytes) {
      g.pages.delete(key);
      total -= entry.bytes;
      return;
    }
    for (const [k, e] of g.pages) {
      if (total <= maxBytes) break;
      // Pages still being built hold nothing yet, and concurrent requests wait for them.
      if (e === entry || e.bytes === 0) continue;
      g.pages.delete(k);
      total -= e.bytes;
    }
  };

  const build = (g: Generation, key: string, entry: Entry, params: PullParams) =>
    pullChanges(q, params, 'public').then((response): PublicPage => {
      const json = Buffer.from(JSON.stringify(response));
      const encoded: Partial<Record<Encoding, Promise<Buffer>>> = {};
      account(g, key, entry, json.byteLength);
      return {
        json,
        etag: etagOf(json),
        encoded(enc) {
          let pending = encoded[enc];
          if (!pending) {
            pending = compressBuffer(json, enc);
            encoded[enc] = pending;
            pending.then(
              (buf) => account(g, key, entry, buf.byteLength),
              () => {
                delete encoded[enc];
              },
            );
          }
          return pending;
        },
      };
    });

  return {
    async get(params) {
      const state = await readState();
      if (state !== gen.state) {
        gen = { state, pages: new Map() };
        total = 0;
      }
      const g = gen;
      const key = `${params.since}/${params.limit}`;
      const hit = g.pages.get(key);
      if (hit) {
        // Most recently used last: eviction walks the map from the front.
        g.pages.delete(key);
        g.pages.set(key, hit);
        return hit.page;
      }
      const entry = { bytes: 0 } as Entry;
      entry.page = build(g, key, entry, params);
      g.pages.set(key, entry);
      entry.page.catch(() => {
        if (g.pages.get(key) === entry) {
          g.pages.delete(key);
          total -= entry.bytes;
        }
      });
      return entry.page;
    },
    get bytes() {
      return total;
    },
  };
}
