import {
  isPublicRecord,
  isTableName,
  type RecordOf,
  TABLE_SCHEMAS,
  type TableName,
} from '../src/model';
import type { TxQueryable } from './db';
import { bumpDependents, hasDependents, offerJoin, publicNow, publicSql } from './visibility';

/**
 * Why every writer takes this lock before `nextval('record_version')`
 * --------------------------------------------------------------------
 * Pull hands out rows with `version > cursor` and the client then stores the highest
 * version it saw as its new cursor. With a bare sequence this can lose a change:
 *
 *   tx A: nextval -> 41          tx B: nextval -> 42, commit
 *   pull(since 40) sees only 42 -> client cursor = 42
 *   tx A commits 41              -> 41 <= 42, no later pull will ever return it
 *
 * Sequences hand out numbers in call order but transactions commit in any order. So all
 * writers first take one transaction-scoped advisory lock (`pg_advisory_xact_lock`); it is
 * held until COMMIT/ROLLBACK. Hence at most one transaction holds unpublished version
 * numbers at any moment, and they are larger than every committed version (the previous
 * holder committed before it released the lock: PostgreSQL marks a transaction committed
 * and visible before it releases its locks). So whatever snapshot a pull reads, every
 * version that will ever commit and is <= the largest version visible in that snapshot is
 * already visible in it; the cursor can never jump over a late commit. Numbers burnt by a
 * rollback leave holes, which are harmless. The price is that writes are serialized; writes here are
 * coordinator edits and pushes, a few per second at most, and each holds the lock only
 * for its own short transaction.
 *
 * PGlite is single-connection and runs transactions one after another anyway; the same SQL
 * runs there so that both backends behave the same.
 *
 * Rule: nothing may call nextval('record_version') or write `records` except through this
 * module (and server/visibility.ts, which it calls after taking the lock), and only inside
 * `Db.tx` (enforced by the TxQueryable type).
 */
export const VERSION_LOCK_KEY = 0x5157_0001;

export async function lockVersions(q: TxQueryable): Promise<void> {
  await q.query('select pg_advisory_xact_lock($1::bigint)', [VERSION_LOCK_KEY]);
}

export interface RecordIssue {
  index: number;
  id: string | null;
  path: string;
  message: string;
}

/** Thrown before anything is written, so an invalid batch burns no versions. */
export class RecordValidationError extends Error {
  constructor(
    readonly table: string,
    readonly issues: RecordIssue[],
  ) {
    super(
      `Invalid ${table} record(s): ${issues
        .slice(0, 5)
        .map((i) => `#${i.index} ${i.path || '(record)'}: ${i.message}`)
        .join('; ')}`,
    );
    this.name = 'RecordValidationError';
  }
}

const CHUNK = 1000;

async function reserveVersions(q: TxQueryable, n: number): Promise<number[]> {
  const rows = await q.query<{ v: string | number | bigint }>(
    "select nextval('record_version') as v from generate_series(1, $1::int)",
    [n],
  );
  return rows.map((r) => Number(r.v)).sort((a, b) => a - b);
}

function idOf(x: unknown): string | null {
  return typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string'
    ? (x as { id: string }).id
    : null;
}

/**
 * Validates `records` with the table's schema, gives each a fresh version and the server's
 * `updated_at` / `updated_by`, and inserts or replaces them. Returns the stored records in
 * input order. A record with `deleted: true` is stored as a tombstone.
 */
export async function upsertRecords<T extends TableName>(
  q: TxQueryable,
  table: T,
  records: readonly unknown[],
  updatedBy: string | null,
): Promise<RecordOf<T>[]> {
  if (!isTableName(table)) throw new Error(`Unknown table: ${String(table)}`);
  if (records.length === 0) return [];

  const schema = TABLE_SCHEMAS[table];
  const issues: RecordIssue[] = [];
  const parsed: RecordOf<T>[] = [];
  const seen = new Set<string>();
  records.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        issues.push({ index, id: idOf(raw), path: issue.path.join('.'), message: issue.message });
      }
      return;
    }
    const rec = result.data as RecordOf<T>;
    // Postgres refuses to update one row twice in a single INSERT … ON CONFLICT.
    if (seen.has(rec.id)) {
      issues.push({
        index,
        id: rec.id,
        path: 'id',
        message: 'Doppelte ID im selben Schreibvorgang',
      });
      return;
    }
    seen.add(rec.id);
    parsed.push(rec);
  });
  if (issues.length > 0) throw new RecordValidationError(table, issues);

  await lockVersions(q);
  const versions = await reserveVersions(q, parsed.length);
  const now = new Date().toISOString();
  const stored = parsed.map(
    (rec, i) =>
      ({ ...rec, version: versions[i], updated_at: now, updated_by: updatedBy }) as RecordOf<T>,
  );

  // A record that turns public or stops being public changes what residents see of the
  // records depending on it (server/visibility.ts), so those need new versions too.
  const publicBefore = hasDependents(table) ? await publicNow(q, table, stored) : null;

  for (let start = 0; start < stored.length; start += CHUNK) {
    await q.query(
      `insert into records
         (table_name, id, version, visibility, deleted, data, updated_at, updated_by, ever_public)
       select r.table_name, (r.data->>'id')::uuid, (r.data->>'version')::bigint, r.visibility,
              r.deleted, r.data, (r.data->>'updated_at')::timestamptz, r.data->>'updated_by',
              ${publicSql('r', 'p')}
         from (select $1::text as table_name, e->>'visibility' as visibility,
                      (e->>'deleted')::boolean as deleted, e as data
                 from jsonb_array_elements($2::text::jsonb) as e) as r
              ${offerJoin('r', 'p')}
       on conflict (table_name, id) do update set
         version     = excluded.version,
         content_version = null,
         visibility  = excluded.visibility,
         deleted     = excluded.deleted,
         data        = excluded.data,
         updated_at  = excluded.updated_at,
         updated_by  = excluded.updated_by,
         ever_public = records.ever_public or excluded.ever_public`,
      [table, JSON.stringify(stored.slice(start, start + CHUNK))],
    );
  }
  if (publicBefore) {
    // Tables with dependents are no offer children, so the offer does not matter.
    await bumpDependents(
      q,
      table,
      stored
        .filter((rec) => isPublicRecord(table, rec, undefined) !== publicBefore.has(rec.id))
        .map((rec) => rec.id),
    );
  }
  return stored;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns a record into a tombstone with a new version, keeping its last data on the server.
 * Returns the new version, or null if there is no such live record.
 */
export async function deleteRecord(
  q: TxQueryable,
  table: TableName,
  id: string,
  deletedBy: string | null,
): Promise<number | null> {
  if (!isTableName(table)) throw new Error(`Unknown table: ${String(table)}`);
  if (!UUID.test(id)) return null;
  await lockVersions(q);
  const now = new Date().toISOString();
  const rows = await q.query<{ version: string | number | bigint; visibility: string }>(
    `with v as (select nextval('record_version') as version)
     update records r set
       deleted    = true,
       version    = v.version,
       content_version = null,
       updated_at = $3::text::timestamptz,
       updated_by = $4,
       data       = r.data || jsonb_build_object(
                      'deleted', true, 'version', v.version,
                      'updated_at', $3::text, 'updated_by', $4::text)
     from v
     where r.table_name = $1 and r.id = $2::uuid and not r.deleted
     returning r.version, r.visibility`,
    [table, id, now, deletedBy],
  );
  const row = rows[0];
  if (!row) return null;
  // Only live rows are deleted here, and tables with dependents are no offer children, so a
  // public one was visible to residents until now.
  if (row.visibility === 'public' && hasDependents(table)) await bumpDependents(q, table, [id]);
  return Number(row.version);
}
