import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MutationInput, PushResponse, PushResult } from '../../protocol';
import { createApp } from '../../server/app';
import { addUser } from '../../server/auth/users';
import { readConfig } from '../../server/config';
import type { Queryable } from '../../server/db';
import {
  describeCounts,
  type HousekeepingCounts,
  runHousekeeping,
  scheduleHousekeeping,
} from '../../server/housekeeping';
import {
  account,
  backends,
  bearer,
  openMigrated,
  org,
  referral,
  service,
  type TestDb,
} from './helpers';

const DAY = 24 * 60 * 60 * 1000;
/** The reference time handed to runHousekeeping, so boundaries are exact to the millisecond. */
const NOW = new Date('2026-03-29T12:00:00.000Z'); // a DST change in Europe/Berlin that night
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const DEFAULTS = { processedRetentionDays: 90, auditRetentionDays: 730 };

describe.each(backends)('housekeeping on $name', (backend) => {
  let t: TestDb;
  let userId: number;

  beforeAll(async () => {
    t = await openMigrated(backend);
    const user = await addUser(t.db, {
      email: `hk-${randomBytes(3).toString('hex')}@test.example`,
      role: 'coordinator',
      password: 'richtig-geheim-123',
    });
    userId = user.id;
  });
  afterAll(async () => {
    await t?.destroy();
  });
  beforeEach(async () => {
    await t.db.exec(
      'delete from sessions; delete from login_failures; delete from processed_mutations; delete from audit_log;',
    );
  });

  const session = (name: string, expiresAt: string, revokedAt: string | null = null) =>
    t.db.query(
      `insert into sessions (token_hash, user_id, expires_at, revoked_at)
       values ($1, $2, $3::text::timestamptz, $4::text::timestamptz)`,
      [name, userId, expiresAt, revokedAt],
    );
  const failure = (key: string, lastFailure: string, lockedUntil: string | null) =>
    t.db.query(
      `insert into login_failures (key, failures, last_failure, locked_until)
       values ($1, 7, $2::text::timestamptz, $3::text::timestamptz)`,
      [key, lastFailure, lockedUntil],
    );
  const processed = (mutationId: string, at: string) =>
    t.db.query(
      `insert into processed_mutations (client_id, mutation_id, user_id, status, result, processed_at)
       values ('c', $1, $2, 'applied', '{}'::jsonb, $3::text::timestamptz)`,
      [mutationId, userId, at],
    );
  const audit = (field: string, at: string) =>
    t.db.query(
      `insert into audit_log (at, actor, table_name, record_id, version, action, field)
       values ($1::text::timestamptz, 'a@test.example', 'services', $2::uuid, 1, 'update', $3)`,
      [at, randomUUID(), field],
    );
  const names = async (sql: string) =>
    (await t.db.query<{ name: string }>(sql)).map((r) => r.name).sort();

  it('deletes sessions that expired more than a day ago, nothing else', async () => {
    await session('expired-long-ago', ago(30 * DAY));
    await session('expired-just-over-a-day', ago(DAY + 1));
    await session('expired-exactly-a-day', ago(DAY));
    await session('expired-an-hour-ago', ago(60 * 60 * 1000));
    await session('live', ahead(DAY));
    await session('revoked-but-not-expired', ahead(DAY), ago(5 * DAY));

    const counts = await runHousekeeping(t.db, { ...DEFAULTS, now: NOW });

    expect(counts).toEqual({
      sessions: 2,
      login_failures: 0,
      processed_mutations: 0,
      audit_log: 0,
    });
    expect(await names('select token_hash as name from sessions')).toEqual([
      'expired-an-hour-ago',
      'expired-exactly-a-day',
      'live',
      'revoked-but-not-expired',
    ]);
  });

  it('counts a day as 24 hours, also across a DST change in the session time zone', async () => {
    // NOW is 14:00 CEST on the day clocks went forward: one calendar day back is 14:00 CET,
    // only 23 hours earlier. 23.5 hours ago is not "more than a day".
    await session('23.5-hours', ago(23.5 * 60 * 60 * 1000));
    await session('24.5-hours', ago(24.5 * 60 * 60 * 1000));
    const counts = await t.db.tx(async (q) => {
      await q.query("set local timezone = 'Europe/Berlin'");
      return runHousekeeping(q, { ...DEFAULTS, now: NOW });
    });
    expect(counts.sessions).toBe(1);
    expect(await names('select token_hash as name from sessions')).toEqual(['23.5-hours']);
  });

  it('deletes login failures older than a day unless a lock is still in force', async () => {
    await failure('old-unlocked', ago(DAY + 1), null);
    await failure('old-lock-over', ago(DAY + 1), ago(DAY));
    await failure('old-lock-ends-now', ago(DAY + 1), NOW.toISOString());
    await failure('old-but-locked', ago(DAY + 1), ahead(60 * 1000));
    await failure('exactly-a-day', ago(DAY), null);
    await failure('recent', ago(60 * 1000), ahead(60 * 1000));

    const counts = await runHousekeeping(t.db, { ...DEFAULTS, now: NOW });

    expect(counts.login_failures).toBe(3);
    expect(await names('select key as name from login_failures')).toEqual([
      'exactly-a-day',
      'old-but-locked',
      'recent',
    ]);
  });

  it('deletes push answers older than PROCESSED_RETENTION_DAYS', async () => {
    await processed('91-days', ago(91 * DAY));
    await processed('90-days-and-1-ms', ago(90 * DAY + 1));
    await processed('exactly-90-days', ago(90 * DAY));
    await processed('yesterday', ago(DAY));

    expect((await runHousekeeping(t.db, { ...DEFAULTS, now: NOW })).processed_mutations).toBe(2);
    expect(await names('select mutation_id as name from processed_mutations')).toEqual([
      'exactly-90-days',
      'yesterday',
    ]);

    const shorter = await runHousekeeping(t.db, {
      ...DEFAULTS,
      processedRetentionDays: 1,
      now: NOW,
    });
    expect(shorter.processed_mutations).toBe(1);
    expect(await names('select mutation_id as name from processed_mutations')).toEqual([
      'yesterday',
    ]);
  });

  it('deletes audit rows older than AUDIT_RETENTION_DAYS; 0 keeps them forever', async () => {
    await audit('ten-years', ago(3650 * DAY));
    await audit('730-days-and-1-ms', ago(730 * DAY + 1));
    await audit('exactly-730-days', ago(730 * DAY));
    await audit('last-week', ago(7 * DAY));

    const forever = await runHousekeeping(t.db, {
      processedRetentionDays: 0,
      auditRetentionDays: 0,
      now: NOW,
    });
    expect(forever).toEqual({
      sessions: 0,
      login_failures: 0,
      processed_mutations: 0,
      audit_log: 0,
    });
    expect(await names('select field as name from audit_log')).toHaveLength(4);

    expect((await runHousekeeping(t.db, { ...DEFAULTS, now: NOW })).audit_log).toBe(2);
    expect(await names('select field as name from audit_log')).toEqual([
      'exactly-730-days',
      'last-week',
    ]);
  });

  it('PROCESSED_RETENTION_DAYS=0 keeps push answers forever', async () => {
    await processed('ancient', ago(5000 * DAY));
    const counts = await runHousekeeping(t.db, { ...DEFAULTS, processedRetentionDays: 0 });
    expect(counts.processed_mutations).toBe(0);
    expect(await names('select mutation_id as name from processed_mutations')).toEqual(['ancient']);
  });

  it("uses the database's clock when no reference time is given", async () => {
    await t.db.query(
      `insert into processed_mutations (client_id, mutation_id, status, result, processed_at)
       values ('c', 'old', 'applied', '{}'::jsonb, now() - interval '91 days'),
              ('c', 'new', 'applied', '{}'::jsonb, now() - interval '89 days')`,
    );
    await t.db.query(
      `insert into sessions (token_hash, user_id, expires_at)
       values ('gone', $1, now() - interval '25 hours'), ('stays', $1, now() - interval '23 hours')`,
      [userId],
    );
    const counts = await runHousekeeping(t.db, DEFAULTS);
    expect(counts).toMatchObject({ sessions: 1, processed_mutations: 1 });
    expect(await names('select mutation_id as name from processed_mutations')).toEqual(['new']);
    expect(await names('select token_hash as name from sessions')).toEqual(['stays']);
  });

  it('deletes in bounded batches until a batch comes back short', async () => {
    for (let i = 0; i < 25; i++) await audit(`old-${String(i).padStart(2, '0')}`, ago(800 * DAY));
    await audit('new-1', ago(DAY));
    await audit('new-2', ago(2 * DAY));
    for (let i = 0; i < 7; i++) await session(`s-${i}`, ago(2 * DAY));

    const perStatement: { table: string; n: number }[] = [];
    const spy: Queryable = {
      async query<T>(sql: string, params?: unknown[]) {
        const rows = await t.db.query<T>(sql, params);
        const table = /delete from (\w+)/.exec(sql)?.[1] ?? '?';
        perStatement.push({ table, n: Number((rows[0] as { n: unknown }).n) });
        return rows;
      },
      exec: (sql) => t.db.exec(sql),
    };

    const counts = await runHousekeeping(spy, { ...DEFAULTS, batchSize: 5, now: NOW });

    expect(counts).toEqual({
      sessions: 7,
      login_failures: 0,
      processed_mutations: 0,
      audit_log: 25,
    });
    const of = (table: string) => perStatement.filter((s) => s.table === table).map((s) => s.n);
    // 25 = five full batches, then one that finds nothing; 7 = a full batch and a short one.
    expect(of('audit_log')).toEqual([5, 5, 5, 5, 5, 0]);
    expect(of('sessions')).toEqual([5, 2]);
    expect(of('login_failures')).toEqual([0]);
    expect(await names('select field as name from audit_log')).toEqual(['new-1', 'new-2']);
  });

  it('stops between batches when aborted and reports what it deleted so far', async () => {
    for (let i = 0; i < 12; i++) await session(`s-${i}`, ago(2 * DAY));
    const abort = new AbortController();
    let statements = 0;
    const spy: Queryable = {
      async query<T>(sql: string, params?: unknown[]) {
        statements++;
        const rows = await t.db.query<T>(sql, params);
        abort.abort(); // shutdown arrives while the first batch runs
        return rows;
      },
      exec: (sql) => t.db.exec(sql),
    };
    const counts = await runHousekeeping(spy, {
      ...DEFAULTS,
      batchSize: 5,
      now: NOW,
      signal: abort.signal,
    });
    expect(statements).toBe(1);
    expect(counts.sessions).toBe(5);
    expect((await names('select token_hash as name from sessions')).length).toBe(7);
  });
});

/**
 * Why pruning processed_mutations is safe (see the comment in server/housekeeping.ts): a
 * replay whose idempotency row is gone is merged again as a new mutation, against its old
 * bases, and must neither change the record a second time nor overwrite someone else.
 */
describe.each(backends)('replay after its push answer was pruned, on $name', (backend) => {
  type Account = Awaited<ReturnType<typeof account>>;
  let t: TestDb;
  let coordA: Account;
  let coordB: Account;
  let worker: Account;
  const app = () => createApp({ db: t.db, distDir: '/nonexistent' });

  beforeAll(async () => {
    t = await openMigrated(backend);
    coordA = await account(t.db, 'coordinator');
    coordB = await account(t.db, 'coordinator');
    worker = await account(t.db, 'worker');
  });
  afterAll(async () => {
    await t?.destroy();
  });

  async function push(token: string, mutations: MutationInput[], clientId: string) {
    const res = await app().request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ clientId, mutations }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as PushResponse).results as [PushResult, ...PushResult[]];
  }

  let seq = 0;
  const edit = (
    id: string,
    baseVersion: number,
    fields: Record<string, [unknown, unknown]>,
  ): MutationInput => ({
    mutationId: `m-${++seq}-${randomUUID()}`,
    table: 'services',
    id,
    op: 'upsert',
    baseVersion,
    fields: Object.fromEntries(
      Object.entries(fields).map(([k, [base, value]]) => [k, { base, value }]),
    ),
  });
  const create = (table: string, data: Record<string, unknown>): MutationInput => {
    const { id, updated_at: _, ...rest } = data;
    return {
      mutationId: `m-${++seq}-${randomUUID()}`,
      table,
      id: String(id),
      op: 'upsert',
      baseVersion: 0,
      fields: Object.fromEntries(
        Object.entries(rest).map(([k, v]) => [k, { base: null, value: v }]),
      ),
    };
  };

  async function stored(id: string) {
    const [row] = await t.db.query<{ data: Record<string, unknown>; version: string }>(
      'select data, version from records where id = $1::uuid',
      [id],
    );
    return row ? { ...row.data, version: Number(row.version) } : null;
  }
  const auditRows = async (id: string) =>
    Number(
      (
        await t.db.query<{ n: number }>(
          'select count(*)::int as n from audit_log where record_id = $1::uuid',
          [id],
        )
      )[0]?.n,
    );

  /** Ages the answers of `mutationIds` past the retention and runs housekeeping. */
  async function prune(
    mutationIds: string[],
    options: { auditRetentionDays?: number } = {},
  ): Promise<HousekeepingCounts> {
    await t.db.query(
      `update processed_mutations set processed_at = now() - interval '91 days'
        where mutation_id = any($1::text[])`,
      [mutationIds],
    );
    const counts = await runHousekeeping(t.db, { ...DEFAULTS, ...options });
    const left = await t.db.query(
      'select 1 from processed_mutations where mutation_id = any($1::text[])',
      [mutationIds],
    );
    expect(left).toEqual([]);
    return counts;
  }

  async function offer() {
    const o = org();
    const s = service(o.id, { phone: '0202 111' });
    const createService = create('services', s);
    const [, made] = await push(
      coordA.token,
      [create('organizations', o), createService],
      'client-a',
    );
    expect(made?.status).toBe('applied');
    return { id: s.id, version: made?.version as number, createService };
  }

  it('an edit replayed after pruning changes nothing a second time', async () => {
    const s = await offer();
    const m = edit(s.id, s.version, { phone: ['0202 111', '0202 222'] });
    const [first] = await push(coordA.token, [m], 'client-a');
    expect(first).toMatchObject({ status: 'applied' });
    // While the answer is kept, a replay is a duplicate.
    expect((await push(coordA.token, [m], 'client-a'))[0]).toMatchObject({
      status: 'duplicate',
      originalStatus: 'applied',
    });
    const before = await stored(s.id);
    const auditBefore = await auditRows(s.id);

    expect((await prune([m.mutationId, s.createService.mutationId])).processed_mutations).toBe(2);

    const [replay] = await push(coordA.token, [m], 'client-a');
    expect(replay).toEqual({ mutationId: m.mutationId, status: 'applied', version: first.version });
    // The create, replayed too, is merged field by field like an edit based on nothing:
    // unchanged fields are no-ops, the phone changed since is a conflict, nothing written.
    const [recreate] = await push(coordA.token, [s.createService], 'client-a');
    expect(recreate).toEqual({
      mutationId: s.createService.mutationId,
      status: 'conflict',
      version: first.version,
      conflicts: [
        {
          field: 'phone',
          server: '0202 222',
          client: '0202 111',
          base: null,
          by: coordA.email,
          at: expect.any(String),
        },
      ],
    });
    expect(await stored(s.id)).toEqual(before);
    expect(await auditRows(s.id)).toBe(auditBefore);
  });

  it('an edit replayed after pruning does not overwrite a newer edit by someone else', async () => {
    const s = await offer();
    const m = edit(s.id, s.version, {
      phone: ['0202 111', '0202 222'],
      name: ['Jobcenter vor Ort', 'Jobcenter'],
    });
    const [mine] = await push(coordA.token, [m], 'client-a');
    const [theirs] = await push(
      coordB.token,
      [edit(s.id, mine.version as number, { phone: ['0202 222', '0202 999'] })],
      'client-b',
    );
    expect(theirs?.status).toBe('applied');
    const before = await stored(s.id);

    await prune([m.mutationId]);
    const [replay] = await push(coordA.token, [m], 'client-a');

    expect(replay).toEqual({
      mutationId: m.mutationId,
      status: 'conflict',
      version: theirs?.version,
      conflicts: [
        {
          field: 'phone',
          server: '0202 999',
          client: '0202 222',
          base: '0202 111',
          by: coordB.email,
          at: expect.any(String),
        },
      ],
    });
    expect(await stored(s.id)).toEqual(before);
    expect(before).toMatchObject({ phone: '0202 999', name: 'Jobcenter' });
  });

  it('a delete replayed after pruning does not delete what someone else restored', async () => {
    for (const auditRetentionDays of [730, 1]) {
      const s = await offer();
      const del: MutationInput = {
        mutationId: `m-${++seq}-${randomUUID()}`,
        table: 'services',
        id: s.id,
        op: 'delete',
        baseVersion: s.version,
      };
      const [gone] = await push(coordA.token, [del], 'client-a');
      expect(gone?.status).toBe('applied');
      const [restored] = await push(
        coordB.token,
        [edit(s.id, gone?.version as number, { phone: ['0202 111', '0202 333'] })],
        'client-b',
      );
      expect(restored?.status).toBe('applied');
      const before = await stored(s.id);

      // Also with the audit trail of the restore pruned: the server then cannot see who
      // wrote the current version and counts it as foreign, i.e. still a conflict.
      if (auditRetentionDays === 1) {
        await t.db.query(
          `update audit_log set at = now() - interval '2 days' where record_id = $1::uuid`,
          [s.id],
        );
      }
      const counts = await prune([del.mutationId], { auditRetentionDays });
      if (auditRetentionDays === 1) expect(counts.audit_log).toBeGreaterThan(0);

      const [replay] = await push(coordA.token, [del], 'client-a');
      expect(replay, `audit kept ${auditRetentionDays} days`).toMatchObject({
        status: 'conflict',
        version: restored?.version,
        conflicts: [{ field: 'deleted', server: false, client: true, base: false }],
      });
      expect(await stored(s.id)).toEqual(before);
      expect(before).toMatchObject({ deleted: false, phone: '0202 333' });
    }
  });

  it('a delete replayed after pruning leaves the tombstone alone', async () => {
    const s = await offer();
    const del: MutationInput = {
      mutationId: `m-${++seq}-${randomUUID()}`,
      table: 'services',
      id: s.id,
      op: 'delete',
      baseVersion: s.version,
    };
    const [gone] = await push(coordA.token, [del], 'client-a');
    const before = await stored(s.id);
    await prune([del.mutationId]);
    expect((await push(coordA.token, [del], 'client-a'))[0]).toEqual({
      mutationId: del.mutationId,
      status: 'applied',
      version: gone?.version,
    });
    expect(await stored(s.id)).toEqual(before);
  });

  it('a referral replayed after pruning is refused, not stored twice', async () => {
    const s = await offer();
    const r = create('referrals', referral(s.id));
    expect((await push(worker.token, [r], 'client-w'))[0]?.status).toBe('applied');
    const before = await stored(r.id);
    await prune([r.mutationId]);
    const [replay] = await push(worker.token, [r], 'client-w');
    expect(replay).toMatchObject({ status: 'rejected', errors: [{ code: 'append_only' }] });
    expect(await stored(r.id)).toEqual(before);
  });

  it('known limit: a field someone set back to exactly the replayed base is set again', async () => {
    // A→B by A, B→A by B, then A's replay (base A, value B) matches the server value A and
    // is applied. Documented in server/housekeeping.ts; the audit log shows every step.
    const s = await offer();
    const m = edit(s.id, s.version, { phone: ['0202 111', '0202 222'] });
    const [mine] = await push(coordA.token, [m], 'client-a');
    const [back] = await push(
      coordB.token,
      [edit(s.id, mine.version as number, { phone: ['0202 222', '0202 111'] })],
      'client-b',
    );
    expect(back?.status).toBe('applied');
    await prune([m.mutationId]);
    const [replay] = await push(coordA.token, [m], 'client-a');
    expect(replay?.status).toBe('applied');
    expect(await stored(s.id)).toMatchObject({ phone: '0202 222' });
  });
});

describe('scheduleHousekeeping', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A database that answers each DELETE with the next count from `answers` (then 0). */
  function fakeDb(answers: (number | Error)[]) {
    const seen: string[] = [];
    const db: Queryable = {
      async query<T>(sql: string) {
        seen.push(/delete from (\w+)/.exec(sql)?.[1] ?? sql);
        const next = answers.shift() ?? 0;
        if (next instanceof Error) throw next;
        return [{ n: next }] as T[];
      },
      async exec() {},
    };
    return { db, seen };
  }

  it('runs after the first delay and then at every interval, logging only deletions', async () => {
    vi.useFakeTimers();
    // Pass 1 deletes nothing; pass 2 fails on its first statement; pass 3 deletes 3 + 4.
    const { db, seen } = fakeDb([0, 0, 0, 0, new Error('Verbindung weg'), 3, 0, 4, 0]);
    const log = vi.fn();
    const logError = vi.fn();
    const schedule = scheduleHousekeeping(db, DEFAULTS, {
      firstDelayMs: 1000,
      intervalMs: 10_000,
      log,
      logError,
    });

    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['sessions', 'login_failures', 'processed_mutations', 'audit_log']);
    expect(log).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(9000);
    expect(seen).toHaveLength(5);
    expect(logError).toHaveBeenCalledTimes(1);
    expect(logError.mock.calls[0]?.[0]).toMatch(/housekeeping failed/);
    expect(logError.mock.calls[0]?.[1]).toMatchObject({ message: 'Verbindung weg' });
    expect(log).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(10_000);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe(
      'Alte Einträge gelöscht / old rows deleted: sessions 3, processed_mutations 4',
    );

    await schedule.stop();
    const calls = seen.length;
    await vi.advanceTimersByTimeAsync(100_000);
    expect(seen).toHaveLength(calls);
  });

  it('does not start a second pass while one is still running, and stop() waits for it', async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    let started = 0;
    const db: Queryable = {
      async query<T>() {
        started++;
        if (started === 1) await new Promise<void>((r) => (release = r));
        return [{ n: 0 }] as T[];
      },
      async exec() {},
    };
    const schedule = scheduleHousekeeping(db, DEFAULTS, { firstDelayMs: 10, intervalMs: 10 });
    await vi.advanceTimersByTimeAsync(100); // ten due passes, the first one hangs
    expect(started).toBe(1);
    let stopped = false;
    const stopping = schedule.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    // Aborted after its first statement: the other tables are left for the next start.
    expect(started).toBe(1);
  });

  it('formats only the tables where something went', () => {
    expect(
      describeCounts({ sessions: 0, login_failures: 2, processed_mutations: 0, audit_log: 10 }),
    ).toBe('login_failures 2, audit_log 10');
  });
});

describe('retention settings', () => {
  it('default to 90 and 730 days and accept 0 and surrounding blanks', () => {
    expect(readConfig({})).toMatchObject({ processedRetentionDays: 90, auditRetentionDays: 730 });
    expect(
      readConfig({ PROCESSED_RETENTION_DAYS: ' 30 ', AUDIT_RETENTION_DAYS: '0' }),
    ).toMatchObject({ processedRetentionDays: 30, auditRetentionDays: 0 });
    expect(readConfig({ PROCESSED_RETENTION_DAYS: '', AUDIT_RETENTION_DAYS: ' ' })).toMatchObject({
      processedRetentionDays: 90,
      auditRetentionDays: 730,
    });
  });

  it('refuse anything but a whole number of days with a German message', () => {
    for (const name of ['PROCESSED_RETENTION_DAYS', 'AUDIT_RETENTION_DAYS']) {
      for (const bad of ['-1', '1.5', 'abc', '1e3', '0x10', '90 Tage', '36501']) {
        expect(() => readConfig({ [name]: bad }), `${name}=${bad}`).toThrow(
          `${name} muss eine ganze Zahl von Tagen sein, 0 bis 36500 (0 = unbegrenzt aufbewahren), nicht „${bad}“`,
        );
      }
    }
    expect(readConfig({ AUDIT_RETENTION_DAYS: '36500' }).auditRetentionDays).toBe(36500);
  });
});
