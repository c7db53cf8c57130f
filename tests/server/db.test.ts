import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError } from '../../server/db/dir-lock';
import { openPglite } from '../../server/db/pglite';
import { MIGRATIONS_DIR, migrate } from '../../server/migrate';
import { deleteRecord, RecordValidationError, upsertRecords } from '../../server/records';
import { seedIfEmpty } from '../../server/seed';
import type { Dataset } from '../../src/demo/types';
import { backends, contact, openMigrated, org, referral, service, type TestDb } from './helpers';

async function countRecords(t: TestDb): Promise<number> {
  const [row] = await t.db.query<{ n: string | number }>('select count(*) as n from records');
  return Number(row?.n);
}

async function maxVersion(t: TestDb): Promise<number> {
  const [row] = await t.db.query<{ v: string | number | null }>(
    'select max(version) as v from records',
  );
  return Number(row?.v ?? 0);
}

describe.each(backends)('database on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('applies migrations once; a second run and a restart apply nothing', async () => {
    expect(await migrate(t.db)).toEqual([]);
    await t.reopen();
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ name: string }>('select name from schema_migrations');
    expect(rows.map((r) => r.name)).toContain('001_records.sql');
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qw-mig-'));
    try {
      const { readFile } = await import('node:fs/promises');
      const original = await readFile(join(MIGRATIONS_DIR, '001_records.sql'), 'utf8');
      await writeFile(join(dir, '001_records.sql'), `${original}\n-- edited\n`);
      await expect(migrate(t.db, dir)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('assigns strictly increasing versions across tables and stamps the data', async () => {
    const before = await maxVersion(t);
    const o = org();
    const s = service(o.id);
    const stored = await t.db.tx(async (q) => {
      const [so] = await upsertRecords(q, 'organizations', [o], 'anna@example.org');
      const [ss] = await upsertRecords(q, 'services', [s], 'anna@example.org');
      const cs = await upsertRecords(q, 'contacts', [contact(s.id), contact(s.id)], null);
      return [so, ss, ...cs];
    });
    const versions = stored.map((r) => r?.version ?? 0);
    expect(versions[0]).toBeGreaterThan(before);
    for (let i = 1; i < versions.length; i++) {
      expect(versions[i]).toBeGreaterThan(versions[i - 1] as number);
    }
    expect(stored[0]?.updated_by).toBe('anna@example.org');
    expect(stored[0]?.updated_at).not.toBe(o.updated_at);

    const rows = await t.db.query<{ version: string | number; data: Record<string, unknown> }>(
      'select version, data from records where table_name = $1 and id = $2',
      ['services', s.id],
    );
    expect(Number(rows[0]?.version)).toBe(versions[1]);
    expect(rows[0]?.data.version).toBe(versions[1]);
    expect(rows[0]?.data.name).toBe('Jobcenter vor Ort');
    // Defaults from the schema are stored, not left to each reader.
    expect(rows[0]?.data.visibility).toBe('public');
  });

  it('gives an updated record a new, higher version and keeps one row', async () => {
    const o = org();
    const [first] = await t.db.tx((q) => upsertRecords(q, 'organizations', [o], null));
    const [second] = await t.db.tx((q) =>
      upsertRecords(q, 'organizations', [{ ...o, name: 'Quartiersbüro Oberbarmen' }], null),
    );
    expect(second?.version).toBeGreaterThan(first?.version ?? Infinity);
    const rows = await t.db.query<{ name: string }>(
      "select data->>'name' as name from records where id = $1",
      [o.id],
    );
    expect(rows).toEqual([{ name: 'Quartiersbüro Oberbarmen' }]);
  });

  it('rejects invalid records before writing anything', async () => {
    const n = await countRecords(t);
    const good = org();
    const bad = { ...org(), website: 'javascript:alert(1)' };
    const err = await t.db
      .tx((q) => upsertRecords(q, 'organizations', [good, bad], null))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordValidationError);
    expect((err as RecordValidationError).issues[0]).toMatchObject({ index: 1, path: 'website' });
    expect(await countRecords(t)).toBe(n);

    const dup = org();
    await expect(
      t.db.tx((q) => upsertRecords(q, 'organizations', [dup, { ...dup }], null)),
    ).rejects.toBeInstanceOf(RecordValidationError);
    // Referrals are strict: no smuggled personal data.
    await expect(
      t.db.tx((q) =>
        upsertRecords(q, 'referrals', [{ ...referral(good.id), name: 'Max Mustermann' }], null),
      ),
    ).rejects.toBeInstanceOf(RecordValidationError);
  });

  it('tombstones a record with a new version and reports unknown ids', async () => {
    const o = org();
    const [stored] = await t.db.tx((q) => upsertRecords(q, 'organizations', [o], null));
    const v = await t.db.tx((q) => deleteRecord(q, 'organizations', o.id, 'kai@example.org'));
    expect(v).toBeGreaterThan(stored?.version ?? Infinity);
    const [row] = await t.db.query<{
      deleted: boolean;
      version: string | number;
      data: Record<string, unknown>;
      updated_by: string;
    }>('select deleted, version, data, updated_by from records where id = $1', [o.id]);
    expect(row?.deleted).toBe(true);
    expect(Number(row?.version)).toBe(v);
    expect(row?.data).toMatchObject({ deleted: true, version: v, updated_by: 'kai@example.org' });
    expect(typeof row?.data.updated_at).toBe('string');
    expect(new Date(row?.data.updated_at as string).toISOString()).toBe(row?.data.updated_at);

    expect(await t.db.tx((q) => deleteRecord(q, 'organizations', o.id, null))).toBeNull();
    expect(
      await t.db.tx((q) => deleteRecord(q, 'organizations', crypto.randomUUID(), null)),
    ).toBeNull();
    expect(await t.db.tx((q) => deleteRecord(q, 'organizations', 'not-a-uuid', null))).toBeNull();
  });

  it('remembers that a record was ever public', async () => {
    const o = org({ visibility: 'internal' });
    const read = async () =>
      (
        await t.db.query<{ ever_public: boolean }>(
          'select ever_public from records where id = $1',
          [o.id],
        )
      )[0]?.ever_public;
    await t.db.tx((q) => upsertRecords(q, 'organizations', [o], null));
    expect(await read()).toBe(false);
    await t.db.tx((q) => upsertRecords(q, 'organizations', [{ ...o, visibility: 'public' }], null));
    expect(await read()).toBe(true);
    await t.db.tx((q) => upsertRecords(q, 'organizations', [o], null));
    expect(await read()).toBe(true);
  });

  it('delivers NOTIFY payloads to listeners until they unsubscribe', async () => {
    const got: string[] = [];
    const unlisten = await t.db.listen?.('qw_changes', (p) => got.push(p));
    if (!unlisten) throw new Error('listen not implemented');
    await t.db.query("select pg_notify('qw_changes', 'v42')");
    for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['v42']);
    await unlisten();
    await t.db.query("select pg_notify('qw_changes', 'v43')");
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual(['v42']);
  });

  it('rolls back a failed transaction without leaving records behind', async () => {
    const n = await countRecords(t);
    await expect(
      t.db.tx(async (q) => {
        await upsertRecords(q, 'organizations', [org()], null);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await countRecords(t)).toBe(n);
  });
});

function tinyDataset(): Dataset {
  const o = org({ name: 'Diakonie Wuppertal – Quartiersbüro' });
  const s = service(o.id, { name: 'Schuldnerberatung', categories: ['schulden'] });
  return {
    organizations: [o],
    locations: [],
    services: [s],
    schedules: [
      {
        id: crypto.randomUUID(),
        updated_at: '2026-01-15T10:00:00.000Z',
        service_id: s.id,
        freq: 'MONTHLY',
        byday: '-1WE',
        opens_at: '15:00',
        closes_at: '17:00',
      },
    ],
    contacts: [contact(s.id, { visibility: 'internal' })],
  } as unknown as Dataset;
}

describe.each(backends)('seeding on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('seeds an empty database once, also across a restart', async () => {
    let calls = 0;
    const dataset = () => {
      calls++;
      return tinyDataset();
    };
    expect(await seedIfEmpty(t.db, dataset)).toEqual({ seeded: true, count: 4 });
    expect(await countRecords(t)).toBe(4);

    expect(await seedIfEmpty(t.db, dataset)).toEqual({ seeded: false, count: 0 });
    await t.reopen();
    await migrate(t.db);
    expect(await seedIfEmpty(t.db, dataset)).toEqual({ seeded: false, count: 0 });
    expect(await countRecords(t)).toBe(4);
    // The dataset is not even built when there is nothing to seed.
    expect(calls).toBe(1);
  });

  it('does not seed again after everything was deleted', async () => {
    const rows = await t.db.query<{ table_name: 'organizations'; id: string }>(
      'select table_name, id::text as id from records where not deleted',
    );
    await t.db.tx(async (q) => {
      for (const r of rows) await deleteRecord(q, r.table_name, r.id, null);
    });
    expect(await seedIfEmpty(t.db, tinyDataset)).toEqual({ seeded: false, count: 0 });
  });
});

describe('PGlite data directory', () => {
  it('refuses a second open while in use and takes over a stale lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qw-lock-'));
    try {
      const first = await openPglite(dir);
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirInUseError);
      await first.close();
      // A crashed server leaves its lock file behind; a pid that is gone must not block.
      await writeFile(join(dir, 'wegweiser-server.lock'), '2147483646');
      const second = await openPglite(dir);
      expect(await second.query('select 1 as one')).toEqual([{ one: 1 }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('PGlite persistence', () => {
  it('keeps data when closed and reopened from the same DATA_DIR', async () => {
    const pg = backends.find((b) => b.name === 'pglite');
    if (!pg) throw new Error('PGlite backend missing');
    const t = await openMigrated(pg);
    try {
      const o = org({ name: 'Tafel Langerfeld' });
      const [stored] = await t.db.tx((q) => upsertRecords(q, 'organizations', [o], null));
      await t.reopen();
      const rows = await t.db.query<{ name: string; version: string | number }>(
        "select data->>'name' as name, version from records where id = $1",
        [o.id],
      );
      expect(rows.map((r) => ({ name: r.name, version: Number(r.version) }))).toEqual([
        { name: 'Tafel Langerfeld', version: stored?.version },
      ]);
      // The sequence survives too: no version is handed out twice after a restart.
      const [next] = await t.db.tx((q) => upsertRecords(q, 'organizations', [org()], null));
      expect(next?.version).toBeGreaterThan(stored?.version ?? Infinity);
    } finally {
      await t.destroy();
    }
  });
});
