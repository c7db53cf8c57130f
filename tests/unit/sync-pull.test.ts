import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countByTargetGroup } from '../../src/db/offers';
import type { WegweiserDB } from '../../src/db/schema';
import type { Change } from '../../src/model';
import { SyncError } from '../../src/sync/errors';
import { pullAll } from '../../src/sync/pull';
import { destroy, freshDb, org, service, tombstone, uid, upsert } from './db.fixtures';
import { type FakeServer, fakeServer } from './sync.fixtures';

function catalogue(n: number): Change[] {
  const changes: Change[] = [upsert('organizations', org(1, { version: 1 }))];
  for (let i = 2; i <= n; i++) changes.push(upsert('services', service(1000 + i, { version: i })));
  return changes;
}

const meta = async (db: WegweiserDB, key: string) => (await db.meta.get(key))?.value;
const NOW = new Date('2025-03-01T12:00:00.000Z');

let db: WegweiserDB;
let server: FakeServer;
const pull = (signal?: AbortSignal) =>
  pullAll({
    db,
    fetch: server.fetch,
    baseUrl: 'https://wegweiser.example/',
    signal,
    // Small pages so that 1234 records span several of them.
    limit: 500,
    now: () => NOW,
  });

beforeEach(() => {
  db = freshDb().db;
  server = fakeServer(catalogue(1234));
});
afterEach(async () => {
  await destroy(db);
});

describe('pullAll', () => {
  it('pages until more is false, stores cursor and lastSyncAt', async () => {
    expect(await pull()).toBe(1234);
    expect(server.requests).toEqual(['', '500', '1000']);
    expect(await meta(db, 'cursor')).toBe('1234');
    expect(await meta(db, 'lastSyncAt')).toBe(NOW.toISOString());
    expect(await db.services.count()).toBe(1233);
  });

  it('then pulls exactly the delta, including a deletion', async () => {
    await pull();
    server.push(
      tombstone('services', uid(1002), 1235),
      upsert('services', service(1003, { version: 1236, target_groups: ['wohnungslose'] })),
    );
    expect(await pull()).toBe(2);
    expect(server.requests.slice(3)).toEqual(['1234']);
    expect(await db.services.get(uid(1002))).toBeUndefined();
    expect(await countByTargetGroup(db)).toMatchObject({ jugendliche: 1231, wohnungslose: 1 });
  });

  it('records a network error and recovers on retry', async () => {
    server.failNext('network');
    const error = await pull().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('network');
    expect(await meta(db, 'lastError')).toEqual({ code: 'network', at: NOW.toISOString() });
    expect(await meta(db, 'cursor')).toBeUndefined();
    expect(await meta(db, 'lastSyncAt')).toBeUndefined();

    expect(await pull()).toBe(1234);
    expect(await meta(db, 'lastError')).toBeUndefined();
  });

  it('keeps the pages it got when a later page fails, and resumes there', async () => {
    await pull();
    server.push(...catalogue(2000).slice(1234));
    const from = server.requests.length;
    // page 1 of the delta succeeds, page 2 gets a 503
    const original = server.fetch;
    let calls = 0;
    server.fetch = async (input, init) => {
      calls++;
      if (calls === 2) return { ok: false, status: 503, json: async () => ({}) } as Response;
      return original(input, init);
    };
    const error = (await pull().catch((e: unknown) => e)) as SyncError;
    expect(error.info()).toEqual({ code: 'server', status: 503 });
    expect(await meta(db, 'cursor')).toBe('1734');
    expect(await meta(db, 'lastError')).toMatchObject({ code: 'server', status: 503 });

    server.fetch = original;
    expect(await pull()).toBe(266);
    expect(server.requests.slice(from)).toEqual(['1234', '1734']);
    expect(await meta(db, 'cursor')).toBe('2000');
  });

  it('rejects an answer that is not a pull page', async () => {
    server.failNext('garbage');
    await expect(pull()).rejects.toMatchObject({ code: 'invalid' });
  });

  it('stops a server that says more without moving the cursor', async () => {
    server.fetch = async () =>
      ({
        ok: true,
        status: 200,
        json: async () => ({ changes: [], cursor: '0', more: true }),
      }) as Response;
    await expect(pull()).rejects.toMatchObject({ code: 'invalid' });
  });

  it('passes an abort through without recording an error', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(pull(ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await meta(db, 'lastError')).toBeUndefined();
  });
});
