import {
  type Change,
  HIDDEN_REFERENCES,
  OFFER_CHILD_TABLES,
  OFFER_TABLE,
  type TableName,
} from '../src/model';
import type { Queryable, TxQueryable } from './db';

/*
 * What residents may see, in SQL: the rule of src/model/visibility.ts (isPublicRecord), for
 * a `records` row and the row of its offer. Pull decides with it what a resident gets;
 * writers use it for `ever_public`, which says whether residents may learn a row's id.
 */

const CHILDREN = OFFER_CHILD_TABLES.map((t) => `'${t}'`).join(', ');

/**
 * `left join` of the offer `p` of each row `r` that belongs to an offer (NULL columns for
 * other rows and for an offer the server does not know). `service_id` is checked to be a
 * UUID on every write, so the cast cannot fail.
 */
export function offerJoin(r: string, p: string): string {
  return `left join records ${p}
            on ${p}.table_name = '${OFFER_TABLE}' and ${r}.table_name in (${CHILDREN})
           and ${p}.id = (${r}.data->>'service_id')::uuid`;
}

/**
 * True iff residents may see row `r` (any relation with table_name, visibility, deleted and
 * data) with its offer `p` joined by offerJoin. Never NULL.
 */
export function publicSql(r: string, p: string): string {
  return `(${r}.visibility = 'public' and not ${r}.deleted
           and (${r}.table_name not in (${CHILDREN}) or ${r}.data->>'service_id' is null
                or coalesce(${p}.visibility = 'public' and not ${p}.deleted, false)))`;
}

/**
 * Removes from a resident's page every reference (src/model HIDDEN_REFERENCES) to a record residents
 * cannot see (not public, deleted, unknown): a single one becomes null, a list loses it.
 * `changes` carry data only where residents may see the record itself.
 *
 * This reads a later snapshot than the page's query, which is safe: a reference kept here
 * points to a record public at that later moment, and any visibility change after the
 * page's snapshot gives the referring record a version past the page's cursor
 * (bumpDependents), so it is sent again. Done here rather than in the page's SQL because
 * there each field access decompressed the whole stored document again (a 500-row page of
 * offers took 2-3 times as long in bench/pull.bench.ts).
 */
export async function removeHiddenReferences(q: Queryable, changes: Change[]): Promise<void> {
  const key = (table: string, id: string) => `${table}/${id.toLowerCase()}`;
  const wanted = new Map<string, [string, string]>();
  const refsOf = (c: Change) => HIDDEN_REFERENCES.filter((r) => r.table === c.table);
  for (const c of changes) {
    const data = c.data as Record<string, unknown> | null;
    if (!data) continue;
    for (const { field, target } of refsOf(c)) {
      const v = data[field];
      for (const id of Array.isArray(v) ? v : [v]) {
        if (typeof id === 'string') wanted.set(key(target, id), [target, id]);
      }
    }
  }
  if (wanted.size === 0) return;
  // References are checked to be UUIDs on every write, so the cast cannot fail.
  const rows = await q.query<{ t: string; id: string }>(
    `select table_name as t, id::text as id from records
      where visibility = 'public' and not deleted
        and (table_name, id) in (select x->>0, (x->>1)::uuid
                                   from jsonb_array_elements($1::text::jsonb) as x)`,
    [JSON.stringify([...wanted.values()])],
  );
  const visible = new Set(rows.map((r) => key(r.t, r.id)));
  for (const c of changes) {
    const data = c.data as Record<string, unknown> | null;
    if (!data) continue;
    for (const { field, target, many } of refsOf(c)) {
      const v = data[field];
      if (many && Array.isArray(v)) {
        data[field] = v.filter((id) => typeof id === 'string' && visible.has(key(target, id)));
      } else if (typeof v === 'string' && !visible.has(key(target, v))) {
        data[field] = null;
      }
    }
  }
}

/**
 * The rows whose resident view depends on rows of `table` with ids in the relation `ids(id)`:
 * an offer's children, and the records referring to it. Null if there are none.
 */
function dependentsSql(r: string, table: TableName, ids: string): string | null {
  const conds: string[] = [];
  if (table === OFFER_TABLE) {
    conds.push(
      `(${r}.table_name in (${CHILDREN}) and ${r}.data->>'service_id' in (select id from ${ids}))`,
    );
  }
  for (const ref of HIDDEN_REFERENCES) {
    if (ref.target !== table) continue;
    conds.push(
      ref.many
        ? `(${r}.table_name = '${ref.table}' and exists (
              select 1 from jsonb_array_elements_text(${r}.data->'${ref.field}') as e(v)
               where e.v in (select id from ${ids})))`
        : `(${r}.table_name = '${ref.table}' and ${r}.data->>'${ref.field}' in (select id from ${ids}))`,
    );
  }
  return conds.length === 0 ? null : `(${conds.join(' or ')})`;
}

/** Whether a change of what residents see of a `table` row changes what they see of others. */
export function hasDependents(table: TableName): boolean {
  return dependentsSql('r', table, 'ids') !== null;
}

/** The ids among `records` (of `table`) that residents can see as stored right now. */
export async function publicNow(
  q: Queryable,
  table: TableName,
  records: readonly { id: string }[],
): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>(
    `select r.id::text as id from records r ${offerJoin('r', 'p')}
      where r.table_name = $1 and ${publicSql('r', 'p')}
        and r.id in (select x::uuid from jsonb_array_elements_text($2::text::jsonb) as x)`,
    [table, JSON.stringify(records.map((r) => r.id))],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Gives every public record that depends on the `table` rows `ids` (dependentsSql) a new
 * version, because what residents may see of it just changed with those rows: an offer's
 * child is hidden or shown with its offer, a reference removed or restored with its target.
 * Pull is ordered by version, so without a new one a resident whose cursor is past the
 * record would never get its tombstone or its new data. Records that are internal or deleted
 * themselves are hidden either way and keep their version. The data and `updated_at` stay as
 * they are; only `ever_public` may become true.
 *
 * Only for server/records.ts, inside its write transaction, after the version lock.
 */
export async function bumpDependents(
  q: TxQueryable,
  table: TableName,
  ids: readonly string[],
): Promise<void> {
  const dependents = dependentsSql('r', table, 'ids');
  if (ids.length === 0 || dependents === null) return;
  await q.query(
    `with ids(id) as (
       select jsonb_array_elements_text($1::text::jsonb)
     ), c as (
       select r.table_name, r.id, ${publicSql('r', 'p')} as pub
         from records r ${offerJoin('r', 'p')}
        where ${dependents} and not r.deleted and r.visibility = 'public'
        order by r.version
     ), v as (
       select c.*, nextval('record_version') as version from c
     )
     update records r set
       content_version = coalesce(r.content_version, r.version),
       version         = v.version,
       data            = r.data || jsonb_build_object('version', v.version),
       ever_public     = r.ever_public or v.pub
       from v
      where r.table_name = v.table_name and r.id = v.id`,
    [JSON.stringify(ids)],
  );
}
