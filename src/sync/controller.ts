import { liveQuery } from 'dexie';
import { META_KEYS, type WegweiserDB } from '../db/schema';
import { createStore, type ReadableStore } from '../db/store';
import { isAbort, type SyncErrorInfo, toSyncError } from './errors';
import { type FetchLike, pullAll } from './pull';

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncState {
  status: SyncStatus;
  /** Last complete pull, by any tab of this browser. */
  lastSyncAt: string | null;
  /** Why the last run failed; null after a success. `network` comes with status 'offline'. */
  error: SyncErrorInfo | null;
}

export interface SyncController extends ReadableStore<SyncState> {
  /** Runs a pull now (joins a running one); never rejects, the outcome is in the state. */
  syncNow(): Promise<void>;
  /** Removes listeners and timers and aborts a running pull. */
  stop(): void;
}

/** What the controller needs from the browser; injectable for tests. */
export interface SyncEnvironment {
  /** Receives `online`, `offline` and `focus` (window). */
  events?: EventTarget;
  /** Receives `visibilitychange` and tells `visibilityState`. */
  document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  navigator?: { onLine?: boolean; locks?: Pick<LockManager, 'request'> };
}

export interface SyncControllerOptions {
  db: WegweiserDB;
  fetch: FetchLike;
  baseUrl: string;
  /** Periodic pull while online and visible. */
  intervalMs?: number;
  /** Focus / visibility pulls happen at most this often. */
  focusThrottleMs?: number;
  env?: SyncEnvironment;
  now?: () => Date;
}

export const SYNC_LOCK = 'qw-sync';

const LOCK_BUSY = Symbol('busy');

function defaultEnv(): SyncEnvironment {
  return {
    events: typeof window !== 'undefined' ? window : undefined,
    document: typeof document !== 'undefined' ? document : undefined,
    navigator: typeof navigator !== 'undefined' ? navigator : undefined,
  };
}

/**
 * Keeps the local data fresh: pulls at start, when the browser comes online, when the app
 * gets focus again and every few minutes. One tab at a time (Web Locks): the others see
 * the result through the shared database (`lastSyncAt` is followed with liveQuery).
 * The push half will run in the same lock, before the pull.
 */
export function createSyncController(options: SyncControllerOptions): SyncController {
  const {
    db,
    fetch,
    baseUrl,
    intervalMs = 5 * 60_000,
    focusThrottleMs = 30_000,
    now = () => new Date(),
  } = options;
  const env = options.env ?? defaultEnv();
  const nav = env.navigator;
  const isOnline = () => nav?.onLine !== false;

  const store = createStore<SyncState>({
    status: isOnline() ? 'idle' : 'offline',
    lastSyncAt: null,
    error: null,
  });
  const patch = (p: Partial<SyncState>) => store.set({ ...store.get(), ...p });

  let stopped = false;
  let running: Promise<void> | null = null;
  let abort: AbortController | null = null;
  let lastAttempt = Number.NEGATIVE_INFINITY;

  async function withLock<T>(fn: () => Promise<T>): Promise<T | typeof LOCK_BUSY> {
    const locks = nav?.locks;
    if (!locks || typeof locks.request !== 'function') return fn();
    return locks.request(SYNC_LOCK, { ifAvailable: true }, (lock) =>
      lock ? fn() : LOCK_BUSY,
    ) as Promise<T | typeof LOCK_BUSY>;
  }

  async function run(): Promise<void> {
    lastAttempt = now().getTime();
    abort = new AbortController();
    const { signal } = abort;
    patch({ status: 'syncing', error: null });
    try {
      const outcome = await withLock(() => pullAll({ db, fetch, baseUrl, signal, now }));
      if (stopped) return;
      // On LOCK_BUSY another tab is pulling; its lastSyncAt arrives via the liveQuery.
      const entry = outcome === LOCK_BUSY ? undefined : await db.meta.get(META_KEYS.lastSyncAt);
      patch({
        status: isOnline() ? 'idle' : 'offline',
        error: null,
        ...(typeof entry?.value === 'string' ? { lastSyncAt: entry.value } : {}),
      });
    } catch (e) {
      if (stopped || isAbort(e, signal)) return;
      const error = toSyncError(e).info();
      patch({ status: error.code === 'network' ? 'offline' : 'error', error });
    }
  }

  function syncNow(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) return running;
    if (!isOnline()) {
      patch({ status: 'offline' });
      return Promise.resolve();
    }
    running = run().finally(() => {
      running = null;
      abort = null;
    });
    return running;
  }

  function maybeSync(): void {
    if (now().getTime() - lastAttempt >= focusThrottleMs) void syncNow();
  }

  const onOnline = () => void syncNow();
  const onOffline = () => {
    if (!running) patch({ status: 'offline' });
  };
  const onFocus = () => maybeSync();
  const onVisibility = () => {
    if (env.document?.visibilityState === 'visible') maybeSync();
  };

  env.events?.addEventListener('online', onOnline);
  env.events?.addEventListener('offline', onOffline);
  env.events?.addEventListener('focus', onFocus);
  env.document?.addEventListener('visibilitychange', onVisibility);
  const timer = setInterval(() => {
    // Hidden tabs wait for visibilitychange: prepaid data plans.
    if (isOnline() && env.document?.visibilityState !== 'hidden') void syncNow();
  }, intervalMs);

  const lastSyncSub = liveQuery(() => db.meta.get(META_KEYS.lastSyncAt)).subscribe({
    next: (entry) => {
      const value = typeof entry?.value === 'string' ? entry.value : null;
      if (value && value !== store.get().lastSyncAt) patch({ lastSyncAt: value });
    },
    error: () => {
      // The status line is secondary; database errors surface through dbStatus.
    },
  });

  void syncNow();

  return {
    get: store.get,
    subscribe: store.subscribe,
    syncNow,
    stop() {
      stopped = true;
      env.events?.removeEventListener('online', onOnline);
      env.events?.removeEventListener('offline', onOffline);
      env.events?.removeEventListener('focus', onFocus);
      env.document?.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
      lastSyncSub.unsubscribe();
      abort?.abort();
    },
  };
}
