/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Take control on the very first visit so the app works offline without a second load.
// Updates are unaffected: a new worker only activates after SKIP_WAITING below.
clientsClaim();

// Every app URL (/angebote/…, /sprechstunden) opens offline from the cached shell; the
// API must never get HTML back, so it is excluded.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/robots\.txt$/, /^\/sw\.js$/],
  }),
);

// A waiting worker only takes over when the page asks: the page first makes sure no
// edit is lost (see src/pwa/lifecycle.ts).
self.addEventListener('message', (event) => {
  if (event.data && (event.data as { type?: string }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

// Background Sync (src/sync/backgroundSync.ts): the page registered this tag while edits
// waited offline; the browser fires it when the network is back. The sync code (Dexie,
// push) lives in the page, so the worker asks an open window to run it.
const SYNC_TAG = 'qw-sync';
self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag?: string };
  if (e.tag !== SYNC_TAG) return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      for (const client of clients) client.postMessage({ type: SYNC_TAG });
    }),
  );
});
