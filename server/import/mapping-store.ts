import {
  type MappingEntry,
  mapsToNothing,
  normalizeMapping,
  termKey,
} from '../../protocol/importMapping';
import type { Db, Queryable } from '../db';

interface Row {
  term: string;
  categories: string[];
  target_groups: string[];
}

/** The stored mapping, in term order. */
export async function loadStoredMapping(q: Queryable): Promise<MappingEntry[]> {
  const rows = await q.query<Row>(
    'select term, categories, target_groups from import_mapping order by term_key',
  );
  return rows.map((r) => ({
    term: r.term,
    categories: r.categories,
    target_groups: r.target_groups,
  }));
}

/**
 * Saves these terms and leaves the others alone, so that two coordinators mapping different
 * terms at the same time both keep their work. A term that maps to nothing is removed. One
 * transaction: all of the list or none of it.
 */
export async function saveMappingEntries(
  db: Db,
  entries: readonly MappingEntry[],
): Promise<{ saved: number; removed: number }> {
  const clean = normalizeMapping(entries);
  const keep = clean.filter((e) => !mapsToNothing(e));
  const drop = clean.filter(mapsToNothing).map((e) => termKey(e.term));
  await db.tx(async (q) => {
    // One statement per kind, however long the list is.
    await q.query(
      'delete from import_mapping where term_key in (select jsonb_array_elements_text($1::text::jsonb))',
      [JSON.stringify(drop)],
    );
    await q.query(
      `insert into import_mapping (term_key, term, categories, target_groups)
       select x.term_key, x.term, x.categories, x.target_groups
       from jsonb_to_recordset($1::text::jsonb)
         as x(term_key text, term text, categories jsonb, target_groups jsonb)
       on conflict (term_key) do update
         set term = excluded.term, categories = excluded.categories,
             target_groups = excluded.target_groups, updated_at = now()`,
      [JSON.stringify(keep.map((e) => ({ term_key: termKey(e.term), ...e })))],
    );
  });
  return { saved: keep.length, removed: drop.length };
}
