import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MutationInput, PushResponse } from '../../protocol';
import { createApp } from '../../server/app';
import { createDb } from '../../src/db/db';
import { deleteOffer } from '../../src/db/edits';
import type { WegweiserDB } from '../../src/db/schema';
import { readPayload } from '../../src/sync/outbox';
import { discardEntry, resolveConflict } from '../../src/sync/outboxDb';
import { pullAll } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import {
  account,
  backends,
  bearer,
  contact,
  createMutation,
  openMigrated,
  org,
  service,
  type TestDb,
} from './helpers';

type Account = Awaited<ReturnType<typeof account>>;
const BASE = 'http://wegweiser.test';

/**
 * The client's sync code (Dexie on fake-indexeddb, outbox, push, pull) against the real
 * server in-process: every push request the client makes is recorded.
 */
describe.each(backends)('deleting an offer, pushed to the server on $name', (backend) => {
  let t: TestDb;
  let coord: Account;
  let other: Account;
  let worker: Account;
  let db: WegweiserDB;
  let pushes: { mutations: MutationInput[] }[];
  let loseNextAnswer: boolean;
  const app = () => createApp({ db: t.db, distDir: '/nonexistent' });

  /** The device of `coord`: pulls with the token too, as a signed-in coordinator does. */
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers = {
      authorization: `Bearer ${coord.token}`,
      ...(init?.headers as Record<string, string>),
    };
    const res = await app().request(input, { ...init, headers });
    if (input.includes('/api/sync/push')) {
      pushes.push(JSON.parse(String(init?.body)));
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new TypeError('Failed to fetch');
      }
    }
    return res;
  };

  async function serverPush(token: string, mutations: MutationInput[]) {
    const res = await app().request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ clientId: `other-${randomUUID()}`, mutations }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as PushResponse).results;
  }

  async function serverRow(table: string, id: string) {
    const [row] = await t.db.query<{ deleted: boolean; version: string }>(
      'select deleted, version from records where table_name = $1 and id = $2::uuid',
      [table, id],
    );
    return row;
  }

  const schedule = (serviceId: string) => ({
    id: randomUUID(),
    service_id: serviceId,
    freq: 'WEEKLY',
    byday: 'TU',
    opens_at: '10:00',
    closes_at: '12:00',
  });

  let ids: { offer: string; schedules: string[]; contacts: string[]; providerContact: string };

  beforeAll(async () => {
    t = await openMigrated(backend);
    coord = await account(t.db, 'coordinator');
    other = await account(t.db, 'coordinator');
    worker = await account(t.db, 'worker');
  });
  afterAll(() => t.destroy());

  beforeEach(async () => {
    pushes = [];
    loseNextAnswer = false;
    const o = org();
    const s = service(o.id);
    const schedules = [schedule(s.id), schedule(s.id)];
    const contacts = [contact(s.id), contact(s.id)];
    const providerContact = contact(s.id, { service_id: null, organization_id: o.id });
    const created = await serverPush(
      coord.token,
      [o, s, ...schedules, ...contacts, providerContact].map((r, i) =>
        createMutation(
          ['organizations', 'services', 'schedules', 'schedules', 'contacts', 'contacts'][i] ??
            'contacts',
          r,
        ),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(7).fill('applied'));
    ids = {
      offer: s.id,
      schedules: schedules.map((x) => x.id),
      contacts: contacts.map((x) => x.id),
      providerContact: providerContact.id,
    };
    db = createDb(`offer-delete-${randomUUID()}`);
    await pullAll({ db, fetch, baseUrl: BASE });
    expect(await db.schedules.where('service_id').equals(s.id).count()).toBe(2);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  const ctx = () => ({ db, userEmail: coord.email });
  const push = (batchSize = 100, token = coord.token) =>
    pushOutbox({
      db,
      fetch,
      baseUrl: BASE,
      clientId: 'device-1',
      token,
      userEmail: coord.email,
      batchSize,
    });
  // In index order within each table, the offer last.
  const unitRecords = () => [...ids.schedules.sort(), ...ids.contacts.sort(), ids.offer];

  it('sends the unit in one request, even with a smaller batch size; the server deletes all of it', async () => {
    await deleteOffer(ctx(), ids.offer);
    const summary = await push(2);
    expect(summary).toEqual({ sent: 5, applied: 5, conflicts: 0, rejected: 0 });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.mutations.map((m) => [m.id, m.op])).toEqual(
      unitRecords().map((id) => [id, 'delete']),
    );
    for (const id of ids.schedules) expect((await serverRow('schedules', id))?.deleted).toBe(true);
    for (const id of ids.contacts) expect((await serverRow('contacts', id))?.deleted).toBe(true);
    expect((await serverRow('services', ids.offer))?.deleted).toBe(true);
    expect((await serverRow('contacts', ids.providerContact))?.deleted).toBe(false);
    // Confirmed deletes leave nothing behind on the device.
    expect(await db.outbox.count()).toBe(0);
    expect(await db.services.get(ids.offer)).toBeUndefined();
    expect(await db.contacts.get(ids.providerContact)).toMatchObject({ deleted: false });
  });

  it('after a lost answer, sends the same unit again whole, in one request: applied once', async () => {
    await deleteOffer(ctx(), ids.offer);
    loseNextAnswer = true;
    await expect(push(2)).rejects.toMatchObject({ code: 'network' });
    const sent = (await db.outbox.toArray()).map((e) => readPayload(e).state);
    expect(sent).toEqual(Array(5).fill('sent'));

    const summary = await push(2);
    expect(summary.applied).toBe(5);
    expect(pushes).toHaveLength(2);
    expect(pushes[1]?.mutations.map((m) => m.mutationId)).toEqual(
      pushes[0]?.mutations.map((m) => m.mutationId),
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it('when another coordinator edited one contact meanwhile: that delete conflicts, the rest is applied, and the device shows what the server has', async () => {
    const [edited, kept] = ids.contacts as [string, string];
    const before = await serverRow('contacts', edited);
    const [answer] = await serverPush(other.token, [
      {
        mutationId: `m-${randomUUID()}`,
        table: 'contacts',
        id: edited,
        op: 'upsert',
        baseVersion: Number(before?.version),
        fields: { phone: { base: '0202 123456', value: '0202 999' } },
      },
    ]);
    expect(answer?.status).toBe('applied');

    await deleteOffer(ctx(), ids.offer);
    const summary = await push();
    expect(pushes).toHaveLength(1);
    expect(summary).toEqual({ sent: 5, applied: 4, conflicts: 1, rejected: 0 });

    expect((await serverRow('services', ids.offer))?.deleted).toBe(true);
    expect((await serverRow('contacts', kept))?.deleted).toBe(true);
    expect((await serverRow('contacts', edited))?.deleted).toBe(false);
    // Applied deletes are gone from the device; the contested one waits for a person.
    expect(await db.services.get(ids.offer)).toBeUndefined();
    expect(await db.contacts.get(kept)).toBeUndefined();
    expect(await db.contacts.get(edited)).toMatchObject({ deleted: true, local_state: 'conflict' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'contacts', recordId: edited });
    expect(readPayload(entry!).conflicts?.map((c) => c.field)).toEqual(['deleted']);

    // "Keep theirs": the contact stays, without its offer, as on the server.
    await resolveConflict(ctx(), entry!.seq as number, { deleted: { kind: 'theirs' } });
    expect(await db.contacts.get(edited)).toMatchObject({ deleted: false });
    await pullAll({ db, fetch, baseUrl: BASE });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.contacts.get(edited)).toMatchObject({ deleted: false, phone: '0202 999' });
    expect(await db.contacts.get(edited)).not.toHaveProperty('local_state');
  });

  it('when the server refuses the unit (the account may no longer edit): all of it stays, and is given up whole', async () => {
    await deleteOffer(ctx(), ids.offer);
    const summary = await push(100, worker.token);
    expect(pushes).toHaveLength(1);
    expect(summary).toEqual({ sent: 5, applied: 0, conflicts: 0, rejected: 5 });
    for (const id of unitRecords()) {
      const table =
        id === ids.offer ? 'services' : ids.schedules.includes(id) ? 'schedules' : 'contacts';
      expect((await serverRow(table, id))?.deleted).toBe(false);
    }
    expect(await db.services.get(ids.offer)).toMatchObject({
      deleted: true,
      local_state: 'rejected',
    });

    // Giving up the offer's entry gives up the unit: everything is back as the server has it.
    const offerEntry = (await db.outbox.toArray()).find((e) => e.table === 'services');
    await discardEntry(db, offerEntry!.seq as number);
    expect(await db.outbox.count()).toBe(0);
    const rows = [
      await db.services.get(ids.offer),
      ...(await db.schedules.bulkGet(ids.schedules)),
      ...(await db.contacts.bulkGet(ids.contacts)),
    ];
    for (const row of rows) {
      expect(row).toMatchObject({ deleted: false });
      expect(row).not.toHaveProperty('local_state');
    }
  });
});
