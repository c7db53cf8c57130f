import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, createDbStatusStore } from '../../src/db/db';
import type { WegweiserDB } from '../../src/db/schema';
import { describeSyncAge } from '../../src/sync/age';
import {
  createSyncController,
  type SyncController,
  type SyncControllerOptions,
} from '../../src/sync/controller';
import { destroy, freshDb, org, service, uniqueName, upsert } from './db.fixtures';
import { type FakeServer, fakeServer } from './sync.fixtures';

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

interface Harness {
  db: WegweiserDB;
  server: FakeServer;
  win: EventTarget;
  doc: FakeDocument;
  nav: { onLine: boolean; locks?: Pick<LockManager, 'request'> };
  clock: { t: number };
  start(extra?: Partial<SyncControllerOptions>): SyncController;
}

let h: Harness;
let controller: SyncController | undefined;

function harness(db: WegweiserDB = freshDb().db): Harness {
  const server = fakeServer([upsert('organizations', org(1, { version: 1 }))]);
  const win = new EventTarget();
  const doc = new FakeDocument();
  const nav: Harness['nav'] = { onLine: true };
  const clock = { t: Date.parse('2025-03-01T12:00:00Z') };
  return {
    db,
    server,
    win,
    doc,
    nav,
    clock,
    start(extra = {}) {
      controller = createSyncController({
        db,
        fetch: server.fetch,
        baseUrl: '',
        env: { events: win, document: doc as unknown as Document, navigator: nav },
        now: () => new Date(clock.t),
        ...extra,
      });
      return controller;
    },
  };
}

const settled = (c: SyncController) =>
  vi.waitFor(() => expect(['idle', 'offline', 'error']).toContain(c.get().status));

beforeEach(() => {
  h = harness();
});
afterEach(async () => {
  controller?.stop();
  controller = undefined;
  vi.useRealTimers();
  await destroy(h.db);
});

describe('createSyncController', () => {
  it('pulls at start and reports the time', async () => {
    const c = h.start();
    expect(c.get().status).toBe('syncing');
    await settled(c);
    expect(c.get()).toEqual({
      status: 'idle',
      lastSyncAt: '2025-03-01T12:00:00.000Z',
      error: null,
    });
    expect(await h.db.organizations.count()).toBe(1);
  });

  it('waits while offline and pulls on the online event', async () => {
    h.nav.onLine = false;
    const c = h.start();
    expect(c.get().status).toBe('offline');
    expect(h.server.requests).toEqual([]);

    h.nav.onLine = true;
    h.win.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(c.get().lastSyncAt).not.toBeNull());
    expect(h.server.requests).toEqual(['']);

    h.nav.onLine = false;
    h.win.dispatchEvent(new Event('offline'));
    expect(c.get().status).toBe('offline');
  });

  it('shows a network failure as offline and a server failure as error; retry recovers', async () => {
    h.server.failNext('network');
    const c = h.start();
    await settled(c);
    expect(c.get()).toMatchObject({
      status: 'offline',
      error: { code: 'network' },
      lastSyncAt: null,
    });

    h.server.failNext(500);
    await c.syncNow();
    expect(c.get()).toMatchObject({ status: 'error', error: { code: 'server', status: 500 } });

    await c.syncNow();
    expect(c.get()).toMatchObject({ status: 'idle', error: null });
    expect(c.get().lastSyncAt).not.toBeNull();
  });

  it('reports a full disk as a storage error', async () => {
    const quota: Middleware<DBCore> = {
      stack: 'dbcore',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'organizations') return table;
          return {
            ...table,
            mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
          };
        },
      }),
    };
    await destroy(h.db);
    h = harness(createDb(uniqueName(), { status: createDbStatusStore() }));
    h.db.use(quota);
    const c = h.start();
    await settled(c);
    expect(c.get()).toMatchObject({ status: 'error', error: { code: 'storage', db: 'quota' } });
  });

  it('joins a running pull instead of starting a second one', async () => {
    const c = h.start();
    await Promise.all([c.syncNow(), c.syncNow()]);
    expect(h.server.requests).toEqual(['']);
  });

  it('pulls on focus and on becoming visible, at most every 30 s', async () => {
    const c = h.start();
    await settled(c);
    h.win.dispatchEvent(new Event('focus'));
    await settled(c);
    expect(h.server.requests).toHaveLength(1);

    h.clock.t += 31_000;
    h.win.dispatchEvent(new Event('focus'));
    await settled(c);
    expect(h.server.requests).toHaveLength(2);

    h.clock.t += 31_000;
    h.doc.visibilityState = 'hidden';
    h.doc.dispatchEvent(new Event('visibilitychange'));
    h.doc.visibilityState = 'visible';
    h.doc.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(h.server.requests).toHaveLength(3));
  });

  it('pulls periodically while online and visible', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const c = h.start({ intervalMs: 60_000 });
    await settled(c);
    h.server.push(upsert('services', service(100, { version: 2 })));

    vi.advanceTimersByTime(60_000);
    await vi.waitFor(() => expect(h.server.requests).toEqual(['', '1']));
    await settled(c);
    expect(await h.db.services.count()).toBe(1);

    h.doc.visibilityState = 'hidden';
    vi.advanceTimersByTime(60_000);
    h.doc.visibilityState = 'visible';
    h.nav.onLine = false;
    vi.advanceTimersByTime(60_000);
    expect(h.server.requests).toHaveLength(2);
  });

  it('lets only one tab sync (Web Locks) and picks up the other tab’s result', async () => {
    const held = new Set<string>();
    const request = vi.fn(
      async (name: string, _opts: LockOptions, cb: (lock: Lock | null) => unknown) => {
        if (held.has(name)) return cb(null);
        held.add(name);
        try {
          return await cb({ name, mode: 'exclusive' });
        } finally {
          held.delete(name);
        }
      },
    );
    h.nav.locks = { request } as never;

    held.add('qw-sync'); // another tab is syncing
    const c = h.start();
    await settled(c);
    expect(request).toHaveBeenCalledWith('qw-sync', { ifAvailable: true }, expect.any(Function));
    expect(h.server.requests).toEqual([]);
    expect(c.get()).toMatchObject({ status: 'idle', lastSyncAt: null });

    // The other tab finishes and writes to the shared database.
    await h.db.meta.put({ key: 'lastSyncAt', value: '2025-03-01T11:59:00.000Z' });
    await vi.waitFor(() => expect(c.get().lastSyncAt).toBe('2025-03-01T11:59:00.000Z'));

    held.delete('qw-sync');
    await c.syncNow();
    expect(h.server.requests).toEqual(['']);
  });

  it('stop() removes listeners and timers', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const c = h.start({ intervalMs: 1000 });
    await settled(c);
    c.stop();
    h.clock.t += 60_000;
    h.win.dispatchEvent(new Event('online'));
    h.win.dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(5000);
    await c.syncNow();
    expect(h.server.requests).toEqual(['']);
  });
});

describe('describeSyncAge', () => {
  const now = Date.parse('2025-03-30T12:00:00Z');
  it.each([
    [null, { kind: 'never' }],
    ['kaputt', { kind: 'never' }],
    ['2025-03-30T11:59:30Z', { kind: 'just-now' }],
    ['2025-03-30T12:05:00Z', { kind: 'just-now' }],
    ['2025-03-30T11:57:00Z', { kind: 'minutes', n: 3 }],
    ['2025-03-30T11:00:01Z', { kind: 'minutes', n: 59 }],
    ['2025-03-30T09:00:00Z', { kind: 'hours', n: 3 }],
    ['2025-03-27T12:00:00Z', { kind: 'days', n: 3 }],
  ] as const)('%s → %j', (at, expected) => {
    expect(describeSyncAge(at, now)).toEqual(expected);
    expect(describeSyncAge(at, new Date(now))).toEqual(expected);
  });
});
