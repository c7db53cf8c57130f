/**
 * The client's sync code (outbox, push, pull, apply) against the real server in-process
 * (app.request as the client's fetch) on PGlite, and on PostgreSQL when DATABASE_URL is
 * set: lost answers, duplicated requests and a server restart on the same data.
 */
import 'fake-indexeddb/auto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { upsertRecords } from '../../server/records';
import { createDb, createDbStatusStore } from '../../src/db/db';
import { META_KEYS, type WegweiserDB } from '../../src/db/schema';
import { SyncError } from '../../src/sync/errors';
import { readPayload } from '../../src/sync/outbox';
import { type EditContext, queueDelete, queueUpsert } from '../../src/sync/outboxDb';
import { type FetchLike, pullAll } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import { destroy, freshDb, org, service, uid } from '../unit/db.fixtures';
import { account, backends, openMigrated, type TestDb } from './helpers';

type Account = Awaited<ReturnType<typeof account>>;

describe.each(backends)('client sync against the real server on $name', (backend) => {
  let t: TestDb;
  let app: Hono;
  let coordinator: Account;
  let db: WegweiserDB;
  let ctx: EditContext;
  /** Server answers in order: 'ok', or 'drop' = committed on the server, answer lost. */
  let requests: { path: string; outcome: 'ok' | 'drop' }[];
  let dropNext: ((path: string) => boolean) | null;
  /** Sends each push twice (a proxy retrying), handing the client the second answer. */
  let doublePushes: boolean;
  let next = 500;

  const serve = async (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${coordinator.token}`);
    const res = await app.request(input, { ...init, headers });
    // Read it all, so the server finished (and committed) before the answer is dropped.
    return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
  };
  const fetch: FetchLike = async (input, init) => {
    const path = new URL(input, 'http://x').pathname;
    if (doublePushes && path === '/api/sync/push') await serve(input, init);
    const res = await serve(input, init);
    if (dropNext?.(path)) {
      dropNext = null;
      requests.push({ path, outcome: 'drop' });
      throw new TypeError('fetch failed');
    }
    requests.push({ path, outcome: 'ok' });
    return res;
  };
  const push = () =>
    pushOutbox({
      db,
      fetch,
      baseUrl: '',
      clientId: 'phone-1',
      token: coordinator.token,
      userEmail: coordinator.email,
    });
  const pull = (limit?: number) => pullAll({ db, fetch, baseUrl: '', limit });

  async function serverRow(table: string, id: string) {
    const [row] = await t.db.query<{ version: string; data: Record<string, unknown> }>(
      'select version, data from records where table_name = $1 and id = $2::uuid',
      [table, id],
    );
    return row ? { version: Number(row.version), data: row.data } : undefined;
  }
  const auditCount = async (id: string) =>
    Number(
      (
        await t.db.query<{ n: number }>(
          'select count(*)::int as n from audit_log where record_id = $1::uuid',
          [id],
        )
      )[0]?.n,
    );
  const cursor = async () => (await db.meta.get(META_KEYS.cursor))?.value;

  beforeAll(async () => {
    t = await openMigrated(backend);
    coordinator = await account(t.db, 'coordinator');
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [org(1)], null);
      await upsertRecords(
        q,
        'services',
        Array.from({ length: 30 }, (_, i) => service(100 + i)),
        null,
      );
    });
    app = createApp({ db: t.db, distDir: '/nonexistent' });
  });
  afterAll(async () => {
    await t?.destroy();
  });
  beforeEach(async () => {
    db = freshDb().db;
    ctx = { db, userEmail: coordinator.email };
    requests = [];
    dropNext = null;
    doublePushes = false;
    await pull();
  });
  afterEach(() => destroy(db));

  it('retries an edit whose answer was lost after the commit: duplicate, applied once', async () => {
    const before = await serverRow('services', uid(100));
    const audits = await auditCount(uid(100));
    const local = await db.services.get(uid(100));
    await queueUpsert(ctx, 'services', { ...local, id: uid(100), name: 'Neu nach Funkloch' });

    dropNext = (path) => path === '/api/sync/push';
    await expect(push()).rejects.toBeInstanceOf(SyncError);
    // The server has it; the client does not know and keeps it as sent.
    const committed = await serverRow('services', uid(100));
    expect(committed?.data.name).toBe('Neu nach Funkloch');
    expect(committed?.version).toBeGreaterThan(before?.version ?? 0);
    const [entry] = await db.outbox.toArray();
    expect(entry && readPayload(entry).state).toBe('sent');

    expect(await push()).toEqual({ sent: 1, applied: 1, conflicts: 0, rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    // Not written a second time: same version, one more audit entry, not two.
    expect((await serverRow('services', uid(100)))?.version).toBe(committed?.version);
    expect(await auditCount(uid(100))).toBe(audits + 1);

    await pull();
    const after = await db.services.get(uid(100));
    expect(after).toMatchObject({ name: 'Neu nach Funkloch', version: committed?.version });
    expect((after as { local_state?: string }).local_state).toBeUndefined();
    expect(await cursor()).toBe(String(committed?.version));
  });

  it('creates a record once when the same push arrives twice', async () => {
    doublePushes = true;
    const id = uid(++next);
    expect(
      (await queueUpsert(ctx, 'services', { ...service(next), name: 'Doppelt gesendet' })).ok,
    ).toBe(true);
    expect(await push()).toEqual({ sent: 1, applied: 1, conflicts: 0, rejected: 0 });
    const rows = await t.db.query<{ n: number }>(
      "select count(*)::int as n from records where table_name = 'services' and data->>'name' = $1",
      ['Doppelt gesendet'],
    );
    expect(rows[0]?.n).toBe(1);
    expect(await auditCount(id)).toBeGreaterThan(0);
    const created = await serverRow('services', id);
    await pull();
    expect((await db.services.get(id))?.version).toBe(created?.version);
    expect(await db.outbox.count()).toBe(0);
  });

  it('deletes once when the delete is duplicated and its answer lost', async () => {
    const id = uid(129);
    await queueDelete(ctx, 'services', id);
    doublePushes = true;
    dropNext = (path) => path === '/api/sync/push';
    await expect(push()).rejects.toBeInstanceOf(SyncError);
    const gone = await serverRow('services', id);
    expect(gone?.data.deleted).toBe(true);
    doublePushes = false;
    expect((await push()).applied).toBe(1);
    expect((await serverRow('services', id))?.version).toBe(gone?.version);
    await pull();
    expect(await db.services.get(id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('resumes a pull from the last stored page when a page answer is lost', async () => {
    await destroy(db);
    db = freshDb().db;
    ctx = { db, userEmail: coordinator.email };
    let pulls = 0;
    dropNext = (path) => path === '/api/sync/pull' && ++pulls === 3;
    await expect(pull(7)).rejects.toBeInstanceOf(SyncError);
    const stopped = await cursor();
    expect(stopped).toBeDefined();
    requests = [];
    await pull(7);
    const [{ n } = { n: 0 }] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from records where table_name = 'services' and not deleted",
    );
    expect(await db.services.count()).toBe(n);
    const [{ v } = { v: '0' }] = await t.db.query<{ v: string }>(
      "select max(version)::text as v from records where table_name <> 'referrals'",
    );
    expect(await cursor()).toBe(v);
  });
});

describe('client sync across a server restart on the same PGlite data directory', () => {
  const backend = backends.find((b) => b.name === 'pglite');
  if (!backend) throw new Error('no pglite backend');
  let t: TestDb;
  let app: Hono;
  let coordinator: Account;
  let dbName: string;
  let db: WegweiserDB;
  let drop = false;
  const sinces: string[] = [];

  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input, 'http://x');
    if (url.pathname === '/api/sync/pull') sinces.push(url.searchParams.get('since') ?? '');
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${coordinator.token}`);
    const res = await app.request(input, { ...init, headers });
    const body = await res.arrayBuffer();
    if (drop) {
      drop = false;
      throw new TypeError('fetch failed');
    }
    return new Response(body, { status: res.status, headers: res.headers });
  };
  const push = () =>
    pushOutbox({
      db,
      fetch,
      baseUrl: '',
      clientId: 'tablet-7',
      token: coordinator.token,
      userEmail: coordinator.email,
    });
  const pull = () => pullAll({ db, fetch, baseUrl: '' });

  beforeAll(async () => {
    t = await openMigrated(backend);
    coordinator = await account(t.db, 'coordinator');
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [org(1)], null);
      await upsertRecords(q, 'services', [service(100), service(101)], null);
    });
    app = createApp({ db: t.db, distDir: '/nonexistent' });
    db = freshDb().db;
    dbName = db.name;
  });
  afterAll(async () => {
    await destroy(db);
    await t?.destroy();
  });

  it('continues from its cursor and outbox after the server (and the app) restarted', async () => {
    await pull();
    const ctx = { db, userEmail: coordinator.email };
    const local = await db.services.get(uid(100));
    await queueUpsert(ctx, 'services', { ...local, id: uid(100), name: 'Vor dem Neustart' });
    drop = true;
    await expect(push()).rejects.toBeInstanceOf(SyncError);
    // Queued, not yet sent: survives too.
    const other = await db.services.get(uid(101));
    await queueUpsert(ctx, 'services', { ...other, id: uid(101), name: 'Noch nicht gesendet' });

    // Server process gone and back on the same data; the phone's tab was closed as well.
    await t.reopen();
    app = createApp({ db: t.db, distDir: '/nonexistent' });
    db.close();
    db = createDb(dbName, { status: createDbStatusStore() });
    const cursorBefore = (await db.meta.get(META_KEYS.cursor))?.value;
    expect(await db.outbox.count()).toBe(2);

    // Meanwhile someone else changed something.
    await t.db.tx((q) =>
      upsertRecords(q, 'organizations', [{ ...org(1), name: 'Träger umbenannt' }], null),
    );

    expect(await push()).toEqual({ sent: 2, applied: 2, conflicts: 0, rejected: 0 });
    sinces.length = 0;
    await pull();
    expect(sinces[0]).toBe(cursorBefore);
    const names = await t.db.query<{ name: string; n: number }>(
      `select new_value #>> '{}' as name, count(*)::int as n from audit_log
        where record_id in ($1::uuid, $2::uuid) and field = 'name'
        group by 1 order by 1`,
      [uid(100), uid(101)],
    );
    expect(names).toEqual([
      { name: 'Noch nicht gesendet', n: 1 },
      { name: 'Vor dem Neustart', n: 1 },
    ]);
    expect((await db.services.get(uid(100)))?.name).toBe('Vor dem Neustart');
    expect((await db.organizations.get(uid(1)))?.name).toBe('Träger umbenannt');
    expect(await db.outbox.count()).toBe(0);
  });
});
