/**
 * Coordinators' own search words through the real server in-process: a word added on a
 * coordinator's device reaches a worker's and a resident's device, a worker may not add one,
 * and a deletion reaches the other devices.
 */
import 'fake-indexeddb/auto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import {
  addLocalTerm,
  deleteLocalTerm,
  readLocalTerms,
  renameLocalTerm,
} from '../../src/db/localTerms';
import type { WegweiserDB } from '../../src/db/schema';
import { createSearchIndex } from '../../src/search/store';
import { type FetchLike, pullAll } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import { destroy, freshDb } from '../unit/db.fixtures';
import { service } from '../unit/ui/helpers';
import { account, backends, openMigrated, type TestDb } from './helpers';

type Account = Awaited<ReturnType<typeof account>>;

/** Adds a word on the device, which must accept it (the server decides later). */
async function addedTerm(...args: Parameters<typeof addLocalTerm>) {
  const added = await addLocalTerm(...args);
  if (!added.ok) throw new Error(`refused on the device: ${added.errors[0]?.code}`);
  return added;
}

describe.each(backends)('local search words on $name', (backend) => {
  let t: TestDb;
  let app: Hono;
  let coordinator: Account;
  let worker: Account;
  const devices: WegweiserDB[] = [];

  const fetchAs =
    (token: string | null): FetchLike =>
    async (input, init) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return app.request(input, { ...init, headers });
    };
  const device = () => {
    const { db } = freshDb();
    devices.push(db);
    return db;
  };
  const push = (db: WegweiserDB, who: Account) =>
    pushOutbox({
      db,
      fetch: fetchAs(who.token),
      baseUrl: '',
      clientId: `device-${who.email}`,
      token: who.token,
      userEmail: who.email,
    });
  const pull = (db: WegweiserDB, who: Account | null) =>
    pullAll({ db, fetch: fetchAs(who?.token ?? null), baseUrl: '' });

  beforeAll(async () => {
    t = await openMigrated(backend);
    coordinator = await account(t.db, 'coordinator');
    worker = await account(t.db, 'worker');
    app = createApp({ db: t.db, distDir: '/nonexistent' });
  });
  afterAll(async () => {
    await t?.destroy();
  });
  afterEach(() => {
    for (const db of devices.splice(0)) destroy(db);
  });

  it("a word added by a coordinator is on a worker's and a resident's device after sync, and the worker's search finds by it", async () => {
    const coord = device();
    const ctx = { db: coord, userEmail: coordinator.email };
    const added = await addedTerm(ctx, { concept: 'debt', term: 'Büdchen' });
    expect(await push(coord, coordinator)).toMatchObject({ applied: 1, rejected: 0 });

    const phone = device();
    // An offer the worker's phone already holds; the word is a need of the thesaurus (debt).
    await phone.services.put(service(100, { name: 'Schuldnerberatung im Quartiersbüro' }));
    const search = createSearchIndex(phone);
    await search.ready;
    const found = (q: string) =>
      search
        .engine()!
        .search(q)
        .hits.map((h) => h.id);
    expect(found('Büdchen')).toEqual([]);
    await pull(phone, worker);
    expect(await readLocalTerms(phone)).toEqual([{ concept: 'debt', term: 'Büdchen' }]);
    await search.settled();
    expect(found('Büdchen')).toEqual([service(100).id]);
    const resident = device();
    await pull(resident, null);
    expect(await readLocalTerms(resident)).toEqual([{ concept: 'debt', term: 'Büdchen' }]);

    expect((await renameLocalTerm(ctx, added.id, 'Kiosk-Treff')).ok).toBe(true);
    await push(coord, coordinator);
    await pull(phone, worker);
    expect(await readLocalTerms(phone)).toEqual([{ concept: 'debt', term: 'Kiosk-Treff' }]);

    expect((await deleteLocalTerm(ctx, added.id)).ok).toBe(true);
    await push(coord, coordinator);
    await pull(phone, worker);
    expect(await readLocalTerms(phone)).toEqual([]);
    await search.settled();
    expect(found('Kiosk-Treff')).toEqual([]);
    search.dispose();
  });

  it('a worker may not add a word: the server refuses it and stores nothing', async () => {
    const phone = device();
    const added = await addedTerm(
      { db: phone, userEmail: worker.email },
      { concept: 'debt', term: 'Pleite' },
    );
    expect(await push(phone, worker)).toMatchObject({ applied: 0, rejected: 1 });
    const rows = await t.db.query('select 1 from records where id = $1::uuid', [added.id]);
    expect(rows).toHaveLength(0);
  });
});
