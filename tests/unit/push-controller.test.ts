import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WegweiserDB } from '../../src/db/schema';
import { createSyncController, type SyncController } from '../../src/sync/controller';
import { queueUpsert } from '../../src/sync/outboxDb';
import { type Account, createAccount } from '../../src/sync/session';
import { destroy, freshDb, org, service, uid } from './db.fixtures';
import { type MemoryServer, memoryServer } from './push.fixtures';

const USER = 'kim@example.org';
let db: WegweiserDB;
let server: MemoryServer;
let account: Account;
let controller: SyncController | undefined;

class FakeSource {
  static last: FakeSource | null = null;
  listeners = new Map<string, (e: Event) => void>();
  closed = false;
  constructor(readonly url: string) {
    FakeSource.last = this;
  }
  addEventListener(type: string, fn: (e: Event) => void) {
    this.listeners.set(type, fn);
  }
  close() {
    this.closed = true;
  }
  emit(version: number) {
    this.listeners.get('version')?.(
      new MessageEvent('version', { data: JSON.stringify({ version }) }),
    );
  }
}

async function start(): Promise<SyncController> {
  await db.meta.bulkPut([
    { key: 'session', value: { token: 'tok', user: { email: USER, role: 'coordinator' } } },
    { key: 'lastUser', value: USER },
  ]);
  account = createAccount({ db, fetch: server.fetch, baseUrl: '' });
  controller = createSyncController({
    db,
    fetch: server.fetch,
    baseUrl: '',
    account,
    debounceMs: 10,
    env: {
      events: new EventTarget(),
      navigator: { onLine: true },
      eventSource: (url) => new FakeSource(url) as never,
    },
  });
  return controller;
}

const idle = (c: SyncController) =>
  vi.waitFor(() => expect(['idle', 'error', 'offline']).toContain(c.get().status));

beforeEach(() => {
  db = freshDb().db;
  server = memoryServer();
  server.seed('organizations', org(1));
  server.seed('services', service(100));
});
afterEach(async () => {
  controller?.stop();
  controller = undefined;
  await destroy(db);
});

describe('sync controller with an account', () => {
  it('pulls internal records with the token and follows live events with it', async () => {
    const c = await start();
    await vi.waitFor(async () => expect(await db.services.count()).toBe(1));
    await idle(c);
    expect(server.tokens.at(-1)).toBe('Bearer tok');
    expect(FakeSource.last?.url).toBe('/api/sync/events?token=tok');

    // A coordinator elsewhere changes something; the event makes this client pull.
    const v = server.edit('services', uid(100), { name: 'Live geändert' });
    FakeSource.last?.emit(v);
    await vi.waitFor(async () =>
      expect((await db.services.get(uid(100)))?.name).toBe('Live geändert'),
    );
  });

  it('pushes an edit shortly after it is made, then pulls the echo', async () => {
    const c = await start();
    await vi.waitFor(async () => expect(await db.services.count()).toBe(1));
    await idle(c);
    await queueUpsert({ db, userEmail: USER }, 'services', { ...service(100), name: 'Sofort' });
    await vi.waitFor(() => expect(server.records.get(`services/${uid(100)}`)?.name).toBe('Sofort'));
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    await idle(c);
    const row = await db.services.get(uid(100));
    expect(row?.version).toBe(server.records.get(`services/${uid(100)}`)?.version);
  });

  it('tells how many edits a run delivered, and nothing for a run that sent none', async () => {
    const c = await start();
    await vi.waitFor(async () => expect(await db.services.count()).toBe(1));
    await idle(c);
    expect(c.get().delivered).toBeUndefined();
    await queueUpsert({ db, userEmail: USER }, 'services', { ...service(100), name: 'Zwei' });
    await vi.waitFor(() => expect(c.get().delivered?.count).toBe(1));
    const first = c.get().delivered;

    await c.syncNow();
    expect(c.get().delivered).toBe(first);
  });

  it('marks the session expired on 401, keeps the outbox and goes on pulling as a resident', async () => {
    const c = await start();
    await vi.waitFor(async () => expect(await db.services.count()).toBe(1));
    await idle(c);
    server.expireToken();
    await queueUpsert({ db, userEmail: USER }, 'services', { ...service(100), name: 'Wartet' });
    await vi.waitFor(() => expect(account.get().status).toBe('expired'));
    await idle(c);
    expect(c.get().error).toEqual({ code: 'auth', status: 401 });
    expect(await db.outbox.count()).toBe(1);
    expect(account.token()).toBeNull();
    // Public data keeps coming without the token.
    server.edit('organizations', uid(1), { name: 'Neuer Name' });
    await c.syncNow();
    expect(server.tokens.at(-1)).toBeNull();
    expect((await db.organizations.get(uid(1)))?.name).toBe('Neuer Name');
  });
});
