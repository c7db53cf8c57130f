import type { Workbox } from 'workbox-window';

export interface UpdateState {
  /** A new version is installed and waits for the user's go. */
  waiting: boolean;
}

type Listener = (s: UpdateState) => void;

const UPDATE_CHECK_MS = 30 * 60_000;

let state: UpdateState = { waiting: false };
const listeners = new Set<Listener>();
let wb: Workbox | undefined;

function set(next: UpdateState): void {
  state = next;
  for (const l of listeners) l(state);
}

export function getUpdateState(): UpdateState {
  return state;
}

export function subscribeUpdate(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * Owns the whole service-worker lifecycle: register, look for updates on focus and
 * periodically while online, and switch to a waiting worker only when the user agrees.
 * The reload happens on `controlling`, i.e. after the new worker really took over.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // After the load event, and workbox-window only then: the service worker's precache
  // would otherwise compete with the start page and the first sync for a slow connection,
  // and it only matters from the second visit on.
  if (document.readyState !== 'complete') {
    await new Promise<void>((resolve) =>
      window.addEventListener('load', () => resolve(), { once: true }),
    );
  }
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => set({ waiting: true }));
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void wb.register().catch(() => {
    // Registration fails in private modes or on http origins other than localhost;
    // the app still works online, so there is nothing to tell the user here.
  });

  const check = () => {
    if (navigator.onLine && document.visibilityState === 'visible')
      void wb?.update().catch(() => {});
  };
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', check);
  setInterval(check, UPDATE_CHECK_MS);
}

/**
 * Unsent edits live in IndexedDB (outbox), which survives a new app version; the reload
 * therefore loses nothing. Callers can still pass a hook to flush work first.
 */
export async function applyUpdate(beforeReload?: () => Promise<void>): Promise<void> {
  if (beforeReload) await beforeReload();
  wb?.messageSkipWaiting();
}
