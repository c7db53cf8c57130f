import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, createDbStatusStore } from '../../src/db/db';
import { countByTargetGroup, readOffer } from '../../src/db/offers';
import type { WegweiserDB } from '../../src/db/schema';
import type { Change } from '../../src/model';
import { applyPullPage } from '../../src/sync/apply';
import { SyncError } from '../../src/sync/errors';
import {
  contact,
  destroy,
  freshDb,
  location,
  org,
  page,
  referral,
  schedule,
  service,
  tombstone,
  uid,
  uniqueName,
  upsert,
} from './db.fixtures';

const cursorOf = async (db: WegweiserDB) => (await db.meta.get('cursor'))?.value;

let db: WegweiserDB;
afterEach(async () => {
  await destroy(db);
});

describe('applyPullPage', () => {
  it('applies a page of every table and stores the cursor', async () => {
    db = freshDb().db;
    const result = await applyPullPage(
      db,
      page(
        [
          upsert('organizations', org(1, { version: 1 })),
          upsert('locations', location(10, { version: 2 })),
          upsert('services', service(100, { version: 3, location_ids: [uid(10)] })),
          upsert('schedules', schedule(200, { version: 4 })),
          upsert('contacts', contact(300, { version: 5, service_id: uid(100) })),
          upsert('referrals', referral(400, { version: 6 })),
        ],
        '6',
      ),
    );
    expect(result).toEqual({ upserted: 6, deleted: 0, invalid: 0, stale: 0, unknownTable: 0 });
    expect(await cursorOf(db)).toBe('6');
    const detail = await readOffer(db, uid(100));
    expect(detail?.schedules).toHaveLength(1);
    expect(detail?.contacts).toHaveLength(1);
    expect(await db.referrals.count()).toBe(1);
  });

  it('deletes the local row on a tombstone, also when only data.deleted says so', async () => {
    db = freshDb().db;
    await applyPullPage(
      db,
      page([upsert('services', service(100)), upsert('services', service(101))], '1'),
    );
    expect((await countByTargetGroup(db)).jugendliche).toBe(2);

    const result = await applyPullPage(
      db,
      page(
        [
          tombstone('services', uid(100), 7),
          upsert('services', service(101, { version: 8, deleted: true })),
          tombstone('schedules', uid(999), 9),
        ],
        '9',
      ),
    );
    expect(result).toMatchObject({ deleted: 2, upserted: 0 });
    expect(await db.services.count()).toBe(0);
    expect((await countByTargetGroup(db)).jugendliche).toBe(0);
  });

  it('commits nothing, not even the cursor, when a write fails', async () => {
    const failSchedules: Middleware<DBCore> = {
      stack: 'dbcore',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'schedules') return table;
          return {
            ...table,
            mutate: () =>
              Promise.reject(
                new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
              ),
          };
        },
      }),
    };
    db = createDb(uniqueName(), { status: createDbStatusStore() });
    db.use(failSchedules);
    await applyPullPage(db, page([upsert('organizations', org(1))], '1'));

    const error = await applyPullPage(
      db,
      page(
        [
          upsert('organizations', org(2, { version: 2 })),
          upsert('services', service(100, { version: 3 })),
          upsert('schedules', schedule(200, { version: 4 })),
        ],
        '4',
      ),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(await cursorOf(db)).toBe('1');
    expect(await db.organizations.count()).toBe(1);
    expect(await db.services.count()).toBe(0);
  });

  it('skips and counts invalid records but applies the rest of the page', async () => {
    db = freshDb().db;
    const result = await applyPullPage(
      db,
      page(
        [
          upsert('services', service(100)),
          upsert('services', { ...service(101), email: 'keine-adresse' } as never),
          upsert('services', { ...service(102), organization_id: undefined } as never),
          upsert('contacts', {
            ...contact(300),
            url: 'javascript:alert(1)',
            phone: 'abc',
          } as never),
          // id of the envelope and of the record disagree
          { ...upsert('organizations', org(1)), id: uid(2) },
          // a referral must not carry extra (personal) fields
          upsert('referrals', { ...referral(400), name: 'Max Mustermann' } as never),
          { table: 'services', id: uid(103), version: -1, deleted: false, data: service(103) },
          null as unknown as Change,
        ],
        '5',
      ),
    );
    expect(result).toMatchObject({ upserted: 1, invalid: 7 });
    expect(await db.services.toCollection().primaryKeys()).toEqual([uid(100)]);
    expect(await cursorOf(db)).toBe('5');
  });

  it('ignores tables it does not know (a newer server)', async () => {
    db = freshDb().db;
    const result = await applyPullPage(
      db,
      page(
        [
          {
            table: 'events',
            id: uid(1),
            version: 1,
            deleted: false,
            data: { id: uid(1) },
          } as never,
          upsert('organizations', org(1)),
        ],
        '2',
      ),
    );
    expect(result).toMatchObject({ unknownTable: 1, upserted: 1, invalid: 0 });
    expect(db.tables.map((t) => t.name)).not.toContain('events');
  });

  it('never lets an older version overwrite or delete a newer local row', async () => {
    db = freshDb().db;
    await applyPullPage(
      db,
      page(
        [
          upsert('services', service(100, { version: 5, name: 'Neu' })),
          upsert('services', service(101, { version: 5 })),
        ],
        '5',
      ),
    );
    const result = await applyPullPage(
      db,
      page(
        [
          upsert('services', service(100, { version: 3, name: 'Alt' })),
          tombstone('services', uid(101), 4),
        ],
        '6',
      ),
    );
    expect(result).toMatchObject({ stale: 2, upserted: 0, deleted: 0 });
    expect((await db.services.get(uid(100)))?.name).toBe('Neu');
    expect(await db.services.get(uid(101))).toBeDefined();

    await applyPullPage(
      db,
      page([upsert('services', service(100, { version: 6, name: 'Neuer' }))], '7'),
    );
    expect((await db.services.get(uid(100)))?.name).toBe('Neuer');
  });

  it('still finds a stale change among newer ones of the same page, and deletes on a tombstone', async () => {
    db = freshDb().db;
    await applyPullPage(
      db,
      page(
        [
          upsert('services', service(100, { version: 5, name: 'Neu' })),
          upsert('services', service(101, { version: 2 })),
          upsert('services', service(102, { version: 3 })),
        ],
        '5',
      ),
    );
    const result = await applyPullPage(
      db,
      page(
        [
          upsert('services', service(100, { version: 4, name: 'Alt' })),
          upsert('services', service(101, { version: 7, name: 'Neuer' })),
          tombstone('services', uid(102), 8),
          tombstone('services', uid(103), 9),
        ],
        '9',
      ),
    );
    expect(result).toMatchObject({ stale: 1, upserted: 1, deleted: 1 });
    expect((await db.services.get(uid(100)))?.name).toBe('Neu');
    expect((await db.services.get(uid(101)))?.name).toBe('Neuer');
    expect(await db.services.get(uid(102))).toBeUndefined();
  });

  it('reads every row of the page when the local versions are not all numbers', async () => {
    db = freshDb().db;
    await applyPullPage(db, page([upsert('services', service(101, { version: 1 }))], '1'));
    // A row as some older client may have left it: its version sorts above every number.
    await db.services.put({ ...service(100), version: '50' as never });
    await db.services.put({ ...service(102), version: 90 });
    const result = await applyPullPage(
      db,
      page(
        [
          upsert('services', service(100, { version: 60, name: 'Vom Server' })),
          upsert('services', service(102, { version: 80, name: 'Alt' })),
        ],
        '80',
      ),
    );
    expect(result).toMatchObject({ stale: 1, upserted: 1 });
    expect((await db.services.get(uid(100)))?.name).toBe('Vom Server');
    expect((await db.services.get(uid(102)))?.version).toBe(90);
  });

  it('reads no stored row for changes newer than everything on the device (a first sync)', async () => {
    const reads: string[] = [];
    const countReads: Middleware<DBCore> = {
      stack: 'dbcore',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            getMany: (req) => {
              reads.push(...req.keys.map((k) => `${name}/${String(k)}`));
              return table.getMany(req);
            },
          };
        },
      }),
    };
    db = createDb(uniqueName(), { status: createDbStatusStore() });
    db.use(countReads);
    await applyPullPage(db, page([upsert('services', service(100, { version: 1 }))], '1'));
    await applyPullPage(
      db,
      page(
        [
          upsert('services', service(101, { version: 2 })),
          upsert('services', service(100, { version: 3, name: 'Neuer' })),
          tombstone('services', uid(102), 4),
        ],
        '4',
      ),
    );
    expect(reads).toEqual([`services/${uid(102)}`]);
    expect((await db.services.get(uid(100)))?.name).toBe('Neuer');
    expect(await db.services.count()).toBe(2);
  });

  it('keeps the newest of several changes to one record and trusts the envelope version', async () => {
    db = freshDb().db;
    await applyPullPage(
      db,
      page(
        [
          { ...upsert('services', service(100, { version: 1, name: 'Zweite' })), version: 9 },
          upsert('services', service(100, { version: 4, name: 'Erste' })),
        ],
        '9',
      ),
    );
    const stored = await db.services.get(uid(100));
    expect(stored).toMatchObject({ name: 'Zweite', version: 9 });
  });

  it('rejects a page that is not a page', async () => {
    db = freshDb().db;
    await expect(applyPullPage(db, { changes: 'x', cursor: 1 } as never)).rejects.toBeInstanceOf(
      SyncError,
    );
  });
});
