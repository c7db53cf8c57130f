import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/db';
import { deleteOffer } from '../../src/db/edits';
import type { WegweiserDB } from '../../src/db/schema';
import { applyPullPage } from '../../src/sync/apply';
import { readPayload } from '../../src/sync/outbox';
import { type EditContext, queueUpsert } from '../../src/sync/outboxDb';
import { isIndivisible, planBatch } from '../../src/sync/outboxEdit';
import { pullAll } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import {
  contact,
  destroy,
  org,
  page,
  schedule,
  service,
  uid,
  uniqueName,
  upsert,
} from './db.fixtures';
import { memoryServer } from './push.fixtures';
import { response } from './sync.fixtures';

/**
 * Writes fail from the `failAt`-th on (counted over every table of the database), or the
 * connection is closed at that write: the tab dies in the middle of the operation.
 */
interface Fault {
  calls: number;
  failAt: number;
  mode: 'throw' | 'close';
}

function faultMiddleware(fault: Fault, db: () => WegweiserDB): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'test-fault',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            fault.calls++;
            if (fault.failAt > 0 && fault.calls >= fault.failAt) {
              if (fault.mode === 'close') db().close();
              return Promise.reject(new Error('injected write failure'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

let db: WegweiserDB;
let fault: Fault;
let ctx: EditContext;
const name = () => db.name;

const OFFER = uid(100);
const SCHEDULES = [uid(200), uid(201)];
const OWN_CONTACTS = [uid(300), uid(301)];
const PROVIDER_CONTACT = uid(302);
const OTHER_SCHEDULE = uid(202);

beforeEach(async () => {
  fault = { calls: 0, failAt: 0, mode: 'throw' };
  db = createDb(uniqueName());
  db.use(faultMiddleware(fault, () => db));
  ctx = { db, userEmail: 'kim@example.org', now: () => new Date('2025-03-02T09:00:00Z') };
  await applyPullPage(
    db,
    page(
      [
        upsert('organizations', org(1)),
        upsert('services', service(100)),
        upsert('services', service(101)),
        ...SCHEDULES.map((_, i) => upsert('schedules', schedule(200 + i))),
        upsert('schedules', schedule(202, { service_id: uid(101) })),
        ...OWN_CONTACTS.map((_, i) => upsert('contacts', contact(300 + i, { service_id: OFFER }))),
        upsert('contacts', contact(302, { organization_id: uid(1) })),
      ],
      '1',
    ),
  );
  // An unsent edit of one of the hours: the delete replaces it within the unit.
  await queueUpsert(ctx, 'schedules', { ...schedule(200), opens_at: '14:00' });
});
afterEach(() => destroy(db));

/** Rows and outbox as plain data, read over a fresh connection. */
async function snapshot() {
  const fresh = createDb(name());
  try {
    return {
      services: await fresh.services.orderBy('id').toArray(),
      schedules: await fresh.schedules.orderBy('id').toArray(),
      contacts: await fresh.contacts.orderBy('id').toArray(),
      outbox: await fresh.outbox.orderBy('seq').toArray(),
    };
  } finally {
    fresh.close();
  }
}

describe('deleteOffer', () => {
  it('marks the offer, its hours and its own contacts deleted, queued as one unit', async () => {
    const result = await deleteOffer(ctx, OFFER);
    expect(result).toEqual({ ok: true, queued: true });
    const after = await snapshot();
    const deleted = (rows: { id: string; deleted: boolean }[]) =>
      rows.filter((r) => r.deleted).map((r) => r.id);
    expect(deleted(after.services)).toEqual([OFFER]);
    expect(deleted(after.schedules)).toEqual(SCHEDULES);
    expect(deleted(after.contacts)).toEqual(OWN_CONTACTS);
    expect(after.contacts.find((c) => c.id === PROVIDER_CONTACT)?.deleted).toBe(false);
    expect(after.schedules.find((s) => s.id === OTHER_SCHEDULE)?.deleted).toBe(false);

    // The moot edit of the hours is gone; five deletes, next to each other, one unit.
    expect(after.outbox.map((e) => [e.table, e.recordId, e.op])).toEqual([
      ['schedules', SCHEDULES[0], 'delete'],
      ['schedules', SCHEDULES[1], 'delete'],
      ['contacts', OWN_CONTACTS[0], 'delete'],
      ['contacts', OWN_CONTACTS[1], 'delete'],
      ['services', OFFER, 'delete'],
    ]);
    const units = new Set(after.outbox.map((e) => e.unit));
    expect(units.size).toBe(1);
    expect([...units][0]).toEqual(expect.any(String));
    // The replaced edit's base (version 1) stays the delete's base.
    expect(after.outbox.map((e) => readPayload(e).baseVersion)).toEqual([1, 1, 1, 1, 1]);
  });

  it('interrupted at any write, leaves everything or nothing (rows and outbox)', async () => {
    const before = await snapshot();
    fault.calls = 0;
    await deleteOffer(ctx, OFFER);
    const complete = await snapshot();
    const writes = fault.calls;
    expect(writes).toBeGreaterThan(5);

    for (const mode of ['throw', 'close'] as const) {
      for (let failAt = 1; failAt <= writes; failAt++) {
        await destroy(db);
        // Same data again, on a new database, then the interrupted delete.
        fault.failAt = 0;
        db = createDb(uniqueName());
        db.use(faultMiddleware(fault, () => db));
        ctx = { ...ctx, db };
        await seedLike(before);
        fault.calls = 0;
        fault.failAt = failAt;
        fault.mode = mode;
        await expect(deleteOffer(ctx, OFFER), `${mode} at write ${failAt}`).rejects.toThrow();
        fault.failAt = 0;
        const found = await snapshot();
        expect(stripSeq(found), `${mode} at write ${failAt}`).toEqual(stripSeq(before));
      }
    }
    // And without a fault, the same operation still does all of it.
    await destroy(db);
    db = createDb(uniqueName());
    db.use(faultMiddleware(fault, () => db));
    ctx = { ...ctx, db };
    await seedLike(before);
    await deleteOffer(ctx, OFFER);
    expect(stripUnit(stripSeq(await snapshot()))).toEqual(stripUnit(stripSeq(complete)));
  });

  it('goes into one request whole: never split by the batch size, never behind a sent entry of its records', async () => {
    // One edit of the offer is already on its way (sent, unanswered).
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Unterwegs' });
    const sentSeq = (await db.outbox.orderBy('seq').toArray()).at(-1)?.seq as number;
    const sent = await db.outbox.get(sentSeq);
    await db.outbox.put({ ...sent!, payload: { ...readPayload(sent!), state: 'sent' } });
    await deleteOffer(ctx, OFFER);
    await queueUpsert(ctx, 'organizations', { ...org(1), name: 'Träger neu' });

    const all = await db.outbox.orderBy('seq').toArray();
    const unit = all.find((e) => e.unit)?.unit;
    // The unit waits for the sent edit of its offer; the later edit may pass.
    expect(planBatch(all, 10).map((e) => e.table)).toEqual(['services', 'organizations']);

    // Once that edit is answered, the unit goes whole, even when the batch is smaller.
    await db.outbox.delete(sentSeq);
    const rest = await db.outbox.orderBy('seq').toArray();
    for (const max of [1, 2, 5]) {
      const batch = planBatch(rest, max);
      expect(
        batch.map((e) => e.unit),
        `max ${max}`,
      ).toEqual(Array(5).fill(unit));
      expect(isIndivisible(batch)).toBe(true);
    }
    // What was queued after the unit comes behind it, as far as there is room.
    expect(planBatch(rest, 6).map((e) => e.unit ?? e.table)).toEqual([
      ...Array(5).fill(unit),
      'organizations',
    ]);
    expect(isIndivisible(planBatch(rest, 6))).toBe(false);
  });
});

describe('pushing a unit that is too large', () => {
  it('halves batches around the unit but never splits it; a unit no request can hold is given up whole, locally', async () => {
    const server = memoryServer();
    const fixtures = [
      ['organizations', org(1)],
      ['services', service(100)],
      ['services', service(101)],
      ['schedules', schedule(200)],
      ['schedules', schedule(201)],
      ['contacts', contact(300, { service_id: OFFER })],
    ] as const;
    for (const [table, record] of fixtures) server.seed(table, record);
    const unitDb = createDb(uniqueName());
    try {
      await pullAll({ db: unitDb, fetch: server.fetch, baseUrl: '' });
      const c = { db: unitDb, userEmail: 'kim@example.org' };
      await queueUpsert(c, 'services', { ...service(101), name: 'Vorher' });
      await deleteOffer(c, OFFER);
      await queueUpsert(c, 'organizations', { ...org(1), name: 'Nachher' });
      const unit = (await unitDb.outbox.toArray()).find((e) => e.unit)?.unit;

      // A server that takes at most 3 mutations per request (413 above that).
      const requests: string[][] = [];
      const fetch = async (input: string, init?: RequestInit) => {
        const { mutations } = JSON.parse(String(init?.body)) as { mutations: { id: string }[] };
        requests.push(mutations.map((m) => m.id));
        if (mutations.length > 3) return response(413, { error: { code: 'too_large' } });
        return server.fetch(input, init);
      };
      const summary = await pushOutbox({
        db: unitDb,
        fetch,
        baseUrl: '',
        clientId: 'device-1',
        token: 'tok',
        userEmail: 'kim@example.org',
      });
      const unitIds = [uid(200), uid(201), uid(300), OFFER];
      // Every request held the unit whole or nothing of it.
      for (const ids of requests) {
        const part = ids.filter((id) => unitIds.includes(id));
        expect(part.length === 0 || part.length === unitIds.length, ids.join()).toBe(true);
      }
      expect(summary).toMatchObject({ applied: 2, rejected: 0 });
      expect(server.records.get(`services/${uid(101)}`)?.name).toBe('Vorher');
      expect(server.records.get(`organizations/${uid(1)}`)?.name).toBe('Nachher');
      expect(server.records.get(`services/${OFFER}`)?.deleted).toBe(false);
      const left = await unitDb.outbox.toArray();
      expect(left.map((e) => [e.unit, readPayload(e).state])).toEqual(
        Array(4).fill([unit, 'rejected']),
      );
      expect(await unitDb.services.get(OFFER)).toMatchObject({ local_state: 'rejected' });
    } finally {
      await destroy(unitDb);
    }
  });
});

type Snap = Awaited<ReturnType<typeof snapshot>>;

async function seedLike(s: Snap) {
  await db.transaction('rw', [db.services, db.schedules, db.contacts, db.outbox], async () => {
    await db.services.bulkPut(s.services);
    await db.schedules.bulkPut(s.schedules);
    await db.contacts.bulkPut(s.contacts);
    await db.outbox.bulkPut(s.outbox);
  });
}

const stripSeq = (s: Snap) => ({
  ...s,
  outbox: s.outbox.map(({ seq: _s, mutationId: _m, ...rest }) => rest),
});
const stripUnit = (s: ReturnType<typeof stripSeq>) => ({
  ...s,
  outbox: s.outbox.map(({ unit, ...rest }) => ({ ...rest, unit: typeof unit })),
});
