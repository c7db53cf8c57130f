import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../protocol';
import { createApp } from '../../server/app';
import type { Db, Queryable } from '../../server/db';
import { pullChanges, type Viewer } from '../../server/pull';
import { createPublicPageCache, freshRead } from '../../server/pull-cache';
import { upsertRecords } from '../../server/records';
import type { PullResponse } from '../../src/model';
import {
  account,
  backends,
  bearer,
  contact,
  createMutation,
  openMigrated,
  org,
  referral,
  service,
  type TestDb,
} from './helpers';

type Account = Awaited<ReturnType<typeof account>>;

describe.each(backends)('public pull pages as files on $name', (backend) => {
  let t: TestDb;
  let coordinator: Account;
  let app: Hono;
  /** A second instance: its own pool on PostgreSQL; on PGlite the same (only) connection. */
  let otherDb: Db;
  let other: Hono;

  beforeAll(async () => {
    t = await openMigrated(backend);
    otherDb = t.sibling ? await t.sibling() : t.db;
    coordinator = await account(t.db, 'coordinator');
    const o = org({ name: 'Stadtteilbüro' });
    const services = Array.from({ length: 12 }, (_, i) =>
      service(o.id, { name: `Beratung ${i}`, description: 'Offene Sprechstunde '.repeat(10) }),
    );
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [o], null);
      await upsertRecords(q, 'services', services, null);
    });
    app = createApp({ db: t.db, distDir: '/nonexistent' });
    other = createApp({ db: otherDb, distDir: '/nonexistent' });
  });
  afterAll(async () => {
    if (otherDb && otherDb !== t.db) await otherDb.close();
    await t?.destroy();
  });

  const get = (a: Hono, query: string, headers: Record<string, string> = {}) =>
    a.request(`/api/sync/pull${query}`, { headers });

  it('serves a resident page with a strong ETag and answers If-None-Match with 304', async () => {
    const res = await get(app, '?limit=5');
    expect(res.status).toBe(200);
    const etag = res.headers.get('ETag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Vary')).toMatch(/Authorization/);
    const body = await res.text();
    expect((JSON.parse(body) as PullResponse).changes).toHaveLength(5);

    const again = await get(app, '?limit=5', { 'If-None-Match': etag as string });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('no-cache');

    // Another instance builds the same bytes, so it has the same validator.
    const there = await get(other, '?limit=5', { 'If-None-Match': etag as string });
    expect(there.status).toBe(304);
    // Another page is another representation.
    const next = await get(app, '?limit=4', { 'If-None-Match': etag as string });
    expect(next.status).toBe(200);
    expect(next.headers.get('ETag')).not.toBe(etag);
  });

  it('compresses a page once per encoding, with an ETag of its own', async () => {
    const plain = await get(app, '?limit=10', { 'Accept-Encoding': 'identity' });
    const json = await plain.text();
    expect(json.length).toBeGreaterThan(1024);
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const etag = plain.headers.get('ETag') as string;

    for (const [enc, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await get(app, '?limit=10', { 'Accept-Encoding': enc });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Encoding')).toBe(enc);
      expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/);
      const encEtag = res.headers.get('ETag') as string;
      expect(encEtag).toBe(`${etag.slice(0, -1)}-${enc}"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('Content-Length'))).toBe(bytes.byteLength);
      expect(decode(bytes).toString()).toBe(json);

      const cached = await get(app, '?limit=10', {
        'Accept-Encoding': enc,
        'If-None-Match': encEtag,
      });
      expect(cached.status).toBe(304);
      // The identity validator does not vouch for the compressed bytes.
      const mismatch = await get(app, '?limit=10', {
        'Accept-Encoding': enc,
        'If-None-Match': etag,
      });
      expect(mismatch.status).toBe(200);
    }
  });

  it('gives a new ETag and the new data after a write on another instance', async () => {
    const before = await get(app, '?limit=2000');
    const etag = before.headers.get('ETag') as string;
    expect((await get(app, '?limit=2000', { 'If-None-Match': etag })).status).toBe(304);

    const o = org({ name: 'Neu über die andere Instanz' });
    const pushed = await other.request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(coordinator.token) },
      body: JSON.stringify({
        clientId: 'cache-test',
        mutations: [createMutation('organizations', o)],
      }),
    });
    expect(((await pushed.json()) as PushResponse).results[0]?.status).toBe('applied');

    // No waiting for a notice: the very next request must see the commit.
    const after = await get(app, '?limit=2000', { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('ETag')).not.toBe(etag);
    const page = (await after.json()) as PullResponse;
    expect(page.changes.at(-1)?.id).toBe(o.id);
  });

  it('keeps the pages when only internal data changes', async () => {
    const before = await get(app, '?limit=2000');
    const etag = before.headers.get('ETag') as string;
    const o = org({ name: 'Nur intern', visibility: 'internal' });
    await otherDb.tx((q) => upsertRecords(q, 'organizations', [o], null));
    expect((await get(app, '?limit=2000', { 'If-None-Match': etag })).status).toBe(304);
  });

  it('never caches a signed-in pull, nor serves one from the public cache', async () => {
    const secret = org({ name: 'Interner Träger', visibility: 'internal' });
    await t.db.tx((q) => upsertRecords(q, 'organizations', [secret], null));
    const pub = await get(app, '?limit=2000');
    const etag = pub.headers.get('ETag') as string;
    expect(await pub.text()).not.toContain(secret.id);

    const mine = await get(app, '?limit=2000', {
      ...bearer(coordinator.token),
      'If-None-Match': etag,
    });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('ETag')).toBeNull();
    expect(mine.headers.get('Cache-Control')).toBe('no-store');
    expect(await mine.text()).toContain(secret.id);

    // And what the signed-in pull saw did not end up in the residents' page.
    const again = await get(app, '?limit=2000');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).not.toContain(secret.id);
  });

  describe('remaining', () => {
    /** Walks all pages; checks each page's `remaining` against what the later pages held. */
    async function walk(viewer: Viewer, limit: number): Promise<number> {
      const pages: PullResponse[] = [];
      let since = 0;
      for (;;) {
        const page = await pullChanges(t.db, { since, limit }, viewer);
        pages.push(page);
        since = Number(page.cursor);
        if (!page.more) break;
      }
      let after = 0;
      for (const page of pages.reverse()) {
        expect(page.remaining).toBe(after);
        after += page.changes.length;
      }
      return after;
    }

    it('counts what the same viewer still gets, by the page rules', async () => {
      const o = org({ name: 'Träger mit Geheimnissen' });
      const s = service(o.id, { name: 'Offen' });
      const hidden = service(o.id, { name: 'Intern', visibility: 'internal' });
      await t.db.tx(async (q) => {
        await upsertRecords(q, 'organizations', [o], null);
        await upsertRecords(q, 'services', [s, hidden], null);
        await upsertRecords(
          q,
          'contacts',
          [contact(s.id), contact(hidden.id), contact(s.id, { visibility: 'internal' })],
          null,
        );
        await upsertRecords(q, 'referrals', [referral(s.id)], null);
      });
      const residents = await walk('public', 3);
      const staff = await walk('internal', 3);
      // Internal records (and a public contact of an internal offer) are not counted for
      // residents; referrals for nobody.
      expect(staff - residents).toBeGreaterThanOrEqual(5);
      const [{ n } = { n: 0 }] = await t.db.query<{ n: number }>(
        "select count(*)::int as n from records where table_name <> 'referrals'",
      );
      expect(staff).toBe(n);
    });

    it('counts once per state, and counts again after a write', async () => {
      let counted = 0;
      const q: Queryable = {
        query(sql, params) {
          if (sql.includes('count(*)')) counted++;
          return t.db.query(sql, params);
        },
        exec: (sql) => t.db.exec(sql),
      };
      for (const viewer of ['public', 'internal'] as const) {
        counted = 0;
        const first = await pullChanges(q, { since: 0, limit: 2 }, viewer);
        const second = await pullChanges(q, { since: Number(first.cursor), limit: 2 }, viewer);
        expect(counted).toBe(1);
        expect(second.remaining).toBe((first.remaining ?? 0) - second.changes.length);

        const added = Array.from({ length: 3 }, (_, i) => org({ name: `Nachzügler ${i}` }));
        await t.db.tx((tx) => upsertRecords(tx, 'organizations', added, null));
        const third = await pullChanges(q, { since: Number(second.cursor), limit: 2 }, viewer);
        expect(counted).toBe(2);
        expect(third.remaining).toBe((second.remaining ?? 0) + 3 - third.changes.length);
      }
    });

    it('is sent over HTTP to residents and to staff', async () => {
      const pub = (await (await get(app, '?limit=1')).json()) as PullResponse;
      const mine = (await (
        await get(app, '?limit=1', bearer(coordinator.token))
      ).json()) as PullResponse;
      expect(pub.remaining).toBeGreaterThan(0);
      expect(mine.remaining).toBeGreaterThan(pub.remaining ?? 0);
    });
  });
});

describe('public page cache', () => {
  const backend = backends[0];
  if (!backend) throw new Error('no backend');
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigrated(backend);
    const o = org();
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [o], null);
      await upsertRecords(
        q,
        'services',
        Array.from({ length: 40 }, (_, i) => service(o.id, { name: `Angebot ${i}` })),
        null,
      );
    });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('stays within its memory bound and still answers every page', async () => {
    const one = (await createPublicPageCache(t.db).get({ since: 0, limit: 5 })).json.byteLength;
    const cache = createPublicPageCache(t.db, { maxBytes: one * 3 });
    for (let since = 0; since < 30; since += 2) {
      const page = await cache.get({ since, limit: 5 });
      await page.encoded('gzip');
      const direct = await pullChanges(t.db, { since, limit: 5 }, 'public');
      expect(JSON.parse(page.json.toString())).toEqual(direct);
      expect(cache.bytes).toBeLessThanOrEqual(one * 3);
    }
    expect(cache.bytes).toBeGreaterThan(0);

    const tiny = createPublicPageCache(t.db, { maxBytes: 10 });
    const page = await tiny.get({ since: 0, limit: 5 });
    expect(page.json.byteLength).toBeGreaterThan(10);
    expect(tiny.bytes).toBe(0);
  });

  it('builds a page once for concurrent requests', async () => {
    const cache = createPublicPageCache(t.db);
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => cache.get({ since: 3, limit: 7 })),
    );
    expect(new Set(pages).size).toBe(1);
  });
});

describe('freshRead', () => {
  it('never hands a caller a read that started before it asked', async () => {
    const started: Array<(v: number) => void> = [];
    let calls = 0;
    const read = freshRead(
      () =>
        new Promise<number>((resolve) => {
          calls++;
          started.push(resolve);
        }),
    );
    const a = read();
    const b = read(); // arrives while a's read runs: must get a later one
    const c = read(); // joins b's, which has not started yet
    expect(calls).toBe(1);
    started[0]?.(1);
    expect(await a).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    started[1]?.(2);
    expect(await b).toBe(2);
    expect(await c).toBe(2);
    const d = read();
    expect(calls).toBe(3);
    started[2]?.(3);
    expect(await d).toBe(3);
  });
});
