import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { Viewer } from '../../server/pull';
import { deleteRecord, upsertRecords } from '../../server/records';
import type { PullResponse } from '../../src/model';
import { backends, contact, openMigrated, org, referral, service, type TestDb } from './helpers';

describe.each(backends)('GET /api/sync/pull on $name', (backend) => {
  let t: TestDb;
  let viewer: Viewer = 'public';
  const app = () => createApp({ db: t.db, distDir: '/nonexistent', resolveViewer: () => viewer });

  async function pull(query = ''): Promise<PullResponse> {
    const res = await app().request(`/api/sync/pull${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    return (await res.json()) as PullResponse;
  }

  /** Follows the cursor until `more` is false, as a client would. */
  async function pullAll(since = '', limit = 500): Promise<PullResponse> {
    const changes: PullResponse['changes'] = [];
    let cursor = since;
    for (let i = 0; i < 1000; i++) {
      const page = await pull(`?since=${cursor}&limit=${limit}`);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return { changes, cursor, more: false };
    }
    throw new Error('pull did not terminate');
  }

  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('answers health with the backend kind', async () => {
    const res = await app().request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: backend.name, version: expect.any(String) });
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('returns an empty page and keeps the cursor on an empty database', async () => {
    const empty = { changes: [], more: false, remaining: 0 };
    expect(await pull()).toEqual({ ...empty, cursor: '0' });
    expect(await pull('?since=')).toEqual({ ...empty, cursor: '0' });
    expect(await pull('?since=12')).toEqual({ ...empty, cursor: '12' });
  });

  it('pages through changes in version order with cursor and more', async () => {
    const orgs = Array.from({ length: 7 }, (_, i) => org({ name: `Träger ${i}` }));
    await t.db.tx((q) => upsertRecords(q, 'organizations', orgs, null));

    const first = await pull('?limit=3');
    expect(first.changes).toHaveLength(3);
    expect(first.more).toBe(true);
    expect(first.remaining).toBe(4);
    expect(first.cursor).toBe(String(first.changes[2]?.version));

    const second = await pull(`?since=${first.cursor}&limit=3`);
    expect(second.changes).toHaveLength(3);
    expect(second.more).toBe(true);
    expect(second.remaining).toBe(1);
    const third = await pull(`?since=${second.cursor}&limit=3`);
    expect(third.changes).toHaveLength(1);
    expect(third.more).toBe(false);

    const all = [...first.changes, ...second.changes, ...third.changes];
    expect(all.map((c) => c.id)).toEqual(orgs.map((o) => o.id));
    const versions = all.map((c) => c.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(all[0]).toMatchObject({ table: 'organizations', deleted: false });
    expect(all[0]?.data).toMatchObject({ id: orgs[0]?.id, name: 'Träger 0', version: versions[0] });

    // Exactly a full page left: more must be false, not a phantom next page.
    const exact = await pull(`?since=${first.cursor}&limit=4`);
    expect(exact.changes).toHaveLength(4);
    expect(exact.more).toBe(false);

    // Nothing new: the cursor stays where it was.
    expect(await pull(`?since=${third.cursor}`)).toEqual({
      changes: [],
      cursor: third.cursor,
      more: false,
      remaining: 0,
    });
  });

  it('defaults the limit to 500 and clamps it to 2000', async () => {
    const before = (await pullAll()).cursor;
    const orgs = Array.from({ length: 2001 }, (_, i) => org({ name: `Anbieter ${i}` }));
    await t.db.tx((q) => upsertRecords(q, 'organizations', orgs, null));

    const byDefault = await pull(`?since=${before}`);
    expect(byDefault.changes).toHaveLength(500);
    expect(byDefault.more).toBe(true);

    const clamped = await pull(`?since=${before}&limit=5000`);
    expect(clamped.changes).toHaveLength(2000);
    expect(clamped.more).toBe(true);
    const rest = await pull(`?since=${clamped.cursor}&limit=2000`);
    expect(rest.changes).toHaveLength(1);
    expect(rest.more).toBe(false);

    expect((await pull(`?since=${before}&limit=1`)).changes).toHaveLength(1);
  });

  it.each([
    ['?since=abc', 'invalid_cursor'],
    ['?since=-1', 'invalid_cursor'],
    ['?since=1.5', 'invalid_cursor'],
    ['?since=99999999999999999999', 'invalid_cursor'],
    ['?limit=0', 'invalid_limit'],
    ['?limit=-5', 'invalid_limit'],
    ['?limit=ten', 'invalid_limit'],
    ['?limit=2.5', 'invalid_limit'],
  ])('answers %s with 400 %s', async (query, code) => {
    const res = await app().request(`/api/sync/pull${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/Ungültige[rs]? /);
  });

  describe('visibility', () => {
    let start: string;
    beforeAll(async () => {
      start = (await pullAll()).cursor;
    });

    it('shows residents only public records and tombstones for ones that stop being public', async () => {
      viewer = 'public';
      const o = org();
      const pub = service(o.id, { name: 'Offene Sprechstunde' });
      const hidden = service(o.id, { name: 'Fallkonferenz', visibility: 'internal' });
      const goesInternal = contact(pub.id, { name: 'Herr Krüger' });
      const goesAway = contact(pub.id, { name: 'Frau Yılmaz' });
      const hiddenDeleted = contact(pub.id, { name: 'Direktdurchwahl', visibility: 'internal' });
      await t.db.tx(async (q) => {
        await upsertRecords(q, 'organizations', [o], 'koordination@example.org');
        await upsertRecords(q, 'services', [pub, hidden], null);
        await upsertRecords(q, 'contacts', [goesInternal, goesAway, hiddenDeleted], null);
        await upsertRecords(q, 'referrals', [referral(pub.id)], null);
      });

      const first = await pullAll(start);
      const ids = first.changes.map((c) => c.id);
      expect(ids).toEqual([o.id, pub.id, goesInternal.id, goesAway.id]);
      expect(first.changes.every((c) => !c.deleted && c.data !== null)).toBe(true);
      // Who edited is not a resident's business.
      expect(first.changes[0]?.data?.updated_by).toBeNull();

      await t.db.tx(async (q) => {
        await upsertRecords(q, 'contacts', [{ ...goesInternal, visibility: 'internal' }], null);
        await deleteRecord(q, 'contacts', goesAway.id, null);
        await deleteRecord(q, 'contacts', hiddenDeleted.id, null);
        await upsertRecords(q, 'services', [{ ...hidden, name: 'Fallkonferenz (neu)' }], null);
      });

      const next = await pullAll(first.cursor);
      expect(next.changes).toEqual([
        {
          table: 'contacts',
          id: goesInternal.id,
          version: expect.any(Number),
          deleted: true,
          data: null,
        },
        {
          table: 'contacts',
          id: goesAway.id,
          version: expect.any(Number),
          deleted: true,
          data: null,
        },
      ]);
      const body = JSON.stringify(await pullAll(''));
      for (const secret of [
        hidden.id,
        hiddenDeleted.id,
        'Fallkonferenz',
        'Direktdurchwahl',
        'Krüger',
      ]) {
        expect(body).not.toContain(secret);
      }
      expect(body).not.toContain('referrals');
    });

    it('shows internal viewers everything except referrals, including tombstones', async () => {
      viewer = 'internal';
      try {
        const all = await pullAll(start);
        const nameOf = (c: (typeof all.changes)[number]) =>
          c.data && 'name' in c.data ? c.data.name : undefined;
        const byName = new Map(all.changes.map((c) => [nameOf(c), c]));
        expect(byName.get('Fallkonferenz (neu)')?.data?.visibility).toBe('internal');
        expect(byName.get('Herr Krüger')?.data?.visibility).toBe('internal');
        expect(all.changes.find((c) => nameOf(c) === 'Offene Sprechstunde')).toBeDefined();
        expect(all.changes.filter((c) => c.deleted)).toHaveLength(2);
        expect(all.changes.every((c) => (c.deleted ? c.data === null : c.data !== null))).toBe(
          true,
        );
        expect(all.changes.some((c) => c.table === 'referrals')).toBe(false);
        expect(all.changes.find((c) => c.table === 'organizations')?.data?.updated_by).toBe(
          'koordination@example.org',
        );
      } finally {
        viewer = 'public';
      }
    });

    it('sends a record that becomes public again with its data', async () => {
      const o = org({ name: 'Welcome Center', visibility: 'internal' });
      await t.db.tx((q) => upsertRecords(q, 'organizations', [o], null));
      const c1 = (await pullAll()).cursor;
      await t.db.tx((q) =>
        upsertRecords(q, 'organizations', [{ ...o, visibility: 'public' }], null),
      );
      const page = await pullAll(c1);
      expect(page.changes).toHaveLength(1);
      expect(page.changes[0]).toMatchObject({
        id: o.id,
        deleted: false,
        data: { name: 'Welcome Center' },
      });
    });
  });
});
