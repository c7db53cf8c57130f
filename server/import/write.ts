import { TABLE_NAMES, type TableName } from '../../src/model';
import { type AuditWrite, writeAudits } from '../audit';
import type { Queryable, TxQueryable } from '../db';
import { latestVersion, noticeSince, notifyChange } from '../notify';
import { deleteRecord, lockVersions, upsertRecords } from '../records';
import type { Planned } from './map-records';

export interface TableCounts {
  create: number;
  update: number;
  unchanged: number;
  delete: number;
}

export interface ChangePlan {
  counts: Record<TableName, TableCounts>;
  writes: {
    table: TableName;
    key: string;
    record: Record<string, unknown>;
    before: Record<string, unknown> | null;
  }[];
  deletes: { table: TableName; id: string; data: Record<string, unknown> }[];
  origins: { table: TableName; key: string; id: string }[];
}

const META = new Set(['version', 'updated_at', 'updated_by']);

/** Origins per statement, for the same reason as the audit rows' chunks. */
const ORIGIN_CHUNK = 2000;

/** JSON with sorted keys and without the fields a write sets, to see whether content changed. */
function content(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(content).join(',')}]`;
  if (x && typeof x === 'object') {
    const entries = Object.entries(x as Record<string, unknown>)
      .filter(([k, v]) => !META.has(k) && v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${content(v)}`).join(',')}}`;
  }
  return JSON.stringify(x);
}

/** The tables a source fills: offers and their parts. Referrals and local words come from people. */
export const IMPORTED_TABLES: readonly TableName[] = TABLE_NAMES.filter(
  (t) => t !== 'referrals' && t !== 'local_terms',
);

/**
 * Compares the mapped records with what this source wrote before: new ones are created,
 * changed ones updated (keeping the visibility a coordinator may have set), unchanged ones
 * left alone, and live records the source no longer has deleted.
 */
export async function planChanges(
  q: Queryable,
  source: string,
  planned: Planned[],
): Promise<ChangePlan> {
  const counts = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, { create: 0, update: 0, unchanged: 0, delete: 0 }]),
  ) as Record<TableName, TableCounts>;
  const stored = await q.query<{
    table_name: TableName;
    source_key: string;
    record_id: string;
    data: Record<string, unknown> | null;
    deleted: boolean | null;
  }>(
    `select o.table_name, o.source_key, o.record_id::text as record_id, r.data, r.deleted
       from import_origins o
       left join records r on r.table_name = o.table_name and r.id = o.record_id
      where o.source = $1`,
    [source],
  );
  const byId = new Map(stored.map((s) => [`${s.table_name}/${s.record_id}`, s]));
  const plan: ChangePlan = { counts, writes: [], deletes: [], origins: [] };
  const wanted = new Set<string>();
  for (const p of planned) {
    const id = p.record.id as string;
    wanted.add(`${p.table}/${id}`);
    const s = byId.get(`${p.table}/${id}`);
    if (!s) plan.origins.push({ table: p.table, key: p.key, id });
    const before = s?.data && !s.deleted ? s.data : null;
    const record = before ? { ...p.record, visibility: before.visibility } : p.record;
    if (before && content(before) === content(record)) {
      counts[p.table].unchanged++;
      continue;
    }
    counts[p.table][before ? 'update' : 'create']++;
    plan.writes.push({ table: p.table, key: p.key, record, before: s?.data ?? null });
  }
  for (const s of stored) {
    if (wanted.has(`${s.table_name}/${s.record_id}`) || !s.data || s.deleted) continue;
    counts[s.table_name].delete++;
    plan.deletes.push({ table: s.table_name, id: s.record_id, data: s.data });
  }
  // Children before their offers and those before their Träger, as an editor would delete.
  plan.deletes.sort((a, b) => TABLE_NAMES.indexOf(b.table) - TABLE_NAMES.indexOf(a.table));
  return plan;
}

/** Writes a plan through the same rules as every writer; the caller's transaction holds it all. */
export async function applyPlan(q: TxQueryable, source: string, plan: ChangePlan): Promise<void> {
  await lockVersions(q);
  const before = await latestVersion(q, 'internal');
  const actor = `Import ${source}`.slice(0, 320);
  // Audit rows are written table by table: held for the whole import, they and the records
  // they copy were the largest part of a commit's memory.
  for (const table of TABLE_NAMES) {
    const writes = plan.writes.filter((w) => w.table === table);
    if (writes.length === 0) continue;
    const stored = await upsertRecords(
      q,
      table,
      writes.map((w) => w.record),
      actor,
    );
    const audits: AuditWrite[] = [];
    for (const [i, rec] of stored.entries()) {
      const w = writes[i];
      if (!w) continue;
      audits.push({
        actor,
        table,
        id: rec.id,
        version: rec.version,
        action: w.before === null ? 'create' : w.before.deleted ? 'restore' : 'update',
        before: w.before,
        after: rec as unknown as Record<string, unknown>,
        clientId: null,
        mutationId: null,
      });
    }
    await writeAudits(q, audits);
  }
  const audits: AuditWrite[] = [];
  for (const d of plan.deletes) {
    const version = await deleteRecord(q, d.table, d.id, actor);
    if (version === null) continue;
    audits.push({
      actor,
      table: d.table,
      id: d.id,
      version,
      action: 'delete',
      before: d.data,
      after: { ...d.data, deleted: true, version },
      clientId: null,
      mutationId: null,
    });
  }
  await writeAudits(q, audits);
  for (let start = 0; start < plan.origins.length; start += ORIGIN_CHUNK) {
    const chunk = plan.origins.slice(start, start + ORIGIN_CHUNK);
    await q.query(
      `insert into import_origins (source, table_name, source_key, record_id)
       select $1, x->>0, x->>1, (x->>2)::uuid from jsonb_array_elements($2::text::jsonb) as x
       on conflict do nothing`,
      [source, JSON.stringify(chunk.map((o) => [o.table, o.key, o.id]))],
    );
  }
  const notice = await noticeSince(q, before);
  if (notice) await notifyChange(q, notice);
}
