import { OFFER_CHILD_TABLES, OFFER_TABLE, type TableName } from '../src/model';
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
 * Gives every public child of the offers `offerIds` a new version, because what residents
 * may see of them just changed with their offer: pull is ordered by version, so without a
 * new one a resident whose cursor is past the child would never get its tombstone (offer
 * turned internal or deleted) or its data (offer public again). Children that are internal
 * or deleted themselves are hidden either way and keep their version. The child's data and
 * `updated_at` stay as they are; only `ever_public` may become true.
 *
 * Only for server/records.ts, inside its write transaction, after the version lock.
 */
export async function bumpOfferChildren(
  q: TxQueryable,
  offerIds: readonly string[],
): Promise<void> {
  if (offerIds.length === 0) return;
  await q.query(
    `with c as (
       select r.table_name, r.id, ${publicSql('r', 'p')} as pub
         from records r ${offerJoin('r', 'p')}
        where r.table_name in (${CHILDREN}) and not r.deleted and r.visibility = 'public'
          and r.data->>'service_id' in (select jsonb_array_elements_text($1::text::jsonb))
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
    [JSON.stringify(offerIds)],
  );
}
