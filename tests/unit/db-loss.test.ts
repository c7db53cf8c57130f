import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acknowledgeLoss, createDb, createDbStatusStore, openDb } from '../../src/db/db';
import { META_KEYS, type WegweiserDB } from '../../src/db/schema';
import { requestPersistenceOnce } from '../../src/db/storage';
import { recallUnsent, rememberUnsent } from '../../src/db/unsent';
import { createSyncController, type SyncController } from '../../src/sync/controller';
import { queueReferral, queueUpsert } from '../../src/sync/outboxDb';
import { createAccount } from '../../src/sync/session';
import { destroy, org, referral, service, uniqueName, upsert } from './db.fixtures';
import { fakeServer } from './sync.fixtures';

const session = {
  token: 'tok-1',
  user: { email: 'kim@example.org', role: 'coordinator' as const },
};

let db: WegweiserDB;
let status: ReturnType<typeof createDbStatusStore>;
let controller: SyncController | undefined;

beforeEach(() => {
  localStorage.clear();
  status = createDbStatusStore();
  db = createDb(uniqueName(), { status });
});
afterEach(async () => {
  controller?.stop();
  controller = undefined;
  await destroy(db);
  localStorage.clear();
});

/** What the browser does to an origin's data under storage pressure, or the user in settings. */
function deleteUnderTheApp(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

/**
 * The browser's own `close` event (site data cleared, disk gone). fake-indexeddb's event
 * target takes only its own event shape, so the event is built the way it builds one.
 */
function forceClose(target: WegweiserDB): void {
  const event = {
    type: 'close',
    initialized: true,
    dispatched: false,
    eventPath: [],
    ...{ NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 },
  };
  target.backendDB().dispatchEvent(event as unknown as Event);
}

function start(onLine = true) {
  const server = fakeServer([upsert('organizations', org(1, { version: 1 }))]);
  const account = createAccount({ db, fetch: server.fetch, baseUrl: '' });
  controller = createSyncController({
    db,
    fetch: server.fetch,
    baseUrl: '',
    account,
    env: { events: new EventTarget(), navigator: { onLine } },
  });
  return { server, account, controller };
}

const synced = (c: SyncController) =>
  vi.waitFor(() =>
    expect(c.get()).toMatchObject({ status: 'idle', lastSyncAt: expect.any(String) }),
  );

describe('the database is deleted under the running app', () => {
  it('recovers: pulls again from the start, keeps the user signed in, says what was lost', async () => {
    await openDb(db);
    await db.meta.put({ key: META_KEYS.session, value: session });
    const { server, account, controller: c } = start();
    await synced(c);
    expect(server.requests).toEqual(['']);
    expect(await db.organizations.count()).toBe(1);
    // Two unsent changes, as the outbox mirror would have counted them.
    rememberUnsent(2);

    const seen: string[] = [];
    status.subscribe((s) => seen.push(s.state));
    await deleteUnderTheApp(db.name);

    await vi.waitFor(() => expect(status.get()).toEqual({ state: 'ready', error: null, lost: 2 }));
    expect(seen[0]).toBe('recovering');
    // From cursor 0 again (the new database has none), and everything is back.
    expect(server.requests).toEqual(['', '']);
    expect(await db.organizations.count()).toBe(1);
    expect((await db.meta.get(META_KEYS.session))?.value).toEqual(session);
    expect(account.get().status).toBe('active');
    expect(recallUnsent()).toBe(0);

    acknowledgeLoss(db);
    expect(status.get()).toEqual({ state: 'ready', error: null });
  });

  it('claims no loss when nothing was waiting', async () => {
    await openDb(db);
    const { controller: c } = start();
    await synced(c);
    await deleteUnderTheApp(db.name);
    await vi.waitFor(() => expect(status.get()).toEqual({ state: 'ready', error: null, lost: 0 }));
  });

  it('stays silent when the browser only closed the connection and the data is intact', async () => {
    await openDb(db);
    const { server, controller: c } = start();
    await synced(c);
    forceClose(db);
    expect(status.get().state).toBe('recovering');
    await vi.waitFor(() => expect(status.get()).toEqual({ state: 'ready', error: null }));
    // The cursor was kept, so the pull went on from it.
    expect(server.requests).toEqual(['', '1']);
  });

  it('tells at the next start when the database was deleted while the app was closed', async () => {
    await openDb(db);
    rememberUnsent(3);
    db.close();
    await Dexie.delete(db.name);
    await openDb(db);
    expect(status.get()).toEqual({ state: 'ready', error: null, lost: 3 });
    expect(recallUnsent()).toBe(0);
  });
});

describe('the outbox mirror', () => {
  it('follows the number of outbox entries', async () => {
    await openDb(db);
    await db.meta.put({ key: META_KEYS.session, value: session });
    // Offline: nothing is sent, the entries stay.
    start(false);
    const ctx = { db, userEmail: session.user.email };
    await queueUpsert(ctx, 'services', service(1));
    await queueUpsert(ctx, 'services', service(2));
    await vi.waitFor(() => expect(recallUnsent()).toBe(2));
    await db.outbox.clear();
    await vi.waitFor(() => expect(recallUnsent()).toBe(0));
  });
});

describe('a full disk during a sync', () => {
  it('is reported to the database status and cleared by the next good sync', async () => {
    let full = true;
    db.use({
      stack: 'dbcore',
      name: 'test-quota',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'organizations') return table;
          return {
            ...table,
            mutate: (req) =>
              full
                ? Promise.reject(new DOMException('full', 'QuotaExceededError'))
                : table.mutate(req),
          };
        },
      }),
    });
    await openDb(db);
    const { controller: c } = start();
    await vi.waitFor(() => expect(c.get().error).toMatchObject({ code: 'storage', db: 'quota' }));
    expect(status.get()).toEqual({ state: 'ready', error: 'quota' });

    full = false;
    await c.syncNow();
    expect(c.get().status).toBe('idle');
    expect(status.get()).toEqual({ state: 'ready', error: null });
    expect(await db.organizations.count()).toBe(1);
  });
});

describe('persistent storage', () => {
  const storage = () =>
    ({
      persisted: vi.fn().mockResolvedValue(false),
      persist: vi.fn().mockResolvedValue(false),
    }) as unknown as StorageManager & { persist: ReturnType<typeof vi.fn> };

  it('is asked for once per device', async () => {
    const s = storage();
    await requestPersistenceOnce(db, s);
    await requestPersistenceOnce(db, s);
    expect(s.persist).toHaveBeenCalledTimes(1);
  });

  it('is asked for at the first saved edit, not for a referral', async () => {
    const s = storage();
    Object.defineProperty(navigator, 'storage', { value: s, configurable: true });
    try {
      const ctx = { db, userEmail: 'kim@example.org' };
      await queueReferral(ctx, referral(1));
      await new Promise((r) => setTimeout(r, 20));
      expect(s.persist).not.toHaveBeenCalled();
      await queueUpsert(ctx, 'services', service(1));
      await vi.waitFor(() => expect(s.persist).toHaveBeenCalledTimes(1));
      await queueUpsert(ctx, 'services', service(2));
      await new Promise((r) => setTimeout(r, 20));
      expect(s.persist).toHaveBeenCalledTimes(1);
    } finally {
      Reflect.deleteProperty(navigator, 'storage');
    }
  });
});
