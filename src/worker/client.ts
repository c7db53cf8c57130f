import { DB_NAME, type WegweiserDB } from '../db/schema';
import { createStore, type ReadableStore } from '../db/store';
import {
  type DataApi,
  type DataEvent,
  INDEX_IDLE,
  type IndexState,
  LOAD_IDLE,
  type LoadState,
} from './api';
import { type Arg, connect, type Result } from './bridge';

type Call = <K extends keyof DataApi>(
  method: K,
  arg: Arg<DataApi[K]>,
  signal?: AbortSignal,
) => Promise<Result<DataApi[K]>>;

/** The page's handle on the data service, wherever it runs. */
export interface DataClient {
  call: Call;
  /** The search index: status and revision (ask again on a new one). */
  index: ReadableStore<IndexState>;
  /** The progress of a pull that started from an empty device. */
  load: ReadableStore<LoadState>;
  /** Where the service runs: 'worker', or 'page' where no module worker started. */
  where(): 'starting' | 'worker' | 'page';
}

export interface DataClientOptions {
  /** Starts the data worker; null or a throw = none (tests, old browsers). */
  startWorker?: () => Worker | null;
}

// Without the Worker API the page serves for sure: load the service along with this module.
function defaultWorker(): Worker | null {
  if (typeof Worker !== 'function') return null;
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs the data service in a module worker, or, where none starts (no module workers, a
 * failed load), on the page: the same code, loaded only then, so the start page does not
 * carry it.
 */
export function createDataClient(db: WegweiserDB, options: DataClientOptions = {}): DataClient {
  const index = createStore<IndexState>(INDEX_IDLE);
  const load = createStore<LoadState>(LOAD_IDLE);
  const onEvent = (e: DataEvent) => {
    if (e.kind === 'index') index.set(e.state);
    else load.set(e.state);
  };
  let where: 'starting' | 'worker' | 'page' = 'starting';

  let local: Promise<Call> | null = null;
  const onPage = (): Promise<Call> => {
    local ??= import('./core').then(({ createDataCore }) => {
      where = 'page';
      const api = createDataCore(db, onEvent, {
        filling: db.name === DB_NAME && globalThis.navigator?.onLine !== false,
      });
      const call: Call = (method, arg, signal) =>
        (api[method] as (a: unknown, s: AbortSignal) => Promise<never>)(
          arg,
          signal ?? new AbortController().signal,
        );
      return call;
    });
    return local;
  };

  let worker: Worker | null = null;
  try {
    worker = (options.startWorker ?? defaultWorker)();
  } catch {
    worker = null;
  }
  let target: Promise<Call>;
  if (!worker) {
    target = onPage();
  } else {
    const w = worker;
    const connection = connect<DataApi, DataEvent>(w, onEvent);
    const remote: Call = (method, arg, signal) => connection.call(method, arg, signal);
    let started = false;
    w.addEventListener('error', (event) => {
      // After the start, an uncaught error in the worker does not stop it.
      if (started) return;
      event.preventDefault();
      connection.fail(new Error('data worker failed'));
      w.terminate();
      // Calls from now on run on the page.
      target = onPage();
    });
    target = connection.up.then(
      () => {
        started = true;
        where = 'worker';
        return remote;
      },
      () => onPage(),
    );
    // The index is saved on a timer; a phone may kill a backgrounded page before it fires.
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden' && where === 'worker')
          void remote('flush', null).catch(() => undefined);
      });
    }
  }

  return {
    call: (method, arg, signal) => target.then((call) => call(method, arg, signal)),
    index,
    load,
    where: () => where,
  };
}

const clients = new WeakMap<WegweiserDB, DataClient>();

/** The data client of a database if something started it; views that only watch use this. */
export function existingDataClient(db: WegweiserDB): DataClient | null {
  return clients.get(db) ?? null;
}

/**
 * The data client of a database, created on first use. The worker opens the app's
 * database by name; any other (tests) is served on the page.
 */
export function getDataClient(db: WegweiserDB): DataClient {
  let client = clients.get(db);
  if (!client) {
    client = createDataClient(db, db.name === DB_NAME ? {} : { startWorker: () => null });
    clients.set(db, client);
  }
  return client;
}
