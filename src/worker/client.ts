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
import { lifeLockName, whenLockFreed } from './lifeLock';

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
  /** Starts a data worker called `name`; null or a throw = none (tests, old browsers). */
  startWorker?: (name: string) => Worker | null;
  /**
   * Resolves once the worker called `name` has stopped; null = cannot tell. Default: its
   * life lock is free (lifeLock.ts).
   */
  watchWorker?: (name: string, signal: AbortSignal) => Promise<void> | null;
  /** How often a worker that stopped after its start is started again before the page serves. */
  maxRestarts?: number;
}

/** What pending calls reject with when the data worker stopped under them. */
export class DataWorkerStopped extends Error {
  override readonly name = 'DataWorkerStopped';
  constructor() {
    super('The data worker stopped; the call was not answered');
  }
}

// Without the Worker API the page serves for sure: load the service along with this module.
function defaultWorker(name: string): Worker | null {
  if (typeof Worker !== 'function') return null;
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name });
}

const MAX_RESTARTS = 3;

/**
 * Runs the data service in a module worker, or, where none starts (no module workers, a
 * failed load), on the page: the same code, loaded only then, so the start page does not
 * carry it.
 *
 * A worker that stops after its start (killed for memory, terminated by the browser)
 * answers nothing more: its pending calls reject with DataWorkerStopped, so views show
 * their error state instead of waiting forever, and a new worker takes over. If the index
 * was in use it is loaded again there, and its events resume. After `maxRestarts` such
 * ends the page serves.
 */
export function createDataClient(db: WegweiserDB, options: DataClientOptions = {}): DataClient {
  const index = createStore<IndexState>(INDEX_IDLE);
  const load = createStore<LoadState>(LOAD_IDLE);
  /** The index was started in a worker (it sends its state): a new worker must load it. */
  let indexInUse = false;
  const onEvent = (e: DataEvent) => {
    if (e.kind === 'index') {
      indexInUse = true;
      index.set(e.state);
    } else load.set(e.state);
  };
  let where: 'starting' | 'worker' | 'page' = 'starting';

  let local: Promise<Call> | null = null;
  const onPage = (): Promise<Call> => {
    local ??= import('./core').then(({ createDataCore }) => {
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
    // Also when a stopped worker hands over to the page's service loaded before.
    return local.then((call) => {
      where = 'page';
      return call;
    });
  };

  const startWorker = options.startWorker ?? defaultWorker;
  const watchWorker = options.watchWorker ?? whenLockFreed;
  const maxRestarts = options.maxRestarts ?? MAX_RESTARTS;
  let restarts = 0;
  /** The running worker's calls; null while none is up. */
  let remote: Call | null = null;

  const inWorker = (): Promise<Call> => {
    const name = lifeLockName();
    let w: Worker | null = null;
    try {
      w = startWorker(name);
    } catch {
      w = null;
    }
    if (!w) return onPage();
    const worker = w;
    const connection = connect<DataApi, DataEvent>(worker, onEvent);
    const call: Call = (method, arg, signal) => connection.call(method, arg, signal);
    const watching = new AbortController();
    let state: 'starting' | 'up' | 'gone' = 'starting';
    let next: Promise<Call> | null = null;

    const end = () => {
      if (state === 'gone') return;
      const wasUp = state === 'up';
      state = 'gone';
      watching.abort();
      if (remote === call) remote = null;
      where = 'starting';
      const again = wasUp && restarts < maxRestarts;
      if (again) restarts++;
      const replacement = again ? inWorker() : onPage();
      next = replacement;
      target = replacement;
      connection.fail(new DataWorkerStopped());
      worker.terminate();
      if (!wasUp) return;
      // A first load that was running stopped with it; the next pull says how far it got.
      const loading = load.get();
      if (loading.active) load.set({ ...loading, active: false });
      if (indexInUse) {
        // Views ask again once the new index reports.
        const now = index.get();
        index.set({ ...now, status: 'loading', revision: now.revision + 1 });
        void replacement.then((c) => c('warm', null)).catch(() => undefined);
      }
    };

    worker.addEventListener('error', (event) => {
      // After the start, an uncaught error in the worker does not stop it.
      if (state !== 'starting') return;
      event.preventDefault();
      end();
    });
    return connection.up.then(
      () => {
        if (state === 'gone') return next as Promise<Call>;
        state = 'up';
        where = 'worker';
        remote = call;
        watchWorker(name, watching.signal)?.then(end, () => undefined);
        return call;
      },
      () => next ?? onPage(),
    );
  };

  let target: Promise<Call> = inWorker();
  // The index is saved on a timer; a phone may kill a backgrounded page before it fires.
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && remote)
        void remote('flush', null).catch(() => undefined);
    });
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
