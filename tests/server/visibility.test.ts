import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationInput, PushResult } from '../../protocol';
import { createApp } from '../../server/app';
import { MIGRATIONS_DIR, migrate } from '../../server/migrate';
import { createChangeHub } from '../../server/notify';
import { deleteRecord, upsertRecords } from '../../server/records';
import { META_KEYS, type WegweiserDB } from '../../src/db/schema';
import { type PullResponse, TABLE_NAMES, type TableName } from '../../src/model';
import { pullAll as clientPull } from '../../src/sync/pull';
import { destroy, freshDb } from '../unit/db.fixtures';
import {
  account,
  backends,
  bearer,
  contact,
  openMigrated,
  org,
  service,
  type TestDb,
} from './helpers';
import { SseReader } from './sse';

type Fields = Record<string, unknown>;

/**
 * Residents see an offer's schedules and contacts only while the offer is public too, with
 * a coordinator writing through push and residents reading through anonymous pull (from the
 * start and from an old cursor, the latter with the real client into IndexedDB) and SSE.
 */
describe.each(backends)('inherited visibility on $name', (backend) => {
  let t: TestDb;
  let url: string;
  let close: () => Promise<void>;
  let coordinator: string;
  /** The coordinator's view: every record as the internal pull last sent it. */
  const known = new Map<string, Fields>();
  let internalCursor = '';
  /** A resident's device that keeps syncing from its cursor. */
  let resident: WegweiserDB;
  let events: SseReader;
  let lastEvent = 0;
  /** Every id residents must never learn, not even from a tombstone. */
  const neverPublic = new Set<string>();

  beforeAll(async () => {
    t = await openMigrated(backend);
    const hub = createChangeHub(t.db);
    const server = serve({
      fetch: createApp({ db: t.db, hub, distDir: '/nonexistent', heartbeatMs: 60_000 }).fetch,
      port: 0,
      hostname: '127.0.0.1',
    }) as Server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    coordinator = (await account(t.db, 'coordinator')).token;
    resident = freshDb().db;
    events = new SseReader(await fetch(`${url}/api/sync/events`));
    lastEvent = (await events.nextVersion()) as number;
  });
  afterAll(async () => {
    await events?.close();
    if (resident) await destroy(resident);
    await close?.();
    await t?.destroy();
  });

  async function pullPages(since: string, headers: Record<string, string> = {}) {
    const changes: PullResponse['changes'] = [];
    const bodies: string[] = [];
    let cursor = since;
    for (;;) {
      const res = await fetch(`${url}/api/sync/pull?since=${cursor}&limit=3`, { headers });
      expect(res.status).toBe(200);
      const body = await res.text();
      bodies.push(body);
      const page = JSON.parse(body) as PullResponse;
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return { changes, cursor, body: bodies.join('\n') };
    }
  }

  async function syncCoordinator() {
    const { changes, cursor } = await pullPages(internalCursor, bearer(coordinator));
    internalCursor = cursor;
    for (const c of changes) {
      known.set(c.id, c.data ? { ...c.data } : { ...known.get(c.id), deleted: true });
      const k = known.get(c.id) as Fields;
      k.version = c.version;
    }
  }

  async function push(...mutations: MutationInput[]): Promise<PushResult[]> {
    const res = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(coordinator) },
      body: JSON.stringify({ clientId: 'visibility-test', mutations }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: PushResult[] };
    expect(results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
    await syncCoordinator();
    return results;
  }

  /** An upsert as the coordinator's device builds it from what it last pulled. */
  function upsert(table: TableName, id: string, values: Fields): MutationInput {
    const base = known.get(id);
    return {
      mutationId: randomUUID(),
      table,
      id,
      op: 'upsert',
      baseVersion: Number(base?.version ?? 0),
      fields: Object.fromEntries(
        Object.entries(values).map(([k, value]) => [k, { base: base?.[k] ?? null, value }]),
      ),
    };
  }

  function remove(table: TableName, id: string): MutationInput {
    return {
      mutationId: randomUUID(),
      table,
      id,
      op: 'delete',
      baseVersion: Number(known.get(id)?.version ?? 0),
      fields: {},
    };
  }

  const orgId = randomUUID();
  const newOffer = (id: string, visibility: string) =>
    upsert('services', id, {
      organization_id: orgId,
      name: `Angebot ${id.slice(0, 4)}`,
      visibility,
    });
  const newContact = (id: string, serviceId: string, visibility = 'public') =>
    upsert('contacts', id, {
      service_id: serviceId,
      name: 'Frau Özdemir',
      phone: '0202 123456',
      visibility,
    });
  const newSchedule = (id: string, serviceId: string) =>
    upsert('schedules', id, {
      service_id: serviceId,
      freq: 'WEEKLY',
      byday: 'TU',
      opens_at: '09:00',
      closes_at: '12:00',
    });

  async function residentIds(db: WegweiserDB): Promise<string[]> {
    const ids: string[] = [];
    for (const name of TABLE_NAMES)
      ids.push(...((await db.table(name).toCollection().primaryKeys()) as string[]));
    return ids.sort();
  }

  /**
   * What residents have after syncing equals `visible`: the device syncing from its old
   * cursor (real client), a device syncing from scratch, and a plain pull from the start.
   * No answer names a never-public id; the event stream announced the new cursor (or
   * nothing, when residents had nothing to pull).
   */
  async function expectResidentsSee(visible: string[]) {
    const before = (await resident.meta.get(META_KEYS.cursor))?.value as string | undefined;
    const incremental = await pullPages(before ?? '');
    await clientPull({ db: resident, fetch, baseUrl: url });
    expect(await residentIds(resident)).toEqual([...visible].sort());

    const fresh = freshDb().db;
    try {
      await clientPull({ db: fresh, fetch, baseUrl: url });
      expect(await residentIds(fresh)).toEqual([...visible].sort());
    } finally {
      await destroy(fresh);
    }
    const all = await pullPages('');
    for (const id of neverPublic) {
      expect(all.body).not.toContain(id);
      expect(incremental.body).not.toContain(id);
    }
    // Each announced version is one residents can pull, and the last is their new cursor.
    const pullable = new Set(all.changes.map((c) => c.version));
    const cursor = Number(all.cursor);
    while (lastEvent < cursor) {
      lastEvent = (await events.nextVersion()) as number;
      expect(pullable.has(lastEvent)).toBe(true);
    }
    expect(lastEvent).toBe(cursor);
    return incremental.changes;
  }

  const tombstoneIds = (changes: PullResponse['changes']) =>
    changes
      .filter((c) => c.deleted)
      .map((c) => c.id)
      .sort();

  const offer = randomUUID();
  const internalOffer = randomUUID();
  const contactA = randomUUID();
  const scheduleA = randomUUID();
  const internalContactA = randomUUID();
  const contactB = randomUUID();
  const scheduleB = randomUUID();

  it('creates: children of an internal offer stay hidden, with the offer id', async () => {
    await push(upsert('organizations', orgId, { name: 'Stadtteilzentrum' }));
    await push(
      newOffer(offer, 'public'),
      newOffer(internalOffer, 'internal'),
      newContact(contactA, offer),
      newSchedule(scheduleA, offer),
      newContact(internalContactA, offer, 'internal'),
      newContact(contactB, internalOffer),
      newSchedule(scheduleB, internalOffer),
    );
    for (const id of [internalOffer, internalContactA, contactB, scheduleB]) neverPublic.add(id);
    await expectResidentsSee([orgId, offer, contactA, scheduleA]);
  });

  it('unpublishes: the public children go as tombstones to a device with an old cursor', async () => {
    await push(upsert('services', offer, { visibility: 'internal' }));
    const changes = await expectResidentsSee([orgId]);
    expect(tombstoneIds(changes)).toEqual([offer, contactA, scheduleA].sort());
  });

  it('publishes again: the children come back with their data', async () => {
    await push(upsert('services', offer, { visibility: 'public' }));
    const changes = await expectResidentsSee([orgId, offer, contactA, scheduleA]);
    expect(changes.find((c) => c.id === contactA)?.data).toMatchObject({
      name: 'Frau Özdemir',
      phone: '0202 123456',
      service_id: offer,
    });
  });

  it('publishes a never-public offer: its public children appear, its internal ones do not', async () => {
    const later = randomUUID();
    const laterContact = randomUUID();
    const hiddenContact = randomUUID();
    await push(
      newOffer(later, 'internal'),
      newContact(laterContact, later),
      newContact(hiddenContact, later, 'internal'),
    );
    await expectResidentsSee([orgId, offer, contactA, scheduleA]);
    await push(upsert('services', later, { visibility: 'public' }));
    neverPublic.add(hiddenContact);
    await expectResidentsSee([orgId, offer, contactA, scheduleA, later, laterContact]);
    // Back to internal, so the rest of the story has one public offer.
    await push(upsert('services', later, { visibility: 'internal' }));
    await expectResidentsSee([orgId, offer, contactA, scheduleA]);
  });

  it('moves a child to an internal offer and back', async () => {
    await push(upsert('contacts', contactA, { service_id: internalOffer }));
    await expectResidentsSee([orgId, offer, scheduleA]);
    await push(upsert('contacts', contactA, { service_id: offer }));
    await expectResidentsSee([orgId, offer, contactA, scheduleA]);
    // A child that was only ever under the internal offer appears when moved to a public one.
    await push(upsert('schedules', scheduleB, { service_id: offer }));
    neverPublic.delete(scheduleB);
    await expectResidentsSee([orgId, offer, contactA, scheduleA, scheduleB]);
  });

  it('turns a child public under an internal offer without telling residents anything', async () => {
    await push(upsert('contacts', internalContactA, { service_id: internalOffer }));
    await push(upsert('contacts', internalContactA, { visibility: 'public' }));
    await expectResidentsSee([orgId, offer, contactA, scheduleA, scheduleB]);
    // The hidden writes sent no event: the next one is for this public change.
    await push(upsert('organizations', orgId, { name: 'Stadtteilzentrum Ost' }));
    await expectResidentsSee([orgId, offer, contactA, scheduleA, scheduleB]);
  });

  it('deletes a child, and deletes the offer with its children', async () => {
    await push(remove('schedules', scheduleA));
    await expectResidentsSee([orgId, offer, contactA, scheduleB]);
    await push(remove('contacts', contactB));
    await expectResidentsSee([orgId, offer, contactA, scheduleB]);

    await push(remove('services', offer));
    const changes = await expectResidentsSee([orgId]);
    expect(tombstoneIds(changes)).toEqual([offer, contactA, scheduleB].sort());
  });

  it('restores a deleted offer with its children', async () => {
    await push(upsert('services', offer, { name: 'Angebot (wieder da)' }));
    await expectResidentsSee([orgId, offer, contactA, scheduleB]);
  });

  it('lets the same device delete a child right after unpublishing its offer', async () => {
    // One outbox, pushed together: the child's delete was queued with its old version.
    await push(upsert('services', offer, { visibility: 'internal' }), remove('contacts', contactA));
    await expectResidentsSee([orgId]);
  });

  // References from public records to records residents cannot see: the ids never reach them.
  const hiddenOrg = randomUUID();
  const hiddenPlace = randomUUID();
  const place = randomUUID();
  const refOffer = randomUUID();
  const refSchedule = randomUUID();
  const refContact = randomUUID();
  const newPlace = (id: string, visibility: string, organizationId: string) =>
    upsert('locations', id, {
      organization_id: organizationId,
      name: `Ort ${id.slice(0, 4)}`,
      address_1: 'Hauptstr. 1',
      postal_code: '42103',
      city: 'Wuppertal',
      quartier: 'Elberfeld',
      visibility,
    });

  /** The record as the device with the old cursor stored it and a pull from the start has it. */
  async function expectResidentRecord(table: TableName, id: string, fields: Fields) {
    expect(await resident.table(table).get(id)).toMatchObject(fields);
    const fromStart = (await pullPages('')).changes.find((c) => c.id === id)?.data;
    expect(fromStart).toMatchObject(fields);
  }

  it('removes references to an internal Träger and Ort, from the start and an old cursor', async () => {
    await push(
      upsert('organizations', hiddenOrg, { name: 'Jugendamt intern', visibility: 'internal' }),
      newPlace(hiddenPlace, 'internal', hiddenOrg),
      newPlace(place, 'public', hiddenOrg),
    );
    await push(
      upsert('services', refOffer, {
        organization_id: hiddenOrg,
        name: 'Beratung',
        location_ids: [hiddenPlace, place],
      }),
      upsert('schedules', refSchedule, {
        service_id: refOffer,
        location_id: hiddenPlace,
        freq: 'WEEKLY',
        byday: 'MO',
        opens_at: '10:00',
        closes_at: '12:00',
      }),
      upsert('contacts', refContact, {
        service_id: refOffer,
        organization_id: hiddenOrg,
        name: 'Herr Yılmaz',
      }),
    );
    neverPublic.add(hiddenOrg);
    neverPublic.add(hiddenPlace);
    await expectResidentsSee([orgId, place, refOffer, refSchedule, refContact]);
    await expectResidentRecord('services', refOffer, {
      organization_id: null,
      location_ids: [place],
    });
    await expectResidentRecord('locations', place, { organization_id: null });
    await expectResidentRecord('schedules', refSchedule, { location_id: null });
    await expectResidentRecord('contacts', refContact, { organization_id: null });
  });

  it('restores the references when Träger and Ort turn public, for an old cursor too', async () => {
    await push(
      upsert('organizations', hiddenOrg, { visibility: 'public' }),
      upsert('locations', hiddenPlace, { visibility: 'public' }),
    );
    neverPublic.delete(hiddenOrg);
    neverPublic.delete(hiddenPlace);
    const visible = [orgId, hiddenOrg, hiddenPlace, place, refOffer, refSchedule, refContact];
    const changes = await expectResidentsSee(visible);
    expect(changes.map((c) => c.id).sort()).toEqual(visible.filter((id) => id !== orgId).sort());
    await expectResidentRecord('services', refOffer, {
      organization_id: hiddenOrg,
      location_ids: [hiddenPlace, place],
    });
    await expectResidentRecord('locations', place, { organization_id: hiddenOrg });
    await expectResidentRecord('schedules', refSchedule, {
      location_id: hiddenPlace,
    });
    await expectResidentRecord('contacts', refContact, {
      organization_id: hiddenOrg,
    });
  });

  it('removes the references again when the Träger and an Ort turn internal later', async () => {
    await push(upsert('organizations', hiddenOrg, { visibility: 'internal' }));
    const changes = await expectResidentsSee([
      orgId,
      hiddenPlace,
      place,
      refOffer,
      refSchedule,
      refContact,
    ]);
    expect(tombstoneIds(changes)).toEqual([hiddenOrg]);
    await expectResidentRecord('services', refOffer, { organization_id: null });
    await expectResidentRecord('locations', place, { organization_id: null });
    await expectResidentRecord('locations', hiddenPlace, {
      organization_id: null,
    });
    await expectResidentRecord('contacts', refContact, { organization_id: null });

    await push(upsert('locations', hiddenPlace, { visibility: 'internal' }));
    await expectResidentsSee([orgId, place, refOffer, refSchedule, refContact]);
    await expectResidentRecord('services', refOffer, { location_ids: [place] });
    await expectResidentRecord('schedules', refSchedule, { location_id: null });
  });

  it('removes references to a deleted Träger and Ort, and restores them with it', async () => {
    await push(
      upsert('organizations', hiddenOrg, { visibility: 'public' }),
      upsert('locations', hiddenPlace, { visibility: 'public' }),
    );
    await expectResidentsSee([
      orgId,
      hiddenOrg,
      hiddenPlace,
      place,
      refOffer,
      refSchedule,
      refContact,
    ]);
    await push(remove('organizations', hiddenOrg), remove('locations', place));
    const changes = await expectResidentsSee([
      orgId,
      hiddenPlace,
      refOffer,
      refSchedule,
      refContact,
    ]);
    expect(tombstoneIds(changes)).toEqual([hiddenOrg, place].sort());
    await expectResidentRecord('services', refOffer, {
      organization_id: null,
      location_ids: [hiddenPlace],
    });
    await expectResidentRecord('locations', hiddenPlace, {
      organization_id: null,
    });
    await push(upsert('organizations', hiddenOrg, { name: 'Jugendamt' }));
    await expectResidentsSee([orgId, hiddenOrg, hiddenPlace, refOffer, refSchedule, refContact]);
    await expectResidentRecord('services', refOffer, {
      organization_id: hiddenOrg,
      location_ids: [hiddenPlace],
    });
  });
});

/** A folder with the migrations an older release shipped: those named before `first`. */
async function migrationsBefore(first: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qw-migrations-'));
  for (const name of await readdir(MIGRATIONS_DIR)) {
    if (name < first) await copyFile(join(MIGRATIONS_DIR, name), join(dir, name));
  }
  return dir;
}

describe.each(backends)('migrating to inherited visibility on $name', (backend) => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await backend.open();
    dir = await migrationsBefore('004');
  });
  afterAll(async () => {
    await t?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sends residents a tombstone for public children of internal offers served before', async () => {
    await migrate(t.db, dir);
    const offer = randomUUID();
    const child = randomUUID();
    // What the previous release stored: the contact counted as public on its own.
    const legacy = [
      [
        'services',
        offer,
        'internal',
        false,
        { organization_id: randomUUID(), name: 'Fallkonferenz' },
      ],
      ['contacts', child, 'public', true, { service_id: offer, name: 'Frau Özdemir' }],
    ] as const;
    for (const [table, id, visibility, everPublic, data] of legacy) {
      await t.db.query(
        `with v as (select nextval('record_version') as v)
         insert into records (table_name, id, version, visibility, deleted, data, updated_at, ever_public)
         select $1, $2::uuid, v.v, $3, false,
                $4::text::jsonb || jsonb_build_object('id', $2::text, 'version', v.v,
                  'visibility', $3::text, 'deleted', false, 'updated_at', '2026-01-15T10:00:00Z'),
                '2026-01-15T10:00:00Z', $5
           from v`,
        [table, id, visibility, JSON.stringify(data), everPublic],
      );
    }
    const app = createApp({ db: t.db, distDir: '/nonexistent', resolveViewer: () => 'public' });
    const pull = async (since: string) =>
      (await (await app.request(`/api/sync/pull?since=${since}`)).json()) as PullResponse;
    // A resident of the previous release got the contact's data and a cursor past it.
    const before = await pull('');
    expect(before.changes.map((c) => c.id)).toEqual([child]);

    await migrate(t.db);
    const after = await pull(before.cursor);
    expect(after.changes).toEqual([
      { table: 'contacts', id: child, version: expect.any(Number), deleted: true, data: null },
    ]);
    expect(JSON.stringify(await pull(''))).not.toContain(offer);
  });
});

describe.each(backends)('deleteRecord of an offer on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('sends tombstones for its public children past an old cursor', async () => {
    const o = org();
    const s = service(o.id);
    const c = contact(s.id);
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [o], null);
      await upsertRecords(q, 'services', [s], null);
      await upsertRecords(q, 'contacts', [c], null);
    });
    const app = createApp({ db: t.db, distDir: '/nonexistent', resolveViewer: () => 'public' });
    const pull = async (since: string) =>
      (await (await app.request(`/api/sync/pull?since=${since}`)).json()) as PullResponse;
    const { cursor } = await pull('');
    await t.db.tx((q) => deleteRecord(q, 'services', s.id, null));
    const after = await pull(cursor);
    expect(after.changes.map((x) => [x.id, x.deleted])).toEqual([
      [s.id, true],
      [c.id, true],
    ]);
  });
});

describe.each(backends)('references to unknown records on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('never sends residents an id the server does not know, and sends it once it is public', async () => {
    const missing = org();
    const s = { ...service(missing.id), location_ids: [randomUUID()] };
    await t.db.tx((q) => upsertRecords(q, 'services', [s], null));
    const app = createApp({ db: t.db, distDir: '/nonexistent', resolveViewer: () => 'public' });
    const pull = async (since: string) =>
      (await (await app.request(`/api/sync/pull?since=${since}`)).json()) as PullResponse;
    const before = await pull('');
    expect(before.changes.map((c) => c.data)).toEqual([
      expect.objectContaining({ id: s.id, organization_id: null, location_ids: [] }),
    ]);
    expect(JSON.stringify(before)).not.toContain(missing.id);
    expect(JSON.stringify(before)).not.toContain(s.location_ids[0]);

    await t.db.tx((q) => upsertRecords(q, 'organizations', [missing], null));
    const after = await pull(before.cursor);
    expect(after.changes.map((c) => c.id)).toEqual([missing.id, s.id]);
    expect(after.changes[1]?.data).toMatchObject({ organization_id: missing.id });
  });
});

describe.each(backends)('migrating to hidden references on $name', (backend) => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await backend.open();
    dir = await migrationsBefore('006');
  });
  afterAll(async () => {
    await t?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sends residents again a public offer whose Träger id they got while it was internal', async () => {
    await migrate(t.db, dir);
    const hidden = org({ visibility: 'internal' });
    const shown = org();
    const s = service(hidden.id);
    const other = service(shown.id);
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [hidden, shown], null);
      await upsertRecords(q, 'services', [s, other], null);
    });
    const app = createApp({ db: t.db, distDir: '/nonexistent', resolveViewer: () => 'public' });
    const pull = async (since: string) =>
      (await (await app.request(`/api/sync/pull?since=${since}`)).json()) as PullResponse;
    const { cursor } = await pull('');

    await migrate(t.db);
    const after = await pull(cursor);
    expect(after.changes.map((c) => c.id)).toEqual([s.id]);
    expect(after.changes[0]?.data).toMatchObject({ organization_id: null });
  });
});
