/** The taxonomy-mapping editor's list: the report's unmapped terms first, then what is stored. */
import { type MappingEntry, termKey } from '../../../protocol/importMapping';

export interface MappingItem {
  key: string;
  entry: MappingEntry;
  /** How often the last dry run met it unmapped; absent for a stored term it did not meet. */
  count?: number;
}

export function mappingItems(
  stored: readonly MappingEntry[],
  unmapped: readonly { term: string; count: number }[],
  edits: ReadonlyMap<string, MappingEntry>,
): MappingItem[] {
  const storedKeys = new Set(stored.map((e) => termKey(e.term)));
  const seen = new Set<string>();
  const items: MappingItem[] = [];
  const add = (entry: MappingEntry, count?: number) => {
    const key = termKey(entry.term);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    items.push({ key, entry: edits.get(key) ?? entry, ...(count ? { count } : {}) });
  };
  for (const u of unmapped) {
    if (!storedKeys.has(termKey(u.term))) {
      add({ term: u.term, categories: [], target_groups: [] }, u.count);
    }
  }
  for (const e of stored) add(e);
  return items;
}

/** Whether an item's words contain the filter text (case and spacing ignored). */
export const matchesFilter = (item: MappingItem, filter: string) =>
  item.key.includes(termKey(filter));
