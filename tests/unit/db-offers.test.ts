import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataStatus } from '../../src/db/dataStatus';
import {
  countByTargetGroup,
  countListed,
  isListed,
  LOCAL_FIELDS,
  readOffer,
  readOffers,
  stripLocalFields,
  withDerivedServiceFields,
} from '../../src/db/offers';
import type { WegweiserDB } from '../../src/db/schema';
import { listSchedulesWithService } from '../../src/features/sprechstunden/queries';
import { applyPullPage } from '../../src/sync/apply';
import { fieldsOfNewRecord } from '../../src/sync/outbox';
import { diffFields } from '../../src/sync/outboxEdit';
import {
  contact,
  destroy,
  freshDb,
  location,
  org,
  page,
  schedule,
  service,
  tombstone,
  uid,
} from './db.fixtures';

let db: WegweiserDB;

beforeEach(async () => {
  db = freshDb().db;
  await db.organizations.bulkPut([org(1, { name: 'Caritasverband' }), org(2)]);
  await db.locations.bulkPut([
    location(10, { quartier: 'Heckinghausen' }),
    location(11, { quartier: 'Oberbarmen' }),
    location(12, { quartier: 'Oberbarmen', deleted: true }),
  ]);
  await db.services.bulkPut([
    service(100, {
      name: 'Übergang Schule–Beruf',
      target_groups: ['jugendliche', 'alleinerziehende'],
      categories: ['schule-beruf'],
      location_ids: [uid(10), uid(12)],
    }),
    service(101, {
      name: 'Jugendberufsagentur',
      target_groups: ['jugendliche'],
      categories: ['arbeit'],
      location_ids: [uid(11)],
    }),
    service(102, { name: 'Pausiertes Café', status: 'paused', location_ids: [uid(10)] }),
    service(103, { name: 'Beendetes Projekt', status: 'ended' }),
    // A soft-deleted row (e.g. a pending local delete) must never show either.
    service(104, { name: 'Gelöschtes Angebot', deleted: true, location_ids: [uid(10)] }),
    service(105, {
      name: 'Familiencoaches',
      target_groups: ['familien', 'eigene-zielgruppe'],
      organization_id: uid(2),
      location_ids: [uid(11)],
    }),
  ]);
  await db.schedules.bulkPut([
    schedule(200, { service_id: uid(100), location_id: uid(10), opens_at: '14:00' }),
    schedule(201, { service_id: uid(100), location_id: uid(10), opens_at: '09:00' }),
    schedule(202, { service_id: uid(100), deleted: true }),
    schedule(203, { service_id: uid(102), location_id: uid(10) }),
    schedule(204, { service_id: uid(105), location_id: uid(11) }),
    schedule(205, { service_id: uid(104), location_id: uid(10) }),
  ]);
  await db.contacts.bulkPut([
    contact(300, { service_id: uid(100), name: 'Zoe Yilmaz' }),
    contact(301, { service_id: uid(100), name: 'Ayşe Demir', visibility: 'internal' }),
    contact(302, { service_id: uid(100), deleted: true }),
    contact(303, { organization_id: uid(1), name: 'Zentrale' }),
    contact(304, { organization_id: uid(1), service_id: uid(101), name: 'Andere' }),
  ]);
});

afterEach(async () => {
  await destroy(db);
});

describe('countByTargetGroup', () => {
  it('counts active, non-deleted services per target group', async () => {
    const counts = await countByTargetGroup(db);
    expect(counts).toMatchObject({
      jugendliche: 2,
      alleinerziehende: 1,
      familien: 1,
      'eigene-zielgruppe': 1,
      wohnungslose: 0,
    });
  });

  it('follows a tombstone from the sync', async () => {
    await applyPullPage(db, page([tombstone('services', uid(101), 9)], '9'));
    expect((await countByTargetGroup(db)).jugendliche).toBe(1);
  });

  /** The counts as the rule says, from every row. */
  const byRule = async () => {
    const counts: Record<string, number> = {};
    for (const s of (await db.services.toArray()).filter(isListed)) {
      for (const g of new Set(s.target_groups)) counts[g] = (counts[g] ?? 0) + 1;
    }
    return counts;
  };

  it.each([
    ['unlisted offers only inactive (counted, then taken off)', false],
    ['an unlisted row with status active (the listed keys are read)', true],
  ])('%s: the same counts as the rule', async (_, keepDeleted) => {
    if (!keepDeleted) await db.services.delete(uid(104));
    await db.services.update(uid(102), { target_groups: ['jugendliche', 'jugendliche'] });
    await db.services.update(uid(103), { target_groups: ['familien', 'wohnungslose'] });
    await db.services.update(uid(104), { target_groups: ['jugendliche'] });
    const counts = await countByTargetGroup(db);
    expect(counts).toMatchObject(await byRule());
    expect(counts).toMatchObject({ jugendliche: 2, familien: 1, wohnungslose: 0 });
  });
});

describe('readOffers', () => {
  it('reads many offers in one call, in the given order, with their rows', async () => {
    const { offers, gone } = await readOffers(db, [uid(105), uid(100), uid(102)]);
    expect(gone).toEqual([]);
    expect(offers.map((o) => o.service.id)).toEqual([uid(105), uid(100), uid(102)]);
    const [coaches, schule, cafe] = offers;
    expect(coaches?.organization?.id).toBe(uid(2));
    expect(coaches?.schedules.map((s) => s.id)).toEqual([uid(204)]);
    expect(schule?.contacts.map((c) => c.name)).toEqual(['Ayşe Demir', 'Zoe Yilmaz']);
    // Paused offers are live: whoever lists decides with isListed.
    expect(cafe?.service.status).toBe('paused');
  });

  it('reports unknown and deleted offers as gone and drops deleted rows', async () => {
    const { offers, gone } = await readOffers(db, [uid(104), uid(100), uid(999)]);
    expect(gone).toEqual([uid(104), uid(999)]);
    const [schule] = offers;
    expect(offers).toHaveLength(1);
    expect(schule?.locations.map((l) => l.id)).toEqual([uid(10)]);
    expect(schule?.schedules.map((s) => s.id).sort()).toEqual([uid(200), uid(201)]);
    expect(schule?.contacts.map((c) => c.id)).not.toContain(uid(302));
  });

  it('follows a tombstone from the sync', async () => {
    await applyPullPage(db, page([tombstone('services', uid(101), 9)], '9'));
    expect((await readOffers(db, [uid(101)])).gone).toEqual([uid(101)]);
    expect((await readOffers(db, 'listed')).offers.map((o) => o.service.id)).not.toContain(
      uid(101),
    );
  });

  it('keeps the order of location_ids, not of the table', async () => {
    await db.locations.put(location(13, { quartier: 'Barmen' }));
    await db.services.update(uid(101), { location_ids: [uid(13), uid(12), uid(11)] });
    const [offer] = (await readOffers(db, [uid(101)])).offers;
    expect(offer?.locations.map((l) => l.id)).toEqual([uid(13), uid(11)]);
  });

  it("'listed' reads the listed offers in German order", async () => {
    const { offers, gone } = await readOffers(db, 'listed');
    expect(gone).toEqual([]);
    expect(offers.map((o) => o.service.name)).toEqual([
      'Familiencoaches',
      'Jugendberufsagentur',
      'Übergang Schule–Beruf',
    ]);
    expect(offers.find((o) => o.service.id === uid(101))?.contacts.map((c) => c.id)).toEqual([
      uid(304),
    ]);
    expect(await countListed(db)).toBe(3);
  });

  it('reads nothing for no ids', async () => {
    expect(await readOffers(db, [])).toEqual({ offers: [], gone: [] });
  });
});

describe('readOffer', () => {
  it('joins organization, locations, schedules and contacts without deleted ones', async () => {
    const detail = await readOffer(db, uid(100));
    expect(detail?.service.name).toBe('Übergang Schule–Beruf');
    expect(detail?.organization?.name).toBe('Caritasverband');
    expect(detail?.locations.map((l) => l.id)).toEqual([uid(10)]);
    expect(detail?.schedules.map((s) => s.id).sort()).toEqual([uid(200), uid(201)]);
    expect(detail?.contacts.map((c) => c.name)).toEqual(['Ayşe Demir', 'Zoe Yilmaz']);
    expect(detail?.organizationContacts.map((c) => c.name)).toEqual(['Zentrale']);
  });

  it('returns null for unknown and deleted services', async () => {
    expect(await readOffer(db, uid(999))).toBeNull();
    expect(await readOffer(db, uid(104))).toBeNull();
  });
});

describe('listSchedulesWithService', () => {
  it('lists hours of active services, by service name then time', async () => {
    const entries = await listSchedulesWithService(db);
    expect(entries.map((e) => [e.service.name, e.schedule.opens_at, e.location?.name])).toEqual([
      ['Familiencoaches', '15:00', 'Stadtteilzentrum 11'],
      ['Übergang Schule–Beruf', '09:00', 'Stadtteilzentrum 10'],
      ['Übergang Schule–Beruf', '14:00', 'Stadtteilzentrum 10'],
    ]);
    const oberbarmen = await listSchedulesWithService(db, { quartier: 'Oberbarmen' });
    expect(oberbarmen.map((e) => e.schedule.id)).toEqual([uid(204)]);
  });

  it("finds a place that is not among the offer's locations", async () => {
    await db.schedules.put(schedule(206, { service_id: uid(101), location_id: uid(10) }));
    const hours = await listSchedulesWithService(db, { serviceId: uid(101) });
    expect(hours.map((e) => e.location?.quartier)).toEqual(['Heckinghausen']);
    const gone = await listSchedulesWithService(db, { quartier: 'Heckinghausen' });
    expect(gone.map((e) => e.schedule.id)).toContain(uid(206));
  });
});

describe('dataStatus', () => {
  it('counts rows per table and reports the sync meta', async () => {
    await applyPullPage(db, page([], '77'));
    await db.meta.put({ key: 'lastSyncAt', value: '2025-03-01T10:00:00.000Z' });
    const status = await dataStatus(db);
    expect(status.counts).toEqual({
      organizations: 2,
      locations: 3,
      services: 6,
      schedules: 6,
      contacts: 5,
      referrals: 0,
      local_terms: 0,
      outbox: 0,
    });
    expect(status).toMatchObject({
      cursor: '77',
      lastSyncAt: '2025-03-01T10:00:00.000Z',
      lastError: null,
    });
  });
});

describe('local-only fields', () => {
  const stored = withDerivedServiceFields({
    ...service(100, { name: 'Ärztehaus' }),
    local_state: 'pending',
  });

  it('derives the sort key and the listed mark, and clears a stale mark', () => {
    expect(stored).toMatchObject({ sort_name: expect.any(String), listed: 1 });
    expect(withDerivedServiceFields({ ...stored, status: 'paused' })).not.toHaveProperty('listed');
  });

  it('strips exactly the local fields', () => {
    const stripped = stripLocalFields(stored);
    for (const f of LOCAL_FIELDS) expect(stripped).not.toHaveProperty(f);
    expect(stripped).toEqual(service(100, { name: 'Ärztehaus' }));
  });

  it('never sends them', () => {
    for (const f of LOCAL_FIELDS) expect(fieldsOfNewRecord(stored)).not.toHaveProperty(f);
    const diff = diffFields(stored, {
      ...stored,
      sort_name: 'x',
      listed: undefined,
      local_state: 'conflict',
    });
    expect(diff).toEqual({});
  });
});
