/**
 * Translated content through the real server in-process: a coordinator's translation reaches
 * a worker's and a resident's device, a resident never receives an internal offer's
 * translations, and a bad translation is refused with a code and changes nothing.
 */
import 'fake-indexeddb/auto';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../protocol';
import { createApp } from '../../server/app';
import { saveRecord } from '../../src/db/edits';
import type { WegweiserDB } from '../../src/db/schema';
import { shownText } from '../../src/model';
import { type FetchLike, pullAll } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import { destroy, freshDb, org, service, uid } from '../unit/db.fixtures';
import { account, backends, bearer, openMigrated, type TestDb } from './helpers';

type Account = Awaited<ReturnType<typeof account>>;

describe.each(backends)('translated content on $name', (backend) => {
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

  it("a coordinator's translations reach a worker and a resident; an internal offer's do not reach a resident", async () => {
    const coord = device();
    const ctx = { db: coord, userEmail: coordinator.email };
    const provider = org(701, { translations: { en: { name: 'Neighbourhood association' } } });
    const open = service(702, {
      organization_id: provider.id,
      name: 'Schuldnerberatung',
      translations: { ar: { name: 'استشارة الديون', machine: true } },
    });
    const hidden = service(703, {
      organization_id: provider.id,
      visibility: 'internal',
      translations: { uk: { name: 'Внутрішня консультація' } },
    });
    for (const [table, record] of [
      ['organizations', provider],
      ['services', open],
      ['services', hidden],
    ] as const) {
      expect((await saveRecord(ctx, table, record)).ok).toBe(true);
    }
    const pushed = await pushOutbox({
      db: coord,
      fetch: fetchAs(coordinator.token),
      baseUrl: '',
      clientId: 'coord-device',
      token: coordinator.token,
      userEmail: coordinator.email,
    });
    expect(pushed).toMatchObject({ applied: 3, rejected: 0 });

    const phone = device();
    await pull(phone, worker);
    const onPhone = await phone.services.get(open.id);
    expect(onPhone?.translations).toEqual({ ar: { name: 'استشارة الديون', machine: true } });
    expect(shownText(onPhone ?? open, 'name', 'ar')).toMatchObject({ lang: 'ar', machine: true });
    expect((await phone.services.get(hidden.id))?.translations).toEqual({
      uk: { name: 'Внутрішня консультація' },
    });

    const resident = device();
    await pull(resident, null);
    expect((await resident.organizations.get(provider.id))?.translations).toEqual({
      en: { name: 'Neighbourhood association' },
    });
    expect((await resident.services.get(open.id))?.translations?.ar?.name).toBe('استشارة الديون');
    expect(await resident.services.get(hidden.id)).toBeUndefined();
  });

  it('refuses a translation into an unknown language or of an unknown field, and stores nothing', async () => {
    const id = uid(801);
    const base = { ...service(801), organization_id: uid(701) };
    for (const translations of [{ xx: { name: 'x' } }, { en: { legal_basis: 'SGB II' } }]) {
      const fields = Object.fromEntries(
        Object.entries({ ...base, translations })
          .filter(([k]) => !['id', 'version', 'updated_at', 'updated_by', 'deleted'].includes(k))
          .map(([k, v]) => [k, { base: null, value: v }]),
      );
      const res = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer(coordinator.token) },
        body: JSON.stringify({
          clientId: 'raw',
          mutations: [
            {
              mutationId: `m-${Object.keys(translations)[0]}`,
              table: 'services',
              id,
              op: 'upsert',
              baseVersion: 0,
              fields,
            },
          ],
        }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const [result] = ((await res.json()) as PushResponse).results;
      expect(result?.status).toBe('rejected');
      expect(result?.errors?.map((e) => e.field.split('.')[0])).toContain('translations');
    }
    const rows = await t.db.query('select 1 from records where id = $1::uuid', [id]);
    expect(rows).toHaveLength(0);
  });
});
