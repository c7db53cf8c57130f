import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DexieOptions,
  type Middleware,
} from 'dexie';
import { CHANGE_FEED_TABLES, changeFeedMiddleware } from './changeFeed';
import { type DbErrorCode, toDbError } from './errors';
import { withDerivedServiceFields } from './offers';
import {
  DB_NAME,
  STORES_V1,
  STORES_V2,
  STORES_V3,
  STORES_V4,
  type StoredService,
  type WegweiserDB,
} from './schema';
import { createStore, type ReadableStore, type Store } from './store';
import { recallUnsent, rememberUnsent } from './unsent';

/**
 * - idle: not opened yet; opening: open in progress; ready: usable.
 * - blocked: our upgrade waits for another tab that holds the old version
 *   (UI: "close other tabs / reload them").
 * - outdated: another tab upgraded the database; this tab runs old code
 *   (UI: "reload"). Sticky until reload.
 * - closed: the connection went away; the next query reopens it.
 * - recovering: the browser (or the user) deleted the database under the running app; a new
 *   one is filled again by the sync (UI: a notice, and loading instead of empty lists).
 *   Ends with endRecovery().
 * - error: opening failed; `error` tells why.
 */
export type DbState =
  | 'idle'
  | 'opening'
  | 'ready'
  | 'blocked'
  | 'outdated'
  | 'closed'
  | 'recovering'
  | 'error';

export interface DbStatus {
  state: DbState;
  /** Also set while ready when a write failed for lack of space (reportQuota). */
  error: DbErrorCode | null;
  /**
   * The database had been deleted: how many unsent changes went with it (0 = none, or none
   * known). Absent when nothing was deleted; kept until acknowledgeLoss().
   */
  lost?: number;
}

const IDLE: DbStatus = { state: 'idle', error: null };

export function createDbStatusStore(): Store<DbStatus> {
  return createStore<DbStatus>(IDLE);
}

const defaultStatus = createDbStatusStore();
/** Status of the app's database (the one from getDb()). */
export const dbStatus: ReadableStore<DbStatus> = defaultStatus;

const statusByDb = new WeakMap<Dexie, Store<DbStatus>>();

function derive(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? withDerivedServiceFields(value) : value;
}

/**
 * Keeps the derived service fields right on every write path (sync, demo seeding, future
 * edits) without table hooks, which would read the old row of every put.
 */
const derivedFieldsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'qw-derived-service-fields',
  create: (down) => ({
    ...down,
    table(tableName) {
      const table = down.table(tableName);
      if (tableName !== 'services') return table;
      return {
        ...table,
        mutate(req: DBCoreMutateRequest) {
          if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
          return table.mutate({ ...req, values: req.values.map(derive) });
        },
      };
    },
  }),
};

export interface CreateDbOptions {
  /** Where state changes go; defaults to the exported `dbStatus`. */
  status?: Store<DbStatus>;
  /** Passed to Dexie (tests use it to stand in a failing IndexedDB). */
  dexie?: DexieOptions;
}

export function createDb(name: string = DB_NAME, options: CreateDbOptions = {}): WegweiserDB {
  const status = options.status ?? defaultStatus;
  const db = new Dexie(name, options.dexie) as WegweiserDB;
  statusByDb.set(db, status);

  // Never edit a released version's stores: add a new version instead.
  db.version(1).stores(STORES_V1);
  db.version(2)
    .stores(STORES_V2)
    .upgrade((tx) =>
      tx
        .table<StoredService, string>('services')
        .toCollection()
        .modify((row) => {
          const derived = withDerivedServiceFields(row);
          row.sort_name = derived.sort_name;
          if (derived.listed) row.listed = 1;
          else delete row.listed;
        }),
    );
  // The old index is one string of tens of MB; the search builds its pieces anew.
  db.version(3)
    .stores(STORES_V3)
    .upgrade((tx) => tx.table('meta').delete('search.index'));
  db.version(4).stores(STORES_V4);
  db.use(derivedFieldsMiddleware);
  // Tells derived data outside IndexedDB (the search index) which records changed.
  db.use(changeFeedMiddleware(CHANGE_FEED_TABLES));

  const set = (state: DbState, error: DbErrorCode | null = null) => {
    const now = status.get();
    if (now.state === 'outdated' || now.state === 'recovering') return;
    status.set(now.lost === undefined ? { state, error } : { state, error, lost: now.lost });
  };

  /**
   * The data is gone (deleted, or the connection closed by force as when site data is
   * cleared). The count of unsent changes is read now, before anything writes the new,
   * empty outbox's count over it. The next query opens (and so creates) a fresh database;
   * the sync controller fills it and calls endRecovery().
   */
  const lose = () => {
    if (status.get().state === 'recovering') return;
    status.set({ state: 'recovering', error: null, lost: recallUnsent() });
    db.close({ disableAutoOpen: false });
  };

  // A database created by this open while the outbox mirror still counts entries was
  // deleted while the app was closed (eviction under storage pressure).
  let lostBeforeOpen = 0;
  db.on('populate', () => {
    lostBeforeOpen = recallUnsent();
  });

  db.on('blocked', () => set('blocked', 'blocked'));
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    if (event.newVersion === null) {
      lose();
      return;
    }
    // Another tab wants a newer version. Holding on would block it; closing without
    // disabling auto-open lets reads in this tab go on after its upgrade.
    db.close({ disableAutoOpen: false });
    set('outdated');
  });
  db.on('close', () => {
    if (status.get().state === 'ready') set('closed');
  });
  // Sticky: fires on every (re)open, not only the first.
  db.on(
    'ready',
    () => {
      // Only the browser fires the native event (Dexie's own 'close' also fires on db.close()).
      db.backendDB().addEventListener('close', lose);
      const lost = lostBeforeOpen;
      lostBeforeOpen = 0;
      if (lost > 0 && status.get().state !== 'recovering') {
        rememberUnsent(0);
        status.set({ state: 'ready', error: null, lost });
      } else set('ready');
    },
    true,
  );
  return db;
}

/** The status store a database reports to (the sync controller follows it). */
export function statusOf(db: Dexie): ReadableStore<DbStatus> | undefined {
  return statusByDb.get(db);
}

/** Recovery done: `lost` unsent changes went with the old database (undefined: none did). */
export function endRecovery(db: Dexie, lost: number | undefined): void {
  const status = statusByDb.get(db);
  if (status?.get().state !== 'recovering') return;
  rememberUnsent(0);
  status.set({ state: 'ready', error: null, ...(lost === undefined ? {} : { lost }) });
}

/** The user has read the notice about deleted data. */
export function acknowledgeLoss(db: Dexie): void {
  const status = statusByDb.get(db);
  const now = status?.get();
  if (!status || !now || now.lost === undefined) return;
  status.set({ state: now.state, error: now.error });
}

/**
 * A write failed for lack of space (`full`), or went through again: the banner says so
 * while the app keeps working (reads, and retries of the sync).
 */
export function reportQuota(db: Dexie, full: boolean): void {
  const status = statusByDb.get(db);
  const now = status?.get();
  if (!status || !now || now.state !== 'ready') return;
  if (full && now.error === null) status.set({ ...now, error: 'quota' });
  if (!full && now.error === 'quota') status.set({ ...now, error: null });
}

let instance: WegweiserDB | null = null;

/** The app's database, created on first use. A database closed for good is replaced. */
export function getDb(): WegweiserDB {
  if (!instance || instance.hasBeenClosed()) instance = createDb();
  return instance;
}

/**
 * Opens (or retries opening) a database and reports the outcome in its status.
 * Rejects with a DbError carrying the code for the UI.
 */
export async function openDb(db: WegweiserDB = getDb()): Promise<WegweiserDB> {
  const status = statusByDb.get(db);
  if (db.isOpen()) return db;
  const keep = (s: DbStatus) => s.state === 'outdated' || s.state === 'recovering';
  if (status && !keep(status.get()) && status.get().state !== 'blocked') {
    status.set({ ...status.get(), state: 'opening', error: null });
  }
  try {
    await db.open();
    return db;
  } catch (e) {
    const err = toDbError(e, { during: 'open' });
    if (status && status.get().state !== 'outdated')
      status.set({ state: 'error', error: err.code });
    throw err;
  }
}

/**
 * Resolves once opening has an outcome the screen can show (open, blocked by another tab,
 * failed, …), or after `maxMs`, whichever comes first.
 */
export function whenOpenSettled(status: ReadableStore<DbStatus>, maxMs: number): Promise<void> {
  const pending = (s: DbStatus) => s.state === 'idle' || s.state === 'opening';
  if (!pending(status.get())) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    const stop = status.subscribe((s) => {
      if (!pending(s)) done();
    });
  });
}
