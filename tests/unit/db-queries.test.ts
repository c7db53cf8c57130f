import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countByTargetGroup,
  dataStatus,
  getServiceDetail,
  listSchedulesWithService,
  listServices,
} from '../../src/db/queries';
import type { WegweiserDB } from '../../src/db/schema';
import { applyPullPage } from '../../src/sync/apply';
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
});

describe('listServices', () => {
  it('lists active services in German order with paging', async () => {
    const all = await listServices({}, db);
    expect(all.total).toBe(3);
    expect(all.items.map((s) => s.name)).toEqual([
      'Familiencoaches',
      'Jugendberufsagentur',
      'Übergang Schule–Beruf',
    ]);
    const second = await listServices({ offset: 1, limit: 1 }, db);
    expect(second).toMatchObject({ total: 3, items: [{ name: 'Jugendberufsagentur' }] });
  });

  it('filters by target group, category and Quartier', async () => {
    const names = async (f: Parameters<typeof listServices>[0]) =>
      (await listServices(f, db)).items.map((s) => s.name);
    expect(await names({ targetGroup: 'jugendliche' })).toEqual([
      'Jugendberufsagentur',
      'Übergang Schule–Beruf',
    ]);
    expect(await names({ category: 'arbeit' })).toEqual(['Jugendberufsagentur']);
    expect(await names({ quartier: 'Oberbarmen' })).toEqual([
      'Familiencoaches',
      'Jugendberufsagentur',
    ]);
    expect(await names({ quartier: 'Heckinghausen', targetGroup: 'jugendliche' })).toEqual([
      'Übergang Schule–Beruf',
    ]);
    expect(await names({ quartier: 'Nirgendwo' })).toEqual([]);
  });

  it('shows paused and ended offers only when asked, deleted ones never', async () => {
    const { items } = await listServices({ includeInactive: true }, db);
    expect(items.map((s) => s.name)).toEqual([
      'Beendetes Projekt',
      'Familiencoaches',
      'Jugendberufsagentur',
      'Pausiertes Café',
      'Übergang Schule–Beruf',
    ]);
  });
});

describe('getServiceDetail', () => {
  it('joins organization, locations, schedules and contacts without deleted ones', async () => {
    const detail = await getServiceDetail(uid(100), db);
    expect(detail?.service.name).toBe('Übergang Schule–Beruf');
    expect(detail?.organization?.name).toBe('Caritasverband');
    expect(detail?.locations.map((l) => l.id)).toEqual([uid(10)]);
    expect(detail?.schedules.map((s) => s.id).sort()).toEqual([uid(200), uid(201)]);
    expect(detail?.contacts.map((c) => c.name)).toEqual(['Ayşe Demir', 'Zoe Yilmaz']);
    expect(detail?.organizationContacts.map((c) => c.name)).toEqual(['Zentrale']);
  });

  it('returns null for unknown and deleted services', async () => {
    expect(await getServiceDetail(uid(999), db)).toBeNull();
    expect(await getServiceDetail(uid(104), db)).toBeNull();
  });
});

describe('listSchedulesWithService', () => {
  it('lists hours of active services, by service name then time', async () => {
    const entries = await listSchedulesWithService({}, db);
    expect(entries.map((e) => [e.service.name, e.schedule.opens_at, e.location?.name])).toEqual([
      ['Familiencoaches', '15:00', 'Stadtteilzentrum 11'],
      ['Übergang Schule–Beruf', '09:00', 'Stadtteilzentrum 10'],
      ['Übergang Schule–Beruf', '14:00', 'Stadtteilzentrum 10'],
    ]);
    const oberbarmen = await listSchedulesWithService({ quartier: 'Oberbarmen' }, db);
    expect(oberbarmen.map((e) => e.schedule.id)).toEqual([uid(204)]);
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
      outbox: 0,
    });
    expect(status).toMatchObject({
      cursor: '77',
      lastSyncAt: '2025-03-01T10:00:00.000Z',
      lastError: null,
    });
  });
});
