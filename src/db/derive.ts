import type { StoredService } from './schema';
import { germanSortKey } from './sortKey';

/**
 * The one rule for an offer in the list (and in search, counts, hours pages): active and
 * not deleted. Stored rows carry it as the indexed `listed` field.
 */
export function isListed(s: { status?: unknown; deleted?: boolean }): boolean {
  return s.status === 'active' && s.deleted !== true;
}

/** A record that exists and is not a tombstone; the rule for every table. */
export function isAlive<T extends { deleted?: boolean }>(x: T | undefined | null): x is T {
  return x != null && x.deleted !== true;
}

/** Returns a copy of a service row with its derived fields (see STORES_V2) set. */
export function withDerivedServiceFields<T extends object>(value: T): T & Partial<StoredService> {
  const row = value as Partial<StoredService>;
  const { listed: _old, ...rest } = row;
  const out: Partial<StoredService> = { ...rest };
  if (typeof row.name === 'string') out.sort_name = germanSortKey(row.name);
  if (isListed(row)) out.listed = 1;
  return out as T & Partial<StoredService>;
}
