import { changedFields, type FieldConflict, hasRole, type Role } from '../protocol';
import { TABLE_NAMES, type TableName } from '../src/model';
import type { Queryable, TxQueryable } from './db';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

export interface AuditWrite {
  actor: string;
  table: TableName;
  id: string;
  version: number;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  clientId: string | null;
  mutationId: string | null;
}

/** One audit row per changed field (version and updated_* are bookkeeping, not changes). */
export async function writeAudit(q: TxQueryable, w: AuditWrite): Promise<number> {
  return writeAudits(q, [w]);
}

/**
 * Audit rows per statement. Each row carries both versions of a record; a bounded parameter
 * keeps the memory of one statement small on both databases, at no measurable cost in speed.
 */
const AUDIT_CHUNK = 500;

/**
 * The audit rows of many writes, a few statements in all: one round trip per record would
 * make a 30,000-record import spend most of its time waiting on the database.
 */
export async function writeAudits(q: TxQueryable, writes: readonly AuditWrite[]): Promise<number> {
  let rows: unknown[][] = [];
  let written = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    await q.query(
      `insert into audit_log
         (actor, table_name, record_id, version, action, field, old_value, new_value,
          client_id, mutation_id)
       select e->>0, e->>1, (e->>2)::uuid, (e->>3)::bigint, e->>4, e->>5, e->6, e->7,
              e->>8, e->>9
         from jsonb_array_elements($1::text::jsonb) as e`,
      [JSON.stringify(rows)],
    );
    written += rows.length;
    rows = [];
  };
  // Rows are built a chunk at a time: one per changed field, all of an import's rows at
  // once would be many times the records themselves.
  for (const w of writes) {
    for (const field of changedFields(w.before, w.after)) {
      rows.push([
        w.actor,
        w.table,
        w.id,
        w.version,
        w.action,
        field,
        w.before?.[field] ?? null,
        w.after[field] ?? null,
        w.clientId,
        w.mutationId,
      ]);
      if (rows.length >= AUDIT_CHUNK) await flush();
    }
  }
  await flush();
  return written;
}

/**
 * One entry of an offer's history, named after the HSDS 3 `metadata` object
 * (resource_id, resource_type, last_action_date, last_action_type, field_name,
 * previous_value, replacement_value, updated_by) plus the record version it produced.
 */
export interface AuditEntry {
  id: string;
  resource_id: string;
  resource_type: TableName;
  last_action_date: string;
  last_action_type: AuditAction;
  field_name: string;
  previous_value: unknown;
  replacement_value: unknown;
  updated_by: string | null;
  version: number;
}

export function isAuditTable(x: string): x is TableName {
  return (TABLE_NAMES as string[]).includes(x);
}

export async function readAudit(
  q: Queryable,
  table: TableName,
  id: string,
  limit = 1000,
): Promise<AuditEntry[]> {
  const rows = await q.query<{
    id: string | number;
    at: Date | string;
    actor: string | null;
    version: string | number;
    action: AuditAction;
    field: string;
    old_value: unknown;
    new_value: unknown;
  }>(
    `select id, at, actor, version, action, field, old_value, new_value
       from audit_log where table_name = $1 and record_id = $2::uuid
      order by id limit $3::int`,
    [table, id, limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    resource_id: id,
    resource_type: table,
    last_action_date: new Date(r.at).toISOString(),
    last_action_type: r.action,
    field_name: r.field,
    previous_value: r.old_value ?? null,
    replacement_value: r.new_value ?? null,
    updated_by: r.actor,
    version: Number(r.version),
  }));
}

/**
 * Conflicts with who last wrote each contested field on the server, and when, from the
 * audit log. Only coordinators may read the log, so only they get names; referrals have
 * no author to tell. Fields without an audit row (seed data) stay as they are.
 */
export async function withOrigins(
  q: Queryable,
  role: Role,
  table: TableName,
  id: string,
  conflicts: FieldConflict[],
): Promise<FieldConflict[]> {
  if (conflicts.length === 0 || table === 'referrals' || !hasRole(role, 'coordinator'))
    return conflicts;
  const rows = await q.query<{ field: string; actor: string | null; at: Date | string }>(
    `select distinct on (field) field, actor, at from audit_log
      where table_name = $1 and record_id = $2::uuid and field = any($3::text[])
      order by field, id desc`,
    [table, id, conflicts.map((c) => c.field)],
  );
  const byField = new Map(rows.map((r) => [r.field, r]));
  return conflicts.map((c) => {
    const row = byField.get(c.field);
    if (!row?.actor) return c;
    return { ...c, by: row.actor, at: new Date(row.at).toISOString() };
  });
}
