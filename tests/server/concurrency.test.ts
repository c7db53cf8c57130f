import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { Queryable } from '../../server/db';
import { pullChanges } from '../../server/pull';
import { lockVersions, upsertRecords } from '../../server/records';
import type { PullResponse } from '../../src/model';
import { backends, openMigrated, org, type TestDb } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

async function pullAll(q: Queryable, since: number) {
  const ids: string[] = [];
  let cursor = since;
  for (;;) {
    const page = await pullChanges(q, { since: cursor, limit: 500 }, 'internal');
    ids.push(...page.changes.map((c) => c.id));
    cursor = Number(page.cursor);
    if (!page.more) return { ids, cursor };
  }
}

async function waitFor(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(backends)('concurrent writers on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('a client following the cursor during parallel writes misses no change', async () => {
    const app = createApp({ db: t.db, distDir: '/nonexistent', resolveViewer: () => 'internal' });
    const start = (await pullAll(t.db, 0)).cursor;
    const written: string[] = [];
    let writersDone = false;

    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 5; i++) {
        await t.db.tx(async (q) => {
          const recs = [org({ name: `Träger ${w}/${i}` }), org({ name: `Träger ${w}/${i}b` })];
          await upsertRecords(q, 'organizations', recs, null);
          // Hold the transaction open for a while after the versions are drawn: the window
          // in which a late commit could be overtaken.
          await sleep(Math.random() * 15);
          written.push(...recs.map((r) => r.id));
        });
      }
    });

    const seen: string[] = [];
    const poller = (async () => {
      let cursor = String(start);
      let finalRound = false;
      for (;;) {
        const res = await app.request(`/api/sync/pull?since=${cursor}&limit=7`);
        const page = (await res.json()) as PullResponse;
        seen.push(...page.changes.map((c) => c.id));
        cursor = page.cursor;
        if (page.more) continue;
        if (finalRound) return;
        if (writersDone) finalRound = true;
        else await sleep(3);
      }
    })();

    await Promise.all(writers);
    writersDone = true;
    await poller;

    expect(written).toHaveLength(60);
    expect(new Set(seen)).toEqual(new Set(written));
  });

  it.runIf(backend.name === 'postgres')(
    'the advisory lock makes a second writer wait until the first commits',
    async () => {
      const start = (await pullAll(t.db, 0)).cursor;
      const a = org({ name: 'Erster Schreiber' });
      const b = org({ name: 'Zweiter Schreiber' });
      const aWrote = gate();
      const releaseA = gate();

      const txA = t.db.tx(async (q) => {
        await upsertRecords(q, 'organizations', [a], null);
        aWrote.open();
        await releaseA.opened;
      });
      await aWrote.opened;
      let bDone = false;
      const txB = t.db
        .tx((q) => upsertRecords(q, 'organizations', [b], null))
        .then((r) => {
          bDone = true;
          return r;
        });

      await waitFor(async () => {
        const [row] = await t.db.query<{ n: string | number }>(
          "select count(*) as n from pg_locks where locktype = 'advisory' and not granted",
        );
        return Number(row?.n) >= 1;
      }, 'B to block on the advisory lock');
      expect(bDone).toBe(false);
      // While A is open, neither write is visible and the cursor does not move.
      expect(await pullAll(t.db, start)).toEqual({ ids: [], cursor: start });

      releaseA.open();
      await txA;
      const [storedB] = await txB;
      const after = await pullAll(t.db, start);
      expect(after.ids).toEqual([a.id, b.id]);
      expect(storedB?.version).toBe(after.cursor);
    },
  );

  it.runIf(backend.name === 'postgres')(
    'control: a bare sequence without the lock does lose a late commit',
    async () => {
      // Proves that the scenario the lock prevents is real on this server, so the tests above
      // would notice if the lock stopped working.
      const start = (await pullAll(t.db, 0)).cursor;
      const rawInsert = async (q: Queryable, id: string) => {
        const [row] = await q.query<{ v: string }>("select nextval('record_version') as v");
        const v = Number(row?.v);
        const data = { ...org({ name: 'ohne Sperre' }), id, version: v };
        await q.query(
          `insert into records (table_name, id, version, visibility, deleted, data, updated_at, ever_public)
           values ('organizations', $1::uuid, $2::bigint, 'public', false, $3::text::jsonb, now(), true)`,
          [id, v, JSON.stringify(data)],
        );
        return v;
      };
      const lateId = randomUUID();
      const earlyId = randomUUID();
      const drew = gate();
      const releaseLate = gate();
      const late = t.db.tx(async (q) => {
        const v = await rawInsert(q, lateId);
        drew.open();
        await releaseLate.opened;
        return v;
      });
      await drew.opened;
      const vEarly = await t.db.tx((q) => rawInsert(q, earlyId));

      const first = await pullAll(t.db, start);
      expect(first.ids).toEqual([earlyId]);
      releaseLate.open();
      const vLate = await late;
      expect(vLate).toBeLessThan(vEarly);
      const second = await pullAll(t.db, first.cursor);
      expect(second.ids).not.toContain(lateId);
      expect((await pullAll(t.db, start)).ids).toContain(lateId);
    },
  );

  it('lockVersions holds until the end of the transaction, not the statement', async () => {
    const held = await t.db.tx(async (q) => {
      await lockVersions(q);
      const rows = await q.query<{ n: string | number }>(
        "select count(*) as n from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()",
      );
      return Number(rows[0]?.n);
    });
    expect(held).toBe(1);
    const [after] = await t.db.query<{ n: string | number }>(
      "select count(*) as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()",
    );
    expect(Number(after?.n)).toBe(0);
  });
});
