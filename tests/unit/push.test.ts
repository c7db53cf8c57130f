import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredService, WegweiserDB } from '../../src/db/schema';
import { SyncError } from '../../src/sync/errors';
import { type LocalMarks, readPayload } from '../../src/sync/outbox';
import {
  discardEntry,
  type EditContext,
  queueDelete,
  queueUpsert,
  resolveConflict,
} from '../../src/sync/outboxDb';
import { pullAll } from '../../src/sync/pull';
import { type PushOptions, pushOutbox } from '../../src/sync/push';
import { destroy, freshDb, org, service, uid } from './db.fixtures';
import { type MemoryServer, memoryServer } from './push.fixtures';

let db: WegweiserDB;
let server: MemoryServer;
let ctx: EditContext;

const USER = 'kim@example.org';

function opts(over: Partial<PushOptions> = {}): PushOptions {
  return {
    db,
    fetch: server.fetch,
    baseUrl: '',
    clientId: 'device-1',
    token: 'tok',
    userEmail: USER,
    ...over,
  };
}
const pull = () => pullAll({ db, fetch: server.fetch, baseUrl: '' });
const sync = async () => {
  await pushOutbox(opts());
  await pull();
};

beforeEach(async () => {
  db = freshDb().db;
  server = memoryServer();
  ctx = { db, userEmail: USER };
  server.seed('organizations', org(1));
  server.seed('services', service(100));
  await pull();
});
afterEach(() => destroy(db));

const serverService = () => server.records.get(`services/${uid(100)}`);
const local = async () =>
  (await db.services.get(uid(100))) as (StoredService & LocalMarks) | undefined;

describe('pushOutbox', () => {
  it('sends an edit once; the answer clears the marker and stores the new version', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Neu' });
    const summary = await pushOutbox(opts());
    expect(summary).toEqual({ sent: 1, applied: 1, conflicts: 0, rejected: 0 });
    expect(serverService()?.name).toBe('Neu');
    expect(await db.outbox.count()).toBe(0);
    const row = await local();
    expect(row?.version).toBe(serverService()?.version);
    expect(row).not.toHaveProperty('local_state');
  });

  it('retries a push whose answer was lost with the same mutationId: applied once', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Einmal' });
    const id = (await db.outbox.toArray())[0]?.mutationId;
    server.loseNextResponse();
    await expect(pushOutbox(opts())).rejects.toMatchObject({ code: 'network' });
    // Committed on the server, but the device does not know: still in the outbox, as sent.
    expect(server.committed).toEqual([id]);
    const [entry] = await db.outbox.toArray();
    expect(readPayload(entry!).state).toBe('sent');

    // An edit meanwhile must not change the mutation already on its way.
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Einmal', phone: '0202 5' });
    await sync();
    expect(server.committed).toHaveLength(2);
    expect(server.committed[0]).toBe(id);
    expect(serverService()).toMatchObject({ name: 'Einmal', phone: '0202 5' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('merges edits of different fields by two coordinators', async () => {
    server.edit('services', uid(100), { phone: '0202 777' });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Mein Titel' });
    await sync();
    expect(serverService()).toMatchObject({ name: 'Mein Titel', phone: '0202 777' });
    expect(await local()).toMatchObject({ name: 'Mein Titel', phone: '0202 777' });
  });

  it('keeps my value as a conflict when both changed the same field; resolving sends it', async () => {
    server.edit('services', uid(100), { name: 'Ihr Titel' });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Mein Titel', phone: '0202 1' });
    await sync();

    // The other field went through; the contested one is not overwritten on either side.
    expect(serverService()).toMatchObject({ name: 'Ihr Titel', phone: '0202 1' });
    expect(await local()).toMatchObject({ name: 'Mein Titel', local_state: 'conflict' });
    const [entry] = await db.outbox.toArray();
    const payload = readPayload(entry!);
    expect(payload.state).toBe('conflict');
    expect(payload.conflicts).toEqual([
      { field: 'name', server: 'Ihr Titel', client: 'Mein Titel', base: 'Angebot 100' },
    ]);

    // A later pull does not resolve it behind the user's back.
    await pull();
    expect(await local()).toMatchObject({ name: 'Mein Titel', local_state: 'conflict' });

    const res = await resolveConflict(ctx, entry!.seq!, {
      name: { kind: 'edit', value: 'Unser Titel' },
    });
    expect(res).toEqual({ ok: true, queued: true });
    const [next] = await db.outbox.toArray();
    expect(readPayload(next!).fields).toEqual({
      name: { base: 'Ihr Titel', value: 'Unser Titel' },
    });
    expect(next?.mutationId).not.toBe(entry?.mutationId);
    await sync();
    expect(serverService()?.name).toBe('Unser Titel');
    expect(await local()).toMatchObject({ name: 'Unser Titel' });
    expect((await local())?.local_state).toBeUndefined();
  });

  it('a resolution whose answer was lost is settled by the pull that brings its value', async () => {
    server.edit('services', uid(100), { name: 'Ihr Titel' });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Mein Titel' });
    await sync();
    const [entry] = await db.outbox.toArray();
    await resolveConflict(ctx, entry!.seq!, { name: { kind: 'edit', value: 'Unser Titel' } });
    server.loseNextResponse();
    await expect(pushOutbox(opts())).rejects.toMatchObject({ code: 'network' });
    expect(serverService()?.name).toBe('Unser Titel');

    // The server has the value: the pull says so, the record is no longer "waiting".
    await pull();
    expect(await db.outbox.count()).toBe(0);
    const row = await local();
    expect(row).toMatchObject({ name: 'Unser Titel', version: serverService()?.version });
    expect(row?.local_state).toBeUndefined();
  });

  it('a pull settles only the leading entries the server already has, in queue order', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Erst' });
    server.loseNextResponse();
    await expect(pushOutbox(opts())).rejects.toMatchObject({ code: 'network' });
    // Edited back to what the server had before: this later entry must still go out.
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Angebot 100' });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Zuletzt' });
    await pull();
    expect(await local()).toMatchObject({ name: 'Zuletzt', local_state: 'pending' });
    await sync();
    expect(serverService()?.name).toBe('Zuletzt');
    expect((await local())?.local_state).toBeUndefined();
  });

  it('taking theirs needs no push and shows the server value', async () => {
    server.edit('services', uid(100), { name: 'Ihr Titel' });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Mein Titel' });
    await sync();
    const [entry] = await db.outbox.toArray();
    expect(await resolveConflict(ctx, entry!.seq!, { name: { kind: 'theirs' } })).toEqual({
      ok: true,
      queued: false,
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await local()).toMatchObject({ name: 'Ihr Titel' });
  });

  it('a delete against a concurrent edit is a conflict; "theirs" brings the record back', async () => {
    server.edit('services', uid(100), { name: 'Noch aktiv' });
    await queueDelete(ctx, 'services', uid(100));
    await sync();
    expect(serverService()?.deleted).toBe(false);
    const [entry] = await db.outbox.toArray();
    expect(readPayload(entry!).conflicts?.[0]).toMatchObject({ field: 'deleted', server: false });
    expect(await local()).toMatchObject({ deleted: true, local_state: 'conflict' });

    await resolveConflict(ctx, entry!.seq!, { deleted: { kind: 'theirs' } });
    expect(await local()).toMatchObject({ deleted: false, name: 'Noch aktiv' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a delete against a concurrent edit, resolved "mine", deletes on purpose', async () => {
    server.edit('services', uid(100), { name: 'Noch aktiv' });
    await queueDelete(ctx, 'services', uid(100));
    await sync();
    const [entry] = await db.outbox.toArray();
    await resolveConflict(ctx, entry!.seq!, { deleted: { kind: 'mine' } });
    await sync();
    expect(serverService()?.deleted).toBe(true);
    expect(await local()).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('an edit against a concurrent delete can restore my version', async () => {
    server.remove('services', uid(100));
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Gibt es noch' });
    await sync();
    const [entry] = await db.outbox.toArray();
    expect(readPayload(entry!).conflicts?.[0]).toMatchObject({ field: 'deleted', server: true });
    expect(await local()).toMatchObject({ name: 'Gibt es noch', local_state: 'conflict' });
    await resolveConflict(ctx, entry!.seq!, { deleted: { kind: 'mine' } });
    await sync();
    expect(serverService()).toMatchObject({ deleted: false, name: 'Gibt es noch' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a rejected edit with its German errors; a correction is a new mutation', async () => {
    // A field unknown to the server's schema stands in for any server-side refusal.
    await db.outbox.add({
      mutationId: 'bad-1',
      table: 'services',
      recordId: uid(100),
      op: 'upsert',
      userEmail: USER,
      createdAt: '2025-03-02T09:00:00Z',
      payload: {
        baseVersion: 1,
        fields: { colour: { base: null, value: 'rot' } },
        state: 'queued',
      },
    });
    const summary = await pushOutbox(opts());
    expect(summary.rejected).toBe(1);
    const [entry] = await db.outbox.toArray();
    expect(readPayload(entry!)).toMatchObject({
      state: 'rejected',
      errors: [{ field: 'colour', code: 'unknown_field', message: 'Unbekanntes Feld „colour“' }],
    });

    await discardEntry(db, entry!.seq!);
    expect(await db.outbox.count()).toBe(0);
  });

  it('folds a correction into a rejected edit under a new mutationId', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Erst' });
    const [first] = await db.outbox.toArray();
    await db.outbox.put({
      ...first!,
      payload: { ...readPayload(first!), state: 'rejected', errors: [] },
    });
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Korrigiert' });
    const [fixed] = await db.outbox.toArray();
    expect(fixed?.mutationId).not.toBe(first?.mutationId);
    expect(readPayload(fixed!)).toMatchObject({
      state: 'queued',
      fields: { name: { base: 'Angebot 100', value: 'Korrigiert' } },
    });
    await sync();
    expect(serverService()?.name).toBe('Korrigiert');
  });

  it('sends an edit queued behind my own delivered create on the new version', async () => {
    await queueUpsert(ctx, 'services', { ...service(200), version: 0, name: 'Ganz neu' });
    server.loseNextResponse();
    await expect(pushOutbox(opts())).rejects.toBeInstanceOf(SyncError);
    await queueDelete(ctx, 'services', uid(200));
    await sync();
    expect(server.records.get(`services/${uid(200)}`)?.deleted).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.services.get(uid(200))).toBeUndefined();
  });

  it('stops with an auth error on 401 and keeps the outbox', async () => {
    await queueUpsert(ctx, 'services', { ...service(100), name: 'Später' });
    server.expireToken();
    await expect(pushOutbox(opts())).rejects.toMatchObject({ code: 'auth' });
    expect(await db.outbox.count()).toBe(1);
    expect((await local())?.name).toBe('Später');
  });

  it('pushes only the signed-in user’s entries (and anonymous ones)', async () => {
    await queueUpsert({ db, userEmail: 'other@example.org' }, 'services', {
      ...service(100),
      name: 'Fremd',
    });
    const summary = await pushOutbox(opts());
    expect(summary.sent).toBe(0);
    expect(server.pushes).toBe(0);
  });
});
