/**
 * Runs inside Chromium (bundled by sync-client.bench.ts): the app's own pull code against
 * the real server, and the raw IndexedDB baseline on the same records.
 */
import { createDb } from '../src/db/db';
import { META_KEYS, type WegweiserDB } from '../src/db/schema';
import type { PullResponse } from '../src/model';
import { applyPullPage } from '../src/sync/apply';
import { pullAll } from '../src/sync/pull';

const fetchLike = (input: string, init?: RequestInit) => fetch(input, init);

async function fetchAllPages(since = ''): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let cursor = since;
  for (;;) {
    const res = await fetch(`/api/sync/pull?since=${encodeURIComponent(cursor)}&limit=500`);
    const page = (await res.json()) as PullResponse;
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) return pages;
  }
}

async function fresh(name: string): Promise<WegweiserDB> {
  const db = createDb(name);
  await db.delete();
  const again = createDb(name);
  await again.open();
  return again;
}

/** The same object stores and indexes as the app (created by Dexie), filled with raw puts. */
async function rawInsert(name: string, pages: PullResponse[]): Promise<number> {
  const schemaDb = await fresh(name);
  schemaDb.close();
  const idb: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const changes = pages.flatMap((p) => p.changes);
  const stores = [...new Set(changes.map((c) => c.table))];
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(stores, 'readwrite');
    for (const c of changes) if (c.data) tx.objectStore(c.table).put(c.data);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  idb.close();
  return ms;
}

export interface InitialSamples {
  records: number;
  pages: number;
  endToEnd: number[];
  clientOnly: number[];
  raw: number[];
}

/** Initial sync from nothing, `runs` times, each into a fresh database. */
export async function initial(runs: number): Promise<InitialSamples> {
  const pages = await fetchAllPages();
  const out: InitialSamples = {
    records: pages.reduce((n, p) => n + p.changes.length, 0),
    pages: pages.length,
    endToEnd: [],
    clientOnly: [],
    raw: [],
  };
  for (let i = 0; i < runs; i++) {
    // Alternate the order so neither side always runs on a warmer engine.
    const order = i % 2 === 0 ? ['raw', 'app', 'client'] : ['client', 'app', 'raw'];
    for (const what of order) {
      if (what === 'raw') out.raw.push(await rawInsert('qw-bench-raw', pages));
      if (what === 'app') {
        const db = await fresh('qw-bench-app');
        const t0 = performance.now();
        await pullAll({ db, fetch: fetchLike, baseUrl: '' });
        out.endToEnd.push(performance.now() - t0);
        db.close();
      }
      if (what === 'client') {
        const db = await fresh('qw-bench-client');
        const t0 = performance.now();
        for (const page of pages) await applyPullPage(db, page);
        out.clientOnly.push(performance.now() - t0);
        db.close();
      }
    }
  }
  return out;
}

let synced: WegweiserDB | null = null;

/** Prepares a fully synced database for the delta runs. */
export async function prepareDelta(): Promise<number> {
  synced = await fresh('qw-bench-delta');
  return pullAll({ db: synced, fetch: fetchLike, baseUrl: '' });
}

/** One delta pull (what the server changed since the last one) and the raw put of it. */
export async function delta(): Promise<{ pull: number; raw: number; changes: number }> {
  if (!synced) throw new Error('prepareDelta first');
  const cursor = String((await synced.meta.get(META_KEYS.cursor))?.value ?? '');
  const pages = await fetchAllPages(cursor);
  const raw = await rawInsert('qw-bench-delta-raw', pages);
  const t0 = performance.now();
  const changes = await pullAll({ db: synced, fetch: fetchLike, baseUrl: '' });
  return { pull: performance.now() - t0, raw, changes };
}
