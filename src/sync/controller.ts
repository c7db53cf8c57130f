import { liveQuery } from 'dexie';
import { endRecovery, reportQuota, statusOf } from '../db/db';
import { META_KEYS, type OutboxEntry, type WegweiserDB } from '../db/schema';
import { createStore, type ReadableStore } from '../db/store';
import { rememberUnsent } from '../db/unsent';
import { onServiceWorkerSync, registerBackgroundSync } from './backgroundSync';
import { isAbort, SyncError, type SyncErrorInfo, toSyncError } from './errors';
import { connectLive, type EventSourceFactory, type LiveConnection } from './live';
import { readPayload } from './outbox';
import type { FetchLike } from './pull';
import { type Account, alignCursorScope } from './session';

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncState {
  status: SyncStatus;
  /** Last complete pull, by any tab of this browser. */
  lastSyncAt: string | null;
  /** Why the last run failed; null after a success. `network` comes with status 'offline'. */
  error: SyncErrorInfo | null;
  /**
   * Edits the last successful run of this tab delivered (the server took them), and when;
   * absent until one did. A new object per run, so a second "3 übertragen" is news too.
   */
  delivered?: { count: number; at: string };
}

export interface SyncController extends ReadableStore<SyncState> {
  /** Runs push + pull now (joins a running one); never rejects, the outcome is in the state. */
  syncNow(): Promise<void>;
  /**
   * Asks for a sync soon (debounced); if one is running, another follows it, so an edit
   * made during a run is not left waiting for the timer. Optional for hand-made fakes.
   */
  requestSync?(): void;
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
  /** Server-sent events (live updates); absent = no live connection. */
  eventSource?: EventSourceFactory;
  /** Background Sync and messages from the service worker; false = off (tests). */
  serviceWorker?: boolean;
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
  /**
   * The signed-in account. With it the controller pushes the outbox before each pull, pulls
   * internal records with the token, follows live events and marks a 401 as expired.
   */
  account?: Account;
  /** Delay between an edit (an outbox change) and its push. */
  debounceMs?: number;
  /**
   * Runs one pull (all pages) with the given token; the app hands it to the data worker.
   * Default: pullAll on this thread with `fetch`.
   */
  pull?: (request: { token: string | null; signal: AbortSignal }) => Promise<unknown>;
}

export const SYNC_LOCK = 'qw-sync';

const LOCK_BUSY = Symbol('busy');

function defaultEnv(): SyncEnvironment {
  return {
    events: typeof window !== 'undefined' ? window : undefined,
    document: typeof document !== 'undefined' ? document : undefined,
    navigator: typeof navigator !== 'undefined' ? navigator : undefined,
    eventSource: typeof EventSource === 'function' ? (url) => new EventSource(url) : undefined,
    serviceWorker: true,
  };
}

const hasQueued = (entries: OutboxEntry[]) =>
  entries.some((e) => readPayload(e).state === 'queued');

/**
 * Keeps the local data fresh and sends local edits: push, then pull, at start, when the
 * browser comes online, when the app gets focus again, shortly after an edit, when the
 * server announces a new version (SSE), on a Background Sync event and every few minutes.
 * One tab at a time (Web Locks): the others see the result through the shared database
 * (`lastSyncAt` is followed with liveQuery).
 */
export function createSyncController(options: SyncControllerOptions): SyncController {
  const {
    db,
    fetch,
    baseUrl,
    intervalMs = 5 * 60_000,
    focusThrottleMs = 30_000,
    now = () => new Date(),
    account,
    debounceMs = 1500,
  } = options;
  // Loaded on demand: in the app the data worker pulls, and only tests pull here.
  const pull =
    options.pull ??
    (({ token, signal }) =>
      import('./pull').then(({ pullAll }) => pullAll({ db, fetch, baseUrl, token, signal, now })));
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

  /** Edits the push of the current run delivered. */
  let delivered = 0;

  /** Push (with a live session), then pull; returns the auth error to report, if any. */
  async function pushThenPull(signal: AbortSignal): Promise<SyncError | null> {
    let authError: SyncError | null = null;
    delivered = 0;
    const token = account?.token() ?? null;
    const user = account?.get().user ?? null;
    if (account && token && user && (await db.outbox.count()) > 0) {
      try {
        const clientId = await account.clientId();
        // Loaded on demand: a resident's phone never pushes (the chunk is precached).
        const { pushOutbox } = await import('./push');
        const summary = await pushOutbox({
          db,
          fetch,
          baseUrl,
          clientId,
          token,
          userEmail: user.email,
          signal,
        });
        delivered = summary.applied;
      } catch (e) {
        if (!(e instanceof SyncError && e.code === 'auth')) throw e;
        account.markExpired();
        authError = e;
      }
    }
    // After a 401 the pull goes on as a resident: public data stays fresh meanwhile.
    const pullToken = account?.token() ?? null;
    if (account) {
      // Every role (worker and above) reads internal records.
      await alignCursorScope(db, pullToken ? 'internal' : 'public');
    }
    try {
      await pull({ token: pullToken, signal });
    } catch (e) {
      if (!(account && e instanceof SyncError && e.status === 401)) throw e;
      account.markExpired();
      throw new SyncError('auth', { status: 401 });
    }
    return authError;
  }

  async function run(): Promise<void> {
    lastAttempt = now().getTime();
    abort = new AbortController();
    const { signal } = abort;
    patch({ status: 'syncing', error: null });
    try {
      const outcome = await withLock(() => pushThenPull(signal));
      if (stopped) return;
      if (outcome === LOCK_BUSY && account?.token()) {
        // Another tab syncs; our edits may have missed its push, so look again soon.
        const entries = await db.outbox.toArray();
        if (hasQueued(entries)) schedule();
      }
      // On LOCK_BUSY another tab is pulling; its lastSyncAt arrives via the liveQuery.
      const entry = outcome === LOCK_BUSY ? undefined : await db.meta.get(META_KEYS.lastSyncAt);
      const authError = outcome instanceof SyncError ? outcome.info() : null;
      patch({
        status: authError ? 'error' : isOnline() ? 'idle' : 'offline',
        error: authError,
        ...(typeof entry?.value === 'string' ? { lastSyncAt: entry.value } : {}),
        ...(outcome !== LOCK_BUSY && delivered > 0
          ? { delivered: { count: delivered, at: now().toISOString() } }
          : {}),
      });
      if (outcome !== LOCK_BUSY) reportQuota(db, false);
    } catch (e) {
      if (stopped || isAbort(e, signal)) return;
      const error = toSyncError(e).info();
      patch({ status: error.code === 'network' ? 'offline' : 'error', error });
      if (error.db === 'quota') reportQuota(db, true);
    }
  }

  /**
   * The database was deleted under us: fill the new one from cursor 0 (it has no cursor),
   * keep the user signed in, and tell how many unsent changes were lost with it.
   */
  async function recover(remembered: number): Promise<void> {
    // A run in flight would write its next pages into the new database behind an old cursor.
    abort?.abort();
    await running;
    let lost: number | undefined;
    try {
      // A connection closed by force over intact data leaves the cursor: nothing was lost.
      if (!(await db.meta.get(META_KEYS.cursor))) {
        lost = Math.max(0, remembered - (await db.outbox.count()));
        await account?.restore();
      }
    } catch {
      // Not even a new database: the sync below fails too and says so.
    }
    await syncNow();
    endRecovery(db, lost);
  }
  let recovering = false;
  const offDbStatus = statusOf(db)?.subscribe((s) => {
    if (s.state !== 'recovering' || recovering || stopped) return;
    recovering = true;
    void recover(s.lost ?? 0).finally(() => {
      recovering = false;
    });
  });

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
      if (again && !stopped) {
        again = false;
        schedule();
      }
    });
    return running;
  }

  let again = false;
  let debounce: ReturnType<typeof setTimeout> | null = null;

  /** A sync in `debounceMs`; several requests in a row make one sync. */
  function schedule(): void {
    if (stopped) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      if (running) again = true;
      else void syncNow();
    }, debounceMs);
  }

  function requestSync(): void {
    if (running) again = true;
    else schedule();
  }

  function maybeSync(): void {
    if (now().getTime() - lastAttempt >= focusThrottleMs) void syncNow();
  }

  const onOnline = () => {
    void syncNow();
    openLive();
  };
  const onOffline = () => {
    if (!running) patch({ status: 'offline' });
    closeLive();
  };

  // Live updates: one event stream per tab while online, reopened when the token changes.
  let live: LiveConnection | null = null;
  let liveToken: string | null | undefined;
  function openLive(): void {
    if (stopped || !env.eventSource || !isOnline()) return;
    const token = account?.token() ?? null;
    if (live && liveToken === token) return;
    closeLive();
    liveToken = token;
    live = connectLive({
      baseUrl,
      token,
      create: env.eventSource,
      onVersion: () => requestSync(),
      onFailure: () => {
        closeLive();
        requestSync();
      },
    });
  }
  function closeLive(): void {
    live?.close();
    live = null;
    liveToken = undefined;
  }
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

  // An edit (or a referral) lands in the outbox: push it shortly, and ask for Background
  // Sync in case the network is gone and the tab closes before it is back.
  let outboxSub: { unsubscribe(): void } | null = null;
  if (account) {
    outboxSub = liveQuery(() => db.outbox.toArray()).subscribe({
      next: (entries) => {
        rememberUnsent(entries.length);
        if (!hasQueued(entries) || !account.token()) return;
        if (env.serviceWorker) void registerBackgroundSync();
        if (isOnline()) requestSync();
      },
      error: () => {},
    });
  }
  const offSw = env.serviceWorker ? onServiceWorkerSync(() => void syncNow()) : () => {};

  // Sign-in, sign-out and expiry change what we may push and see: sync and reconnect.
  let lastStatus = account?.get().status;
  const accountSub = account?.subscribe((state) => {
    if (state.status === lastStatus) return;
    lastStatus = state.status;
    if (state.status === 'loading') return;
    if (state.status !== 'expired') {
      if (running) again = true;
      else void syncNow();
    }
    closeLive();
    openLive();
  });

  const begin = () => {
    if (stopped) return;
    void syncNow();
    openLive();
  };
  // With an account, the first sync waits for the stored session (a token to push with).
  if (account) void account.ready.then(begin);
  else begin();

  return {
    get: store.get,
    subscribe: store.subscribe,
    syncNow,
    requestSync,
    stop() {
      stopped = true;
      offDbStatus?.();
      if (debounce) clearTimeout(debounce);
      closeLive();
      outboxSub?.unsubscribe();
      offSw();
      accountSub?.();
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
