import type { FilterKind, FilterSet } from '../db/offers';

export {
  type Facets,
  FILTER_KINDS,
  type FilterKind,
  type FilterSet,
  hasFilters,
  matchesFilters,
} from '../db/offers';

/** The same filters without one value (or without a whole kind when `value` is omitted). */
export function withoutFilter(s: FilterSet, kind: FilterKind, value?: string): FilterSet {
  const rest = (s[kind] ?? []).filter((v) => value !== undefined && v !== value);
  return { ...s, [kind]: rest.length > 0 ? rest : undefined };
}
