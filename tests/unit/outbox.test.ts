import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_FIELDS } from '../../protocol';
import { readOffer } from '../../src/db/offers';
import type { WegweiserDB } from '../../src/db/schema';
import { applyPullPage } from '../../src/sync/apply';
import {
  type MutationPayload,
  NOT_SENT_FIELDS,
  overlayPending,
  readPayload,
  summarize,
} from '../../src/sync/outbox';
import { type EditContext, queueDelete, queueReferral, queueUpsert } from '../../src/sync/outboxDb';
import { diffFields, foldFields, planBatch } from '../../src/sync/outboxEdit';
import { outboxSummary } from '../../src/sync/outboxRead';
import { wipeForUser } from '../../src/sync/outboxWipe';
import {
  contact,
  destroy,
  freshDb,
  org,
  page,
  referral,
  schedule,
  service,
  tombstone,
  uid,
  upsert,
} from './db.fixtures';

let db: WegweiserDB;
let ctx: EditContext;
let ids = 0;

beforeEach(async () => {
  db = freshDb().db;
  ids = 0;
  ctx = {
    db,
    userEmail: 'kim@example.org',
    now: () => new Date('2025-03-02T09:00:00Z'),
    newId: () => `00000000-0000-4000-9000-${(++ids).toString(16).padStart(12, '0')}`,
  };
  await applyPullPage(
    db,
    page([upsert('organizations', org(1)), upsert('services', service(100))], '1'),
  );
});
afterEach(() => destroy(db));

const payloadOf = async (n = 0) => {
  const entries = await db.outbox.orderBy('seq').toArray();
  return { entry: entries[n], payload: entries[n] ? readPayload(entries[n]) : undefined, entries };
};

describe('field changes (pure)', () => {
  it('never sends what the server manages (the start bundle’s copy of SERVER_FIELDS)', () => {
    expect([...NOT_SENT_FIELDS].sort()).toEqual([...SERVER_FIELDS].sort());
  });

  it('lists only the fields that differ, with the shown value as base', () => {
    expect(
      diffFields(
        { id: 'x', name: 'Alt', phone: null, version: 3, local_state: 'pending' },
        { id: 'x', name: 'Neu', phone: null, version: 0 },
      ),
    ).toEqual({ name: { base: 'Alt', value: 'Neu' } });
  });

  it('keeps the first base when a field is edited twice, and drops a field edited back', () => {
    const first = { name: { base: 'A', value: 'B' }, phone: { base: null, value: '0202 1' } };
    const second = { name: { base: 'B', value: 'C' }, phone: { base: '0202 1', value: null } };
    expect(foldFields(first, second, false)).toEqual({ name: { base: 'A', value: 'C' } });
    expect(
      foldFields({ name: { base: 'A', value: 'B' } }, { name: { base: 'B', value: 'A' } }, false),
    ).toBeNull();
    // A new record keeps every field, whatever its value.
    expect(foldFields(first, second, true)).toEqual({
      name: { base: 'A', value: 'C' },
      phone: { base: null, value: null },
    });
  });

  it('puts pending values on top of a pulled record', () => {
    const entry = {
      seq: 1,
      mutationId: 'm',
      table: 'services' as const,
      recordId: uid(100),
      op: 'upsert' as const,
      userEmail: null,
      createdAt: '',
      payload: {
        baseVersion: 1,
        fields: { name: { base: 'A', value: 'Mine' } },
        state: 'conflict',
      },
    };
    expect(overlayPending({ id: uid(100), name: 'Theirs', phone: '1' }, [entry])).toEqual({
      id: uid(100),
      name: 'Mine',
      phone: '1',
      local_state: 'conflict',
    });
  });
});

describe('queueUpsert', () => {
  it('writes the local value at once, marked pending, and queues field changes', async () => {
    const edited = { ...service(100), name: 'Sprechstunde Jobcenter vor Ort' };
    expect(await queueUpsert(ctx, 'services', edited)).toEqual({ ok: true, queued: true });

    const row = await db.services.get(uid(100));
    expect(row).toMatchObject({
      name: 'Sprechstunde Jobcenter vor Ort',
      local_state: 'pending',
      version: 1,
    });
    const { entry, payload } = await payloadOf();
    expect(entry).toMatchObject({
      table: 'services',
      recordId: uid(100),
      op: 'upsert',
      userEmail: 'kim@example.org',
      mutationId: '00000000-0000-4000-9000-000000000001',
    });
    expect(payload).toEqual({
      baseVersion: 1,
      state: 'queued',
      fields: { name: { base: 'Angebot 100', value: 'Sprechstunde Jobcenter vor Ort' } },
    } satisfies MutationPayload);
    // The directory shows the local value, too.
    expect((await readOffer(db, uid(100)))?.service.name).toBe('Sprechstunde Jobcenter vor Ort');
  });

  it('folds several edits of one record into one entry with the original base', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Erste Fassung' });
    await queueUpsert(ctx, 'services', {
      ...service(100),
      name: 'Zweite Fassung',
      phone: '0202 123',
    });
    const { entries, payload } = await payloadOf();
    expect(entries).toHaveLength(1);
    expect(payload?.fields).toEqual({
      name: { base: 'Angebot 100', value: 'Zweite Fassung' },
      phone: { base: null, value: '0202 123' },
    });
  });

  it('drops the entry and the marker when the edit is undone', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Vertippt' });
    await queueUpsert(ctx, 'services', service(100));
    expect(await db.outbox.count()).toBe(0);
    expect(await db.services.get(uid(100))).not.toHaveProperty('local_state');
  });

  it('never folds into an entry that is already on its way (sent)', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Unterwegs' });
    const { entry, payload } = await payloadOf();
    await db.outbox.put({ ...entry!, payload: { ...payload!, state: 'sent' } });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Danach' });
    const { entries } = await payloadOf();
    expect(entries).toHaveLength(2);
    expect(readPayload(entries[0]!).fields.name?.value).toBe('Unterwegs');
    expect(readPayload(entries[1]!).fields).toEqual({
      name: { base: 'Unterwegs', value: 'Danach' },
    });
  });

  it('refuses invalid data with German field errors and writes nothing', async () => {
    const result = await queueUpsert(ctx, 'services', {
      ...service(100),
      name: '  ',
      email: 'kein-mail',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', message: 'Pflichtfeld' }),
        expect.objectContaining({ field: 'email', message: 'Keine gültige E-Mail-Adresse' }),
      ]),
    );
    expect(await db.outbox.count()).toBe(0);
    expect((await db.services.get(uid(100)))?.name).toBe('Angebot 100');
  });

  it('creates a new record with every field based on nothing', async () => {
    const fresh = { ...service(200), version: 0 };
    await queueUpsert(ctx, 'services', fresh);
    const { payload } = await payloadOf();
    expect(payload?.baseVersion).toBe(0);
    expect(payload?.fields.name).toEqual({ base: null, value: 'Angebot 200' });
    expect(payload?.fields).not.toHaveProperty('version');
    expect(payload?.fields).not.toHaveProperty('id');
    expect(payload?.fields).not.toHaveProperty('sort_name');
  });

  it('queues referrals as append-only creates', async () => {
    await queueReferral(ctx, { ...referral(300), version: 0 });
    const { entry, payload } = await payloadOf();
    expect(entry).toMatchObject({ table: 'referrals', op: 'upsert' });
    expect(payload?.fields.channel).toEqual({ base: null, value: 'qr' });
  });
});

describe('queueDelete', () => {
  it('soft-deletes a synced record until the server confirms', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Egal' });
    await queueDelete(ctx, 'services', uid(100));
    const { entries, entry } = await payloadOf();
    expect(entries).toHaveLength(1);
    expect(entry).toMatchObject({
      op: 'delete',
      mutationId: '00000000-0000-4000-9000-000000000001',
    });
    expect(await db.services.get(uid(100))).toMatchObject({
      deleted: true,
      local_state: 'pending',
    });
    expect(await readOffer(db, uid(100))).toBeNull();
  });

  it('removes a record that never reached the server, with its entries', async () => {
    await queueUpsert(ctx, 'services', { ...service(200), version: 0 });
    await queueDelete(ctx, 'services', uid(200));
    expect(await db.outbox.count()).toBe(0);
    expect(await db.services.get(uid(200))).toBeUndefined();
  });
});

describe('pull with pending edits (rebase)', () => {
  it('keeps the local pending value and takes the other fields from the server', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Meine Fassung' });
    await applyPullPage(
      db,
      page(
        [upsert('services', service(100, { version: 5, name: 'Ihre Fassung', phone: '0202 9' }))],
        '5',
      ),
    );
    expect(await db.services.get(uid(100))).toMatchObject({
      name: 'Meine Fassung',
      phone: '0202 9',
      version: 5,
      local_state: 'pending',
    });
    // The base stays what it was, so the push still detects the concurrent edit.
    expect((await payloadOf()).payload?.fields.name?.base).toBe('Angebot 100');
  });

  it('does not let a tombstone remove a record with a pending edit', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Noch gebraucht' });
    await applyPullPage(db, page([tombstone('services', uid(100), 7)], '7'));
    expect(await db.services.get(uid(100))).toMatchObject({ name: 'Noch gebraucht', version: 7 });
  });

  it('applies pulled records normally when nothing is pending', async () => {
    await applyPullPage(
      db,
      page([upsert('services', service(100, { version: 4, name: 'Neu' }))], '4'),
    );
    const row = await db.services.get(uid(100));
    expect(row?.name).toBe('Neu');
    expect(row).not.toHaveProperty('local_state');
  });
});

describe('batches and summary', () => {
  it('sends one entry per record per request, in queue order', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'A' });
    const { entry, payload } = await payloadOf();
    await db.outbox.put({ ...entry!, payload: { ...payload!, state: 'sent' } });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'B' });
    await queueUpsert(ctx, 'organizations', { ...org(1), name: 'Träger neu' });
    const batch = planBatch(await db.outbox.orderBy('seq').toArray(), 10);
    expect(batch.map((e) => e.table)).toEqual(['services', 'organizations']);
    expect(summarize(await db.outbox.toArray())).toEqual({ pending: 3, conflicts: 0, rejected: 0 });
    expect(await outboxSummary(db, 'someone@else.org')).toEqual({
      pending: 0,
      conflicts: 0,
      rejected: 0,
    });
  });
});

describe('shared phones', () => {
  it('wipes the other user’s entries, the rows they touched and every internal record', async () => {
    await applyPullPage(
      db,
      page([upsert('services', service(101, { version: 2, visibility: 'internal' }))], '2'),
    );
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Von Kim' });
    await queueUpsert({ ...ctx, userEmail: null }, 'referrals', { ...referral(300), version: 0 });

    const result = await wipeForUser(db, 'alex@example.org', true);
    expect(result).toMatchObject({ entries: 1, reverted: 1 });
    // The anonymous referral stays; Kim's edit and the row showing it are gone.
    const left = await db.outbox.toArray();
    expect(left.map((e) => e.table)).toEqual(['referrals']);
    expect(await db.services.get(uid(100))).toBeUndefined();
    expect(await db.services.get(uid(101))).toBeUndefined();
    // The next pull starts from scratch and brings the server's copy back.
    expect(await db.meta.get('cursor')).toBeUndefined();
  });

  it('also wipes the public schedules and contacts of an internal offer', async () => {
    const internal = uid(101);
    const open = uid(102);
    await applyPullPage(
      db,
      page(
        [
          upsert('services', service(101, { version: 1, visibility: 'internal' })),
          upsert('services', service(102, { version: 2 })),
          upsert('schedules', schedule(201, { version: 3, service_id: internal })),
          upsert('schedules', schedule(202, { version: 4, service_id: open })),
          upsert('contacts', contact(301, { version: 5, service_id: internal })),
          upsert('contacts', contact(302, { version: 6, service_id: open })),
          upsert('contacts', contact(303, { version: 7, service_id: null })),
        ],
        '7',
      ),
    );
    const result = await wipeForUser(db, null, true);
    expect(result.internal).toBe(3);
    expect(await db.services.get(internal)).toBeUndefined();
    expect(await db.services.get(open)).toBeDefined();
    expect(await db.schedules.toCollection().primaryKeys()).toEqual([uid(202)]);
    expect(await db.contacts.toCollection().primaryKeys()).toEqual([uid(302), uid(303)]);
  });
});
