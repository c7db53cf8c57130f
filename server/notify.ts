import type { Db, Queryable } from './db';
import type { Viewer } from './pull';

/** NOTIFY channel of committed record changes (payload: ChangeNotice as JSON). */
export const CHANGES_CHANNEL = 'qw_changes';

/**
 * `version`: highest pullable version written by the transaction; `publicVersion`: the
 * highest one residents can pull (a row that is or was public), or null if none.
 */
export interface ChangeNotice {
  version: number;
  publicVersion: number | null;
}

/** Sent inside the writing transaction: PostgreSQL (and PGlite) deliver it only on commit. */
export async function notifyChange(q: Queryable, notice: ChangeNotice): Promise<void> {
  await q.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(notice)]);
}

function parseNotice(payload: string): ChangeNotice | null {
  try {
    const x = JSON.parse(payload) as Partial<ChangeNotice>;
    if (typeof x.version !== 'number') return null;
    return {
      version: x.version,
      publicVersion: typeof x.publicVersion === 'number' ? x.publicVersion : null,
    };
  } catch {
    return null;
  }
}

const PULLABLE = "table_name <> 'referrals'";
/** Rows residents pull (with data or as tombstones), see server/pull.ts. */
const PUBLIC_PULLABLE = `ever_public and ${PULLABLE}`;

/** The version a viewer's cursor reaches when it has pulled everything. */
export async function latestVersion(q: Queryable, viewer: Viewer): Promise<number> {
  const rows = await q.query<{ v: string | number | null }>(
    `select max(version) as v from records where ${viewer === 'internal' ? PULLABLE : PUBLIC_PULLABLE}`,
  );
  return Number(rows[0]?.v ?? 0);
}

/**
 * What a writer holding the version lock wrote after `since` (its latestVersion 'internal'
 * when it took the lock), or null if nothing pullable. Read from the table rather than
 * collected from the writes, because one write can give other rows new versions too (an
 * offer's children, server/visibility.ts).
 */
export async function noticeSince(q: Queryable, since: number): Promise<ChangeNotice | null> {
  const [row] = await q.query<{ v: string | number | null; pv: string | number | null }>(
    `select max(version) as v, max(version) filter (where ${PUBLIC_PULLABLE}) as pv
       from records where version > $1::bigint and ${PULLABLE}`,
    [since],
  );
  if (row?.v == null) return null;
  return { version: Number(row.v), publicVersion: row.pv == null ? null : Number(row.pv) };
}

export type ChangeListener = (notice: ChangeNotice) => void;

/**
 * Fans committed changes out to this instance's live clients (SSE). The source is
 * LISTEN on CHANGES_CHANNEL, so a write on any instance sharing the PostgreSQL reaches
 * every instance; PGlite delivers NOTIFY in-process the same way. A database without
 * `listen` falls back to `publish` after commit (in-process only).
 */
export interface ChangeHub {
  /** `onClose` runs when the hub shuts down (server stop), so a stream can end itself. */
  subscribe(fn: ChangeListener, onClose?: () => void): Promise<() => void>;
  /** For writers on a database without LISTEN; a no-op otherwise (NOTIFY does it). */
  publish(notice: ChangeNotice): void;
  readonly listeners: number;
  close(): Promise<void>;
}

export function createChangeHub(db: Db): ChangeHub {
  const fns = new Set<ChangeListener>();
  const closers = new Map<ChangeListener, () => void>();
  let unlisten: Promise<(() => Promise<void>) | null> | null = null;
  let closed = false;

  const emit = (notice: ChangeNotice) => {
    for (const fn of fns) {
      try {
        fn(notice);
      } catch (err) {
        console.error('change listener failed:', err);
      }
    }
  };

  const start = () => {
    if (unlisten || !db.listen) return unlisten;
    unlisten = db
      .listen(CHANGES_CHANNEL, (payload) => {
        const notice = parseNotice(payload);
        if (notice) emit(notice);
      })
      .catch((err) => {
        console.error('LISTEN failed; live updates are off until restart:', err);
        return null;
      });
    return unlisten;
  };

  return {
    async subscribe(fn, onClose) {
      if (closed) throw new Error('change hub closed');
      fns.add(fn);
      if (onClose) closers.set(fn, onClose);
      await start();
      return () => {
        fns.delete(fn);
        closers.delete(fn);
      };
    },
    publish(notice) {
      if (!db.listen) emit(notice);
    },
    get listeners() {
      return fns.size;
    },
    async close() {
      closed = true;
      for (const onClose of closers.values()) onClose();
      closers.clear();
      fns.clear();
      const stop = await unlisten;
      unlisten = null;
      await stop?.().catch(() => {});
    },
  };
}
