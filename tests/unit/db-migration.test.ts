import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, createDbStatusStore, openDb } from '../../src/db/db';
import { DB_VERSION, STORES_V1, STORES_V2, STORES_V3, type WegweiserDB } from '../../src/db/schema';
import {
  contact,
  destroy,
  location,
  org,
  referral,
  schedule,
  service,
  uid,
  uniqueName,
} from './db.fixtures';

const v1Data = {
  organizations: [org(1), org(2, { name: 'Diakonie Wuppertal' })],
  locations: [location(10), location(11, { quartier: 'Oberbarmen' })],
  services: [
    service(100, { name: 'Zentrum für Arbeit', location_ids: [uid(10)] }),
    service(101, { name: '„Jobcenter vor Ort“', target_groups: ['langzeitarbeitslose'] }),
    service(102, {
      name: 'Ärztliche Sprechstunde für Wohnungslose',
      target_groups: ['wohnungslose'],
    }),
    service(103, { name: 'beratung für Alleinerziehende', target_groups: ['alleinerziehende'] }),
    service(104, { name: 'Abgeschlossenes Projekt', status: 'ended' }),
    service(105, { name: 'Öffentliche Bücherstube', status: 'paused' }),
  ],
  schedules: [schedule(200, { service_id: uid(100), location_id: uid(10) })],
  contacts: [contact(300, { service_id: uid(100), visibility: 'internal' })],
  referrals: [referral(400)],
  outbox: [
    {
      seq: 1,
      mutationId: 'm-1',
      table: 'referrals',
      recordId: uid(400),
      op: 'upsert',
      userEmail: null,
      createdAt: '2025-03-01T10:00:00.000Z',
      payload: referral(400),
    },
  ],
  meta: [
    { key: 'cursor', value: '4711' },
    { key: 'lastSyncAt', value: '2025-03-01T09:00:00.000Z' },
  ],
} as const;

async function seedV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(STORES_V1);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, rows] of Object.entries(v1Data)) await v1.table(table).bulkAdd([...rows]);
  });
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('version 1 → current migration', () => {
  let db: WegweiserDB | undefined;
  afterEach(async () => {
    if (db) await destroy(db);
    db = undefined;
  });

  it('keeps every row of every table and fills the derived index', async () => {
    const name = uniqueName();
    await seedV1(name);

    const status = createDbStatusStore();
    db = await openDb(createDb(name, { status }));
    expect(db.verno).toBe(DB_VERSION);
    expect(status.get()).toEqual({ state: 'ready', error: null });
    expect(db.backendDB().version).toBe(DB_VERSION * 10);

    for (const [table, rows] of Object.entries(v1Data)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      // Derived fields are extra; every original field must be unchanged.
      for (const row of rows) expect(stored, table).toContainEqual(expect.objectContaining(row));
    }

    // The new sparse index: listed services only, in German alphabetical order.
    const listed = await db.services
      .where('[listed+sort_name]')
      .between([1, Dexie.minKey], [1, Dexie.maxKey])
      .toArray();
    expect(listed.map((s) => s.name)).toEqual([
      'Ärztliche Sprechstunde für Wohnungslose',
      'beratung für Alleinerziehende',
      '„Jobcenter vor Ort“',
      'Zentrum für Arbeit',
    ]);
    expect(await db.services.where('listed').equals(1).count()).toBe(4);
    const ended = await db.services.get(uid(104));
    expect(ended?.sort_name).toBe('abgeschlossenes projekt');
    expect(ended?.listed).toBeUndefined();
  });

  it('keeps the derived fields right on later writes', async () => {
    const name = uniqueName();
    await seedV1(name);
    db = await openDb(createDb(name, { status: createDbStatusStore() }));

    await db.services.update(uid(100), { status: 'paused' });
    await db.services.put(service(106, { name: 'Straßensozialarbeit' }));

    expect((await db.services.get(uid(100)))?.listed).toBeUndefined();
    expect((await db.services.get(uid(106)))?.sort_name).toBe('strassensozialarbeit');
    expect(await db.services.where('listed').equals(1).count()).toBe(4);
  });

  it('creates a new database directly at the current version', async () => {
    db = await openDb(createDb(uniqueName(), { status: createDbStatusStore() }));
    expect(db.verno).toBe(DB_VERSION);
    expect(db.services.schema.idxByName['[listed+sort_name]']).toBeDefined();
    expect(db.searchDocs.schema.primKey.keyPath).toBe('id');
  });
});

describe('version 2 → 3 migration', () => {
  let db: WegweiserDB | undefined;
  afterEach(async () => {
    if (db) await destroy(db);
    db = undefined;
  });

  it('drops the one-string search index, keeps every other row, adds the piece tables', async () => {
    const name = uniqueName();
    const v2 = new Dexie(name);
    v2.version(2).stores(STORES_V2);
    await v2.open();
    await v2.table('services').bulkAdd([...v1Data.services]);
    await v2
      .table('meta')
      .bulkAdd([
        ...v1Data.meta,
        { key: 'search.index', value: { format: 2, config: 'x', json: '{"index":{}}' } },
      ]);
    v2.close();

    db = await openDb(createDb(name, { status: createDbStatusStore() }));
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.meta.get('search.index')).toBeUndefined();
    expect(await db.meta.toArray()).toEqual([...v1Data.meta]);
    expect(await db.services.count()).toBe(v1Data.services.length);
    expect(await db.searchDocs.count()).toBe(0);
    expect(await db.searchTerms.count()).toBe(0);
  });
});

describe('version 3 → 4 migration', () => {
  let db: WegweiserDB | undefined;
  afterEach(async () => {
    if (db) await destroy(db);
    db = undefined;
  });

  it('keeps every row and its outbox, adds an empty table of local search words', async () => {
    const name = uniqueName();
    const v3 = new Dexie(name);
    v3.version(3).stores(STORES_V3);
    await v3.open();
    await v3.table('services').bulkAdd([...v1Data.services]);
    await v3.table('meta').bulkAdd([...v1Data.meta]);
    await v3.table('searchTerms').add({ term: 'schuld', surface: 'Schulden' });
    v3.close();

    db = await openDb(createDb(name, { status: createDbStatusStore() }));
    expect(db.verno).toBe(4);
    expect(await db.services.toArray()).toEqual(
      expect.arrayContaining(v1Data.services.map((s) => expect.objectContaining({ id: s.id }))),
    );
    expect(await db.services.count()).toBe(v1Data.services.length);
    expect(await db.meta.toArray()).toEqual([...v1Data.meta]);
    expect(await db.searchTerms.count()).toBe(1);
    expect(await db.local_terms.count()).toBe(0);
    expect(db.local_terms.schema.idxByName.concept).toBeDefined();
  });
});
