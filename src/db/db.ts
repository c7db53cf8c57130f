import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DexieOptions,
  type Middleware,
} from 'dexie';
import { CHANGE_FEED_TABLES, changeFeedMiddleware } from './changeFeed';
import { withDerivedServiceFields } from './derive';
import { type DbErrorCode, toDbError } from './errors';
import { DB_NAME, STORES_V1, STORES_V2, type StoredService, type WegweiserDB } from './schema';
import { createStore, type ReadableStore, type Store } from './store';

/**
 * - idle: not opened yet; opening: open in progress; ready: usable.
 * - blocked: our upgrade waits for another tab that holds the old version
 *   (UI: "close other tabs / reload them").
 * - outdated: another tab upgraded or deleted the database; this tab runs old code
 *   (UI: "reload"). Sticky until reload.
 * - closed: the connection went away; the next query reopens it.
 * - error: opening failed; `error` tells why.
 */
export type DbState = 'idle' | 'opening' | 'ready' | 'blocked' | 'outdated' | 'closed' | 'error';

export interface DbStatus {
  state: DbState;
  error: DbErrorCode | null;
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
  db.use(derivedFieldsMiddleware);
  // Tells derived data outside IndexedDB (the search index) which records changed.
  db.use(changeFeedMiddleware(CHANGE_FEED_TABLES));

  const set = (state: DbState, error: DbErrorCode | null = null) => {
    if (status.get().state === 'outdated') return;
    status.set({ state, error });
  };

  db.on('blocked', () => set('blocked', 'blocked'));
  db.on('versionchange', () => {
    // Another tab wants a newer version (or deletes the db). Holding on would block it;
    // closing without disabling auto-open lets reads in this tab go on after its upgrade.
    db.close({ disableAutoOpen: false });
    set('outdated');
  });
  db.on('close', () => {
    if (status.get().state === 'ready') set('closed');
  });
  // Sticky: fires on every (re)open, not only the first.
  db.on('ready', () => set('ready'), true);
  return db;
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
  if (status && status.get().state !== 'outdated' && status.get().state !== 'blocked') {
    status.set({ state: 'opening', error: null });
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
