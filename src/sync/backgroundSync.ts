/**
 * Background Sync where the browser has it (Chromium): the page registers a one-off 'sync'
 * tag when edits wait; when connectivity returns, the browser wakes the service worker,
 * which asks an open window to sync (service-worker/sw.ts). Pushing from the worker itself
 * would put the whole sync into sw.js (budget: 10 KB); an edit made offline is still sent on
 * the next start, `online` event or focus.
 */
export const SYNC_TAG = 'qw-sync';
/** Message the service worker posts to windows (and the type the page listens for). */
export const SYNC_MESSAGE = 'qw-sync';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

type Container = Pick<ServiceWorkerContainer, 'addEventListener' | 'removeEventListener'> & {
  ready: Promise<ServiceWorkerRegistration & { sync?: SyncManagerLike }>;
};

function container(): Container | null {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator
    ? (navigator.serviceWorker as unknown as Container)
    : null;
}

/** Asks the browser for a sync event when the network is back; silently absent elsewhere. */
export async function registerBackgroundSync(sw: Container | null = container()): Promise<boolean> {
  if (!sw) return false;
  try {
    const reg = await Promise.race([
      sw.ready,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
    ]);
    if (!reg?.sync) return false;
    await reg.sync.register(SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}

/** Calls `onSync` when the service worker relays a sync event. Returns the unsubscribe. */
export function onServiceWorkerSync(
  onSync: () => void,
  sw: Container | null = container(),
): () => void {
  if (!sw) return () => {};
  const listener = (event: Event) => {
    const data = (event as MessageEvent).data as { type?: unknown } | null;
    if (data && data.type === SYNC_MESSAGE) onSync();
  };
  sw.addEventListener('message', listener);
  return () => sw.removeEventListener('message', listener);
}
