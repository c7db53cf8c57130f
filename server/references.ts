import type { Reference } from '../src/model';
import type { Queryable } from './db';

/**
 * The references among `refs` whose target is not a live record: missing or deleted. Run
 * inside the push transaction, so what an earlier mutation of the same push created counts.
 */
export async function missingReferences(q: Queryable, refs: Reference[]): Promise<Reference[]> {
  if (refs.length === 0) return [];
  const rows = await q.query<{ i: number }>(
    `select (e.ordinality - 1)::int as i
       from jsonb_array_elements($1::text::jsonb) with ordinality as e(ref, ordinality)
      where not exists (
        select 1 from records r
         where r.table_name = e.ref->>'table' and r.id = (e.ref->>'id')::uuid and not r.deleted)
      order by 1`,
    [JSON.stringify(refs)],
  );
  return rows.map((r) => refs[Number(r.i)] as Reference);
}
