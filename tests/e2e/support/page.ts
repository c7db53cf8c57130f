import type { Page, Worker } from 'playwright-core';
import { DB_NAME } from '../../../src/db/schema';

/**
 * Whether the app's database exists. Ask before opening it from a test: opening one that
 * does not exist yet creates it, empty, before the app does, and the app's first open is
 * then an upgrade instead of the creation a first visit makes.
 */
export async function appDbExists(page: Page): Promise<boolean> {
  return page.evaluate(
    async (name) => (await indexedDB.databases()).some((d) => d.name === name),
    DB_NAME,
  );
}

/** Number of live rows in an IndexedDB store of the app, read the way the app stores them. */
export async function countLocal(page: Page, store: string): Promise<number> {
  if (!(await appDbExists(page))) return 0;
  return page.evaluate(
    (storeName) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('quartier-wegweiser');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            resolve(0);
            return;
          }
          const req = db.transaction(storeName).objectStore(storeName).getAll();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as { deleted?: boolean }[]).filter((r) => !r.deleted).length);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** One row of a store of the app; undefined while the database or the store is not there. */
export async function readLocal<T>(page: Page, store: string, id: string): Promise<T | undefined> {
  if (!(await appDbExists(page))) return undefined;
  return page.evaluate(
    ([storeName, key]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('quartier-wegweiser');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            resolve(undefined);
            return;
          }
          const req = db.transaction(storeName).objectStore(storeName).get(key);
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T | undefined);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, id] as const,
  );
}

export async function waitForLocalCount(page: Page, store: string, n: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const have = await countLocal(page, store).catch(() => 0);
    if (have >= n) return;
    if (Date.now() > deadline) throw new Error(`${store}: ${have} of ${n} records after 30 s`);
    await page.waitForTimeout(200);
  }
}

export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** The banner's text now ('' without one); a locator's textContent() would wait for it. */
export const bannerText = (page: Page) =>
  page.evaluate(() => document.querySelector('main [role="alert"]')?.textContent ?? '');

/**
 * Remembers whether the page ever showed an empty directory ("Keine Angebote", "0
 * Angebote", "noch keine Angebote gespeichert") from now on: a check after the fact would
 * miss a flash of it.
 */
export async function watchForEmptyList(page: Page): Promise<() => Promise<string | null>> {
  await page.evaluate(() => {
    const w = window as unknown as { __qwEmpty: string | null };
    w.__qwEmpty = null;
    const empty = /Keine Angebote|(^|\D)0 Angebote|keine Angebote gespeichert|Keine passenden/;
    new MutationObserver(() => {
      const text = document.querySelector('main')?.textContent ?? '';
      const at = text.search(empty);
      if (!w.__qwEmpty && at >= 0) w.__qwEmpty = text.slice(Math.max(0, at - 80), at + 80);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __qwEmpty: string | null }).__qwEmpty);
}

/**
 * Records the bodies of the pull answers the app receives, whether the data worker pulls or
 * the page does (without workers). Wraps `fetch` in both, since Playwright's response events
 * miss requests that pass through the service worker's fetch handler.
 */
export async function recordPulls(page: Page): Promise<() => Promise<unknown[]>> {
  const wrap = () => {
    const g = globalThis as unknown as { __pulls: unknown[]; fetch: typeof fetch };
    if (g.__pulls) return;
    g.__pulls = [];
    const original = g.fetch.bind(globalThis);
    g.fetch = async (input, init) => {
      const res = await original(input, init);
      if (String(input instanceof Request ? input.url : input).includes('/api/sync/pull')) {
        g.__pulls.push(await res.clone().json());
      }
      return res;
    };
  };
  await page.addInitScript(wrap);
  const workers: Worker[] = [];
  page.on('worker', (w) => {
    workers.push(w);
    void w.evaluate(wrap).catch(() => {});
  });
  const read = () => (globalThis as unknown as { __pulls?: unknown[] }).__pulls ?? [];
  return async () => {
    const all = await page.evaluate(read);
    for (const w of workers) all.push(...(await w.evaluate(read).catch(() => [])));
    return all;
  };
}
