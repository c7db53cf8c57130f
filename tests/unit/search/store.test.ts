/**
 * The search index and IndexedDB: built once, saved, loaded on a cold start instead of
 * rebuilt, and kept current change by change — whoever writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { subscribeChanges } from '../../../src/db/changeFeed';
import { createDb } from '../../../src/db/db';
import type { WegweiserDB } from '../../../src/db/schema';
import { createSearchService, type SearchService, SNAPSHOT_KEY } from '../../../src/search/store';
import { contact, location, org, service } from '../ui/helpers';

let n = 0;
const open: { db: WegweiserDB; svc: SearchService[] }[] = [];

function freshDb(): WegweiserDB {
  const db = createDb(`search-store-${Date.now()}-${++n}`);
  open.push({ db, svc: [] });
  return db;
}

function start(db: WegweiserDB): SearchService {
  const svc = createSearchService(db);
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

const ids = (svc: SearchService, q: string) =>
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

  it('starts cold from the saved index and catches up on what changed meanwhile', async () => {
    const db = freshDb();
    await seed(db);
    const first = start(db);
    await first.ready;
    await first.flush();
    expect((await db.meta.get(SNAPSHOT_KEY))?.value).toBeTruthy();
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

  it('rebuilds when the saved index is of another format', async () => {
    const db = freshDb();
    await seed(db);
    await db.meta.put({ key: SNAPSHOT_KEY, value: { format: -1, config: 'x', json: '{}' } });
    const svc = start(db);
    await svc.ready;
    expect(svc.origin()).toBe('built');
    expect(ids(svc, 'schuldner')).toEqual([service(100).id]);
  });
});
