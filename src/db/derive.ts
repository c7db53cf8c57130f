import type { StoredService } from './schema';
import { germanSortKey } from './sortKey';

/** Returns a copy of a service row with its derived fields (see STORES_V2) set. */
export function withDerivedServiceFields<T extends object>(value: T): T & Partial<StoredService> {
  const row = value as Partial<StoredService>;
  const { listed: _old, ...rest } = row;
  const out: Partial<StoredService> = { ...rest };
  if (typeof row.name === 'string') out.sort_name = germanSortKey(row.name);
  if (row.status === 'active' && row.deleted !== true) out.listed = 1;
  return out as T & Partial<StoredService>;
}
