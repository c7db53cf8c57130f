/**
 * Combinable filters. Within one kind the choices widen the search (a person who is a
 * single parent AND a refugee needs offers for either group); across kinds they narrow it.
 * Traits are the exception: "kostenlos" and "ohne Termin" both have to hold.
 */
export interface FilterSet {
  targetGroups?: string[];
  categories?: string[];
  quartiere?: string[];
  languages?: string[];
  traits?: string[];
}

export const FILTER_KINDS = [
  'targetGroups',
  'categories',
  'quartiere',
  'languages',
  'traits',
] as const satisfies readonly (keyof FilterSet)[];
export type FilterKind = (typeof FILTER_KINDS)[number];

/** The facets of one offer the filters look at. */
export interface Facets {
  tg: readonly string[];
  cat: readonly string[];
  q: readonly string[];
  lang: readonly string[];
  traits: readonly string[];
}

const anyOf = (have: readonly string[], want: readonly string[] | undefined) =>
  !want || want.length === 0 || want.some((w) => have.includes(w));

export function matchesFilters(f: Facets, s: FilterSet): boolean {
  return (
    anyOf(f.tg, s.targetGroups) &&
    anyOf(f.cat, s.categories) &&
    anyOf(f.q, s.quartiere) &&
    anyOf(f.lang, s.languages) &&
    (s.traits ?? []).every((t) => f.traits.includes(t))
  );
}

export function hasFilters(s: FilterSet): boolean {
  return FILTER_KINDS.some((k) => (s[k]?.length ?? 0) > 0);
}

/** The same filters without one value (or without a whole kind when `value` is omitted). */
export function withoutFilter(s: FilterSet, kind: FilterKind, value?: string): FilterSet {
  const rest = (s[kind] ?? []).filter((v) => value !== undefined && v !== value);
  return { ...s, [kind]: rest.length > 0 ? rest : undefined };
}
