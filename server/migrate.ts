import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Distinct from the version lock in records.ts. */
const MIGRATION_LOCK_KEY = 0x5157_0002;
const FILE_NAME = /^\d{3}_[a-z0-9_]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => FILE_NAME.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations in one transaction and returns their names. The advisory lock
 * lets several instances start at once against one PostgreSQL: the second waits, then finds
 * everything applied. A changed, already applied file is an error, because the two backends
 * (or two installations) would otherwise silently end up with different schemas.
 */
export async function migrate(
  db: Db,
  dir: string = MIGRATIONS_DIR,
  /** Apply only these (a restore first rebuilds the schema its backup was taken from). */
  only?: ReadonlySet<string>,
): Promise<string[]> {
  const migrations = (await loadMigrations(dir)).filter((m) => !only || only.has(m.name));
  return db.tx(async (q) => {
    await q.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await q.exec(`create table if not exists schema_migrations (
      name       text primary key,
      checksum   text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await q.query<{ name: string; checksum: string }>(
      'select name, checksum from schema_migrations',
    );
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was changed after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      await q.exec(m.sql);
      await q.query('insert into schema_migrations (name, checksum) values ($1, $2)', [
        m.name,
        m.checksum,
      ]);
      done.push(m.name);
    }
    return done;
  });
}
