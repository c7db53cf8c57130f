/**
 * The search index and IndexedDB: built once, saved as one piece per offer, loaded piece by
 * piece on a cold start instead of rebuilt (answering before the last piece is in), and kept
 * current change by change — whoever writes — rewriting only the changed offers' pieces.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { subscribeChanges } from '../../../src/db/changeFeed';
import { createDb } from '../../../src/db/db';
import type { WegweiserDB } from '../../../src/db/schema';
import {
  buildFromDb,
  createSearchIndex,
  INDEX_HEADER_KEY,
  type SearchIndex,
  type SearchServiceOptions,
  type SearchStatus,
} from '../../../src/search/store';
import { contact, location, org, service } from '../ui/helpers';

let n = 0;
const open: { db: WegweiserDB; svc: SearchIndex[] }[] = [];

function freshDb(): WegweiserDB {
  const db = createDb(`search-store-${Date.now()}-${++n}`);
  open.push({ db, svc: [] });
  return db;
}

function start(db: WegweiserDB, options?: SearchServiceOptions): SearchIndex {
  const svc = createSearchIndex(db, options);
  open.at(-1)?.svc.push(svc);
  return svc;
}

afterEach(async () => {
  for (const { db, svc } of open.splice(0)) {
    for (const s of svc) s.dispose();
    db.close();
    await db.delete().catch(() => {});
  }
});

async function seed(db: WegweiserDB) {
  await db.organizations.bulkPut([
    org(1, { name: 'Caritasverband' }),
    org(2, { name: 'Diakonie' }),
  ]);
  await db.locations.bulkPut([location(10, { quartier: 'Heckinghausen' })]);
  await db.services.bulkPut([
    service(100, { name: 'Schuldnerberatung', location_ids: [location(10).id] }),
    service(101, { name: 'Sprachcafé', organization_id: org(2).id }),
    service(102, { name: 'Beendetes Angebot', status: 'ended' }),
  ]);
  await db.contacts.bulkPut([contact(200, { service_id: service(100).id, name: 'Sören Kühn' })]);
}

const ids = (svc: SearchIndex, q: string) =>
  svc
    .engine()!
    .search(q)
    .hits.map((h) => h.id);

describe('search index store', () => {
  it('builds from IndexedDB, only listed offers, with provider, Quartier and contacts', async () => {
    const db = freshDb();
    await seed(db);
    const svc = start(db);
    await svc.ready;
    expect(svc.origin()).toBe('built');
    expect(ids(svc, 'schuldner')).toEqual([service(100).id]);
    expect(ids(svc, 'caritas')).toEqual([service(100).id]);
    expect(ids(svc, 'Heckinghausen')).toEqual([service(100).id]);
    expect(ids(svc, 'Soeren Kuehn')).toEqual([service(100).id]);
    expect(ids(svc, 'beendet')).toEqual([]);
  });

  it('follows every committed change incrementally', async () => {
    const db = freshDb();
    await seed(db);
    const svc = start(db);
    await svc.ready;
    const rev = svc.revision.get();

    await db.services.put(service(103, { name: 'Tafel-Ausgabe', organization_id: org(2).id }));
    await svc.settled();
    expect(ids(svc, 'tafel')).toEqual([service(103).id]);
    expect(svc.revision.get()).toBeGreaterThan(rev);

    // A renamed Träger changes every offer of it.
    await db.organizations.put(org(2, { name: 'Diakonisches Werk Ruhr' }));
    await svc.settled();
    expect(new Set(ids(svc, 'Diakonisches'))).toEqual(new Set([service(101).id, service(103).id]));

    // A removed contact is no longer found; a paused offer drops out.
    await db.contacts.delete(contact(200).id);
    await db.services.put(service(101, { name: 'Sprachcafé', status: 'paused' }));
    await svc.settled();
    expect(ids(svc, 'Kuehn')).toEqual([]);
    expect(ids(svc, 'sprachcafe')).toEqual([]);

    // A bulk write (as a sync page of 500 changes) is followed key by key too.
    await db.services.bulkPut(
      Array.from({ length: 120 }, (_, i) =>
        service(1000 + i, { name: `Nachbarschaftstreff ${i}` }),
      ),
    );
    await svc.settled();
    expect(ids(svc, 'nachbarschaftstreff')).toHaveLength(120);
    expect(svc.engine()!.size).toBe(122);
  });

  it('takes up a district’s own word once it is in the database, and drops it again', async () => {
    const db = freshDb();
    await seed(db);
    const svc = start(db);
    await svc.ready;
    expect(ids(svc, 'Pleitehilfe')).toEqual([]);

    // Written as a pull writes it: the word joins the need "debt" for every offer.
    const word = {
      id: '0ee71e57-c7d0-475f-9727-89f0baaaceb7',
      version: 1,
      updated_at: '2026-11-01T08:00:00.000Z',
      updated_by: null,
      deleted: false,
      visibility: 'public' as const,
      concept: 'debt',
      term: 'Pleitehilfe',
    };
    await db.local_terms.put(word);
    await svc.settled();
    expect(ids(svc, 'Pleitehilfe')).toEqual([service(100).id]);

    // The saved index was built with the word: a cold start loads it instead of rebuilding.
    const cold = start(db);
    await cold.ready;
    expect(cold.origin()).toBe('snapshot');
    expect(ids(cold, 'Pleitehilfe')).toEqual([service(100).id]);
    cold.dispose();

    await db.local_terms.put({ ...word, deleted: true });
    await svc.settled();
    expect(ids(svc, 'Pleitehilfe')).toEqual([]);
  });

  it('starts cold from the saved index and catches up on what changed meanwhile', async () => {
    const db = freshDb();
    await seed(db);
    const first = start(db);
    await first.ready;
    await first.flush();
    // One piece per listed offer.
    expect((await db.searchDocs.toCollection().primaryKeys()).sort()).toEqual(
      [service(100).id, service(101).id].sort(),
    );
    first.dispose();

    // Changes while no index listens (the app was closed); drop what the feed kept.
    await db.services.put(service(104, { name: 'Kleiderkammer', version: 7 }));
    await db.services.delete(service(100).id);
    await db.organizations.put(org(2, { name: 'Johanniter', version: 9 }));
    subscribeChanges(db.name, () => {})();

    const second = start(db);
    await second.ready;
    expect(second.origin()).toBe('snapshot');
    await second.settled();
    expect(ids(second, 'kleiderkammer')).toEqual([service(104).id]);
    expect(ids(second, 'schuldner')).toEqual([]);
    expect(ids(second, 'johanniter')).toEqual([service(101).id]);
  });

  it('rebuilds when the saved pieces are of another format or config, or incomplete', async () => {
    const db = freshDb();
    await seed(db);
    const first = start(db);
    await first.ready;
    await first.flush();
    first.dispose();
    const saved = (await db.meta.get(INDEX_HEADER_KEY))?.value as Record<string, unknown>;
    expect(saved).toMatchObject({ complete: true });

    for (const changed of [
      { ...saved, format: -1 },
      { ...saved, config: 'other taxonomy labels' },
      { ...saved, complete: false },
    ]) {
      await db.meta.put({ key: INDEX_HEADER_KEY, value: changed });
      // A stale piece that a rebuild must not keep.
      await db.searchDocs.put({ id: 'stale', m: {}, t: [] });
      const svc = start(db);
      await svc.ready;
      await svc.flush();
      expect(svc.origin()).toBe('built');
      expect(ids(svc, 'schuldner')).toEqual([service(100).id]);
      expect((await db.meta.get(INDEX_HEADER_KEY))?.value).toEqual(saved);
      expect(await db.searchDocs.get('stale')).toBeUndefined();
      svc.dispose();
    }

    const again = start(db);
    await again.ready;
    expect(again.origin()).toBe('snapshot');
  });

  it('answers from the first pieces of a cold start, and ends equal to a full build', async () => {
    const db = freshDb();
    await seed(db);
    await db.services.bulkPut(
      Array.from({ length: 40 }, (_, i) =>
        service(2000 + i, {
          name: i % 2 ? `Nachbarschaftstreff ${i}` : `Beratung im Treff ${i}`,
          description: i % 3 ? 'Beratung und Begleitung' : 'Offener Treff für alle',
        }),
      ),
    );
    const first = start(db);
    await first.ready;
    await first.flush();
    first.dispose();
    const total = await db.searchDocs.count();
    expect(total).toBe(42);

    const cold = start(db, { pageSize: 5 });
    const seen: { status: SearchStatus; size: number; hits: number }[] = [];
    cold.status.subscribe((status) => {
      const engine = cold.engine();
      seen.push({
        status,
        size: engine?.size ?? 0,
        hits: engine?.search('treff').hits.length ?? 0,
      });
    });
    const steps: { indexed: number; searchable: boolean }[] = [];
    cold.progress.subscribe((p) => {
      steps.push({ indexed: p.indexed, searchable: cold.engine()?.size === p.indexed });
    });
    await cold.ready;
    expect(cold.origin()).toBe('snapshot');

    // 'partial' came first, with an engine that already found offers of the first page.
    expect(seen[0]?.status).toBe('partial');
    expect(seen[0]?.size).toBe(5);
    expect(seen[0]?.hits).toBeGreaterThan(0);
    expect(seen[0]?.hits).toBeLessThanOrEqual(5);
    expect(seen.at(-1)?.status).toBe('ready');
    // Page by page, each one searchable as it arrives.
    expect(steps.map((s) => s.indexed)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 42]);
    expect(steps.every((s) => s.searchable)).toBe(true);
    expect(cold.progress.get()).toEqual({ indexed: total, total });

    // Same hits, same order, same scores as an index built from the records.
    const { engine: built } = await buildFromDb(db);
    const loaded = cold.engine()!;
    for (const q of ['treff', 'beratung', 'Nachbarschaft', 'begleitng', 'caritas', '']) {
      expect(loaded.search(q).hits, q).toEqual(built.search(q).hits);
    }
    expect(loaded.nearTerms('nachbarschafstreff')).toEqual(built.nearTerms('nachbarschafstreff'));
  });

  it('writes only the changed offer’s piece', async () => {
    const writes: { table: string; type: string; keys: string[] }[] = [];
    const counter: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'count-search-writes',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          if (!name.startsWith('search')) return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              const keys =
                req.type === 'put' || req.type === 'add'
                  ? req.values.map((v) =>
                      String(
                        (v as { id?: string; term?: string }).id ?? (v as { term: string }).term,
                      ),
                    )
                  : req.type === 'delete'
                    ? req.keys.map(String)
                    : ['<range>'];
              writes.push({ table: name, type: req.type, keys });
              return table.mutate(req);
            },
          };
        },
      }),
    };
    const db = freshDb();
    db.use(counter);
    await seed(db);
    await db.services.bulkPut(
      Array.from({ length: 50 }, (_, i) => service(3000 + i, { name: `Kleiderkammer ${i}` })),
    );
    const svc = start(db);
    await svc.ready;
    await svc.settled();
    const piecesWritten = writes
      .filter((w) => w.table === 'searchDocs' && w.type === 'put')
      .reduce((n, w) => n + w.keys.length, 0);
    expect(piecesWritten).toBe(52);

    writes.length = 0;
    await db.services.put(service(101, { name: 'Sprachcafé Kleiderkammer' }));
    await svc.settled();
    expect(writes).toEqual([{ table: 'searchDocs', type: 'put', keys: [service(101).id] }]);
    // Other Kleiderkammer offers follow as best matches; the one with both words leads.
    expect(ids(svc, 'sprachcafe kleiderkammer')[0]).toBe(service(101).id);

    // A new word is saved with the piece; a removed offer deletes its piece only.
    writes.length = 0;
    await db.services.put(service(3001, { name: 'Fahrradwerkstatt' }));
    await db.services.delete(service(3002).id);
    await svc.settled();
    expect(writes.filter((w) => w.table === 'searchDocs')).toEqual([
      { table: 'searchDocs', type: 'put', keys: [service(3001).id] },
      { table: 'searchDocs', type: 'delete', keys: [service(3002).id] },
    ]);
    expect(writes.find((w) => w.table === 'searchTerms')?.keys).toContain('fahrradwerkstatt');

    // And a cold start finds both changes in the pieces, with nothing to catch up on.
    svc.dispose();
    const cold = start(db);
    await cold.ready;
    expect(cold.origin()).toBe('snapshot');
    expect(ids(cold, 'fahrradwerkstatt')).toEqual([service(3001).id]);
    expect(cold.engine()!.has(service(3002).id)).toBe(false);
    expect(cold.engine()!.size).toBe(51);
  });
});
