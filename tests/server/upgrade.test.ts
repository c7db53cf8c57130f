import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MutationInput, PushResponse, PushResult } from '../../protocol';
import { createApp } from '../../server/app';
import { type Io, runAdmin } from '../../server/cli/admin-commands';
import { type Db, openPglite } from '../../server/db';
import { migrate } from '../../server/migrate';
import type { PullResponse } from '../../src/model';
import { adminTarget, targetKinds } from './admin-targets';
import { rowHash, SNAPSHOT_TABLES, type TableSnapshot } from './fixtures/release-snapshot';

/*
 * Release 0.1.0 left this PGlite data directory behind (made by
 * fixtures/make-release-fixture.ts with that release's code). The current code must open
 * it, migrate it and keep every row, every push answer and every session.
 */
const FIXTURE = join(import.meta.dirname, 'fixtures', 'release-0.1.0');
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8')) as {
  password: string;
  token: string;
  accounts: string[];
  mutations: MutationInput[];
  answers: PushResult[];
  internal: { count: number; cursor: string; sha256: string };
  snapshot: Record<keyof typeof SNAPSHOT_TABLES, TableSnapshot>;
};

const noIo: Io = { out: () => {}, err: () => {} };
const app = (db: Db) => createApp({ db, distDir: '/nonexistent' });

async function unpackFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qw-upgrade-'));
  execFileSync('tar', ['-xJf', join(FIXTURE, 'pgdata.tar.xz'), '-C', dir]);
  return dir;
}

type Row = Record<string, unknown>;
type Rows = Record<string, Record<string, Row>>;

/** Every row of the tables of release 0.1.0, on the columns that release had, by row key. */
async function rowsOf(db: Db): Promise<Rows> {
  const out: Rows = {};
  for (const [table, key] of Object.entries(SNAPSHOT_TABLES)) {
    const columns = expected.snapshot[table as keyof typeof SNAPSHOT_TABLES].columns;
    const rows = await db.query<{ j: Row }>(`select to_jsonb(t) as j from ${table} t`);
    out[table] = Object.fromEntries(
      rows.map(({ j }) => [
        key.map((k) => String(j[k])).join('|'),
        Object.fromEntries(columns.map((c) => [c, j[c] ?? null])),
      ]),
    );
  }
  return out;
}

/** The fixture is what release 0.1.0 left: its rows hash as that release recorded them. */
function expectReleaseRows(old: Rows) {
  for (const [table, snap] of Object.entries(expected.snapshot)) {
    const hashed = Object.fromEntries(
      Object.entries(old[table] ?? {}).map(([k, row]) => [k, rowHash(row, snap.columns)]),
    );
    expect(hashed, table).toEqual(snap.rows);
  }
}

const isPublic = (r: Row | undefined) => r?.visibility === 'public' && r.deleted === false;

/**
 * The rows of release 0.1.0 as the migrations since then are meant to leave them, and no
 * other way: 004 gives the public schedules and contacts of offers residents cannot see a
 * new version (taken from `now`, and above every old one), so that residents get their
 * tombstones; 005 forgets who made a referral. 006 (references to hidden records) finds no
 * such reference in this release's data, so it must change nothing here.
 */
function intended(old: Rows, now: Rows): Rows {
  const records = old.records ?? {};
  const maxOld = Math.max(...Object.values(records).map((r) => Number(r.version)));
  const out: Rows = { ...old, records: {} };
  for (const [key, row] of Object.entries(records)) {
    let r: Row = row;
    const data = r.data as Row;
    if (r.table_name === 'referrals') {
      r = { ...r, updated_by: null, data: { ...data, updated_by: null } };
    }
    const offer = records[`services|${String(data.service_id)}`];
    if (
      (r.table_name === 'schedules' || r.table_name === 'contacts') &&
      data.service_id != null &&
      isPublic(r) &&
      r.ever_public === true &&
      !isPublic(offer)
    ) {
      const version = now.records?.[key]?.version;
      expect(Number(version), key).toBeGreaterThan(maxOld);
      r = { ...r, version, data: { ...(r.data as Row), version } };
    }
    (out.records as Record<string, Row>)[key] = r;
  }
  out.audit_log = Object.fromEntries(
    Object.entries(old.audit_log ?? {}).filter(([, a]) => a.table_name !== 'referrals'),
  );
  out.processed_mutations = Object.fromEntries(
    Object.entries(old.processed_mutations ?? {}).map(([k, m]) => [
      k,
      m.table_name === 'referrals' ? { ...m, user_id: null } : m,
    ]),
  );
  return out;
}

/** Every row of release 0.1.0 is still there, changed only as the migrations intend. */
async function expectSameRows(db: Db, old: Rows): Promise<Rows> {
  const now = await rowsOf(db);
  const want = intended(old, now);
  for (const table of Object.keys(SNAPSHOT_TABLES)) {
    if (table === 'schema_migrations') {
      // Newer migrations add rows; a restore applies the old ones anew (applied_at).
      expect(Object.keys(now[table] ?? {})).toEqual(
        expect.arrayContaining(Object.keys(old[table] ?? {})),
      );
      continue;
    }
    expect(now[table], table).toEqual(want[table]);
  }
  return now;
}

/** What a device of release 0.1.0 does next: pull with its token, retry its last push. */
async function expectDevicesKeepWorking(db: Db, now: Rows) {
  const auth = { Authorization: `Bearer ${expected.token}` };
  const res = await app(db).request('/api/sync/pull?limit=2000', { headers: auth });
  expect(res.status).toBe(200);
  const page = (await res.json()) as PullResponse;
  expect(page.changes).toHaveLength(expected.internal.count);
  // Every record but referrals (never pulled), at its migrated version, data as stored.
  const pulled = Object.fromEntries(
    page.changes.map((c) => [`${c.table}|${c.id}`, [Number(c.version), c.deleted]]),
  );
  const stored = Object.fromEntries(
    Object.entries(now.records ?? {})
      .filter(([, r]) => r.table_name !== 'referrals')
      .map(([k, r]) => [k, [Number(r.version), r.deleted]]),
  );
  expect(pulled).toEqual(stored);
  const versions = Object.values(stored).map(([v]) => v as number);
  expect(Number(page.cursor)).toBe(Math.max(Number(expected.internal.cursor), ...versions));

  const retry = await app(db).request('/api/sync/push', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId: 'fixture-device', mutations: expected.mutations }),
  });
  const { results } = (await retry.json()) as PushResponse;
  expect(results.map((r) => r.status)).toEqual(expected.answers.map(() => 'duplicate'));
  expect(results.map((r) => [r.originalStatus, r.version ?? null])).toEqual(
    expected.answers.map((a) => [a.status, a.version ?? null]),
  );

  for (const email of expected.accounts.slice(0, 2)) {
    const login = await app(db).request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: expected.password }),
    });
    expect(login.status, email).toBe(200);
  }
}

/** The fixture's rows before any migration, checked against what the release recorded. */
async function releaseRows(dir: string): Promise<Rows> {
  const db = await openPglite(dir);
  try {
    const old = await rowsOf(db);
    expectReleaseRows(old);
    return old;
  } finally {
    await db.close();
  }
}

describe('upgrading the database of release 0.1.0', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('the embedded database migrates in place and keeps every record', async () => {
    const dir = await unpackFixture();
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const old = await releaseRows(dir);
    const db = await openPglite(dir);
    cleanup.push(() => db.close());
    await migrate(db);
    await expectDevicesKeepWorking(db, await expectSameRows(db, old));
  });

  it.each(targetKinds)('a backup of it restores onto the current schema on %s', async (kind) => {
    const dir = await unpackFixture();
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const old = await releaseRows(dir);
    const work = await mkdtemp(join(tmpdir(), 'qw-upgrade-backup-'));
    cleanup.push(() => rm(work, { recursive: true, force: true }));
    // The backup reads the old schema as it is (a backup never migrates).
    const file = join(work, 'old.jsonl');
    expect(await runAdmin(['backup', file], { DATA_DIR: dir }, noIo)).toBe(0);
    const target = await adminTarget(kind);
    cleanup.push(() => target.destroy());
    expect(await runAdmin(['restore', file], target.env, noIo)).toBe(0);
    const db = await target.open();
    cleanup.push(() => db.close());
    await expectDevicesKeepWorking(db, await expectSameRows(db, old));
  });
});
