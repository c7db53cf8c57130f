import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { type Io, runAdmin } from '../../server/cli/admin-commands';
import { type Db, openPglite } from '../../server/db';
import { migrate } from '../../server/migrate';
import type { PullResponse } from '../../src/model';
import type { MutationInput, PushResponse, PushResult } from '../../src/sync/protocol';
import { adminTarget, targetKinds } from './admin-targets';
import { type SNAPSHOT_TABLES, snapshotOf, type TableSnapshot } from './fixtures/release-snapshot';

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

/** Every row of release 0.1.0, compared column by column on the columns it had. */
async function expectSameRows(db: Db) {
  const columns = Object.fromEntries(
    Object.entries(expected.snapshot).map(([t, s]) => [t, s.columns]),
  );
  const now = await snapshotOf(db, columns);
  for (const [table, old] of Object.entries(expected.snapshot)) {
    if (table === 'schema_migrations') {
      // Newer migrations add rows; a restore applies the old ones anew (applied_at).
      expect(Object.keys(now[table]?.rows ?? {})).toEqual(
        expect.arrayContaining(Object.keys(old.rows)),
      );
      continue;
    }
    expect(Object.keys(now[table]?.rows ?? {}).length, table).toBe(Object.keys(old.rows).length);
    expect(now[table]?.rows, table).toEqual(old.rows);
  }
}

/** What a device of release 0.1.0 does next: pull with its token, retry its last push. */
async function expectDevicesKeepWorking(db: Db) {
  const auth = { Authorization: `Bearer ${expected.token}` };
  const res = await app(db).request('/api/sync/pull?limit=2000', { headers: auth });
  expect(res.status).toBe(200);
  const page = (await res.json()) as PullResponse;
  expect(page.changes).toHaveLength(expected.internal.count);
  expect(page.cursor).toBe(expected.internal.cursor);
  expect(createHash('sha256').update(JSON.stringify(page)).digest('hex')).toBe(
    expected.internal.sha256,
  );

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

describe('upgrading the database of release 0.1.0', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('the embedded database migrates in place and keeps every record', async () => {
    const dir = await unpackFixture();
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const db = await openPglite(dir);
    cleanup.push(() => db.close());
    await migrate(db);
    await expectSameRows(db);
    await expectDevicesKeepWorking(db);
  });

  it.each(targetKinds)('a backup of it restores onto the current schema on %s', async (kind) => {
    const dir = await unpackFixture();
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
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
    await expectSameRows(db);
    await expectDevicesKeepWorking(db);
  });
});
