import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, createDbStatusStore, dbStatus, getDb, openDb } from '../../src/db/db';
import { classifyDbError, DbError } from '../../src/db/errors';
import { DB_VERSION, STORES_V1, STORES_V3 } from '../../src/db/schema';
import { requestPersistentStorage, storageEstimate } from '../../src/db/storage';
import { destroy, org, uniqueName } from './db.fixtures';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyDbError', () => {
  it.each([
    ['a bare QuotaExceededError', quota(), 'quota'],
    ['Dexie.AbortError wrapping it', new Dexie.AbortError('Transaction aborted', quota()), 'quota'],
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('full'), 'quota'],
    ['a BulkError with a quota failure', new Dexie.BulkError('bulk', { 0: quota() }), 'quota'],
    ['a legacy code 22', Object.assign(new Error('full'), { code: 22 }), 'quota'],
    ['Firefox NS_ERROR_DOM_QUOTA_REACHED', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, 'quota'],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError(), 'closed'],
    [
      'InvalidStateError on a closing connection',
      new DOMException('x', 'InvalidStateError'),
      'closed',
    ],
    [
      'MissingAPIError (no indexedDB)',
      new Dexie.MissingAPIError('IndexedDB API missing'),
      'unavailable',
    ],
    ['SecurityError', new DOMException('insecure', 'SecurityError'), 'unavailable'],
    [
      'OpenFailedError wrapping InvalidStateError (Firefox private mode)',
      new Dexie.OpenFailedError(new DOMException('x', 'InvalidStateError')),
      'unavailable',
    ],
    ['VersionError', new Dexie.VersionError('newer'), 'version'],
    ['UpgradeError', new Dexie.UpgradeError('failed'), 'version'],
    ['our own blocked error', new DbError('blocked'), 'blocked'],
    ['a plain AbortError', new Dexie.AbortError('aborted'), 'unknown'],
    ['a TypeError', new TypeError('x'), 'unknown'],
    ['null', null, 'unknown'],
  ] as const)('%s → %s', (_label, error, code) => {
    expect(classifyDbError(error)).toBe(code);
  });

  it('reads InvalidStateError during open as storage being unavailable', () => {
    expect(classifyDbError(new DOMException('x', 'InvalidStateError'), { during: 'open' })).toBe(
      'unavailable',
    );
  });

  it('does not loop on a self-referencing error', () => {
    const e = new Dexie.AbortError('aborted');
    e.inner = e;
    expect(classifyDbError(e)).toBe('unknown');
  });
});

const failWith = (makeError: () => unknown): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'test-fail',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return name === 'organizations'
        ? { ...table, mutate: () => Promise.reject(makeError()) }
        : table;
    },
  }),
});

describe('database lifecycle', () => {
  const cleanup: Dexie[] = [];
  afterEach(async () => {
    for (const db of cleanup.splice(0)) await destroy(db);
  });

  it('classifies a quota error from a real write transaction', async () => {
    const db = createDb(uniqueName(), { status: createDbStatusStore() });
    cleanup.push(db);
    db.use(failWith(quota));
    const error = await db
      .transaction('rw', db.organizations, () => db.organizations.put(org(1)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(classifyDbError(error)).toBe('quota');
    expect(await db.organizations.count()).toBe(0);
  });

  it('closes on versionchange so that another tab can upgrade, and asks for a reload', async () => {
    const name = uniqueName();
    const status = createDbStatusStore();
    const db = await openDb(createDb(name, { status }));
    await db.organizations.put(org(1));

    const newer = new Dexie(name);
    newer.version(DB_VERSION + 1).stores({ ...STORES_V3, notes: 'id' });
    // Would hang (blocked) if the old connection stayed open.
    await newer.open();
    cleanup.push(newer);

    expect(db.isOpen()).toBe(false);
    expect(status.get().state).toBe('outdated');
    expect(await newer.table('organizations').count()).toBe(1);
    newer.close();
  });

  it('reports blocked while an old tab holds version 1 and continues once it closes', async () => {
    const name = uniqueName();
    const seed = new Dexie(name);
    seed.version(1).stores(STORES_V1);
    await seed.table('organizations').put(org(1));
    seed.close();
    // The other tab: a plain connection (not a Dexie instance of this page, which Dexie
    // would close for us) that ignores versionchange, as old code does.
    const oldTab = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(oldTab.version).toBe(10);

    const status = createDbStatusStore();
    const db = createDb(name, { status });
    cleanup.push(db);
    const opening = openDb(db);
    await vi.waitFor(() => expect(status.get()).toEqual({ state: 'blocked', error: 'blocked' }));

    oldTab.close();
    await opening;
    expect(status.get()).toEqual({ state: 'ready', error: null });
    expect(await db.organizations.count()).toBe(1);
  });

  it('reopens on next use after the connection closed unexpectedly', async () => {
    const status = createDbStatusStore();
    const db = await openDb(createDb(uniqueName(), { status }));
    cleanup.push(db);
    await db.organizations.put(org(1));

    // What the browser does when storage is cleared or the disk goes away.
    const idb = db.backendDB();
    idb.onclose?.call(idb, new Event('close'));
    expect(db.isOpen()).toBe(false);
    expect(status.get().state).toBe('closed');

    expect(await db.organizations.count()).toBe(1);
    expect(db.isOpen()).toBe(true);
    expect(status.get().state).toBe('ready');
  });

  it.each([
    ['SecurityError', () => new DOMException('The operation is insecure.', 'SecurityError')],
    ['InvalidStateError', () => new DOMException('A mutation operation…', 'InvalidStateError')],
  ])('reports storage as unavailable when open throws %s (private mode)', async (_n, make) => {
    const status = createDbStatusStore();
    const db = createDb(uniqueName(), {
      status,
      dexie: {
        indexedDB: {
          open: () => {
            throw make();
          },
        },
      },
    });
    const error = await openDb(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('unavailable');
    expect(status.get()).toEqual({ state: 'error', error: 'unavailable' });
  });

  it('getDb() is a lazy singleton that replaces a closed instance', async () => {
    const first = getDb();
    expect(getDb()).toBe(first);
    await openDb();
    expect(dbStatus.get().state).toBe('ready');
    first.close();
    const second = getDb();
    expect(second).not.toBe(first);
    await second.organizations.put(org(1));
    expect(await second.organizations.count()).toBe(1);
    cleanup.push(second);
  });
});

describe('storage', () => {
  it('asks for persistence once and reports the estimate', async () => {
    const storage = {
      persisted: vi.fn().mockResolvedValueOnce(false).mockResolvedValue(true),
      persist: vi.fn().mockResolvedValue(true),
      estimate: vi.fn().mockResolvedValue({ usage: 1234, quota: 10_000 }),
    } as unknown as StorageManager;
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await storageEstimate(storage)).toEqual({ usage: 1234, quota: 10_000, persisted: true });
  });

  it('returns null where the API is missing', async () => {
    expect(await requestPersistentStorage(undefined)).toBeNull();
    expect(await storageEstimate(undefined)).toBeNull();
  });
});
