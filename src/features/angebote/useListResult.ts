import { useMemo } from 'preact/hooks';
import type { WegweiserDB } from '../../db/schema';
import { useLiveQueryState } from '../../db/useLiveQuery';
import { useStore } from '../../db/useStore';
import type { SearchEngine } from '../../search/engine';
import {
  FILTER_KINDS,
  type FilterKind,
  type FilterSet,
  hasFilters,
  withoutFilter,
} from '../../search/filters';
import type { QueryPlan } from '../../search/query';
import { getSearchService, type SearchService } from '../../search/store';
import { isPlainWord, queryWords } from '../../search/tokenize';
import { filteredIdsFromDb } from './listQuery';

export interface ListResult {
  /** 'preparing': a query waits for the search index (first start only). */
  state: 'loading' | 'preparing' | 'ready';
  /** Every match, best first (or alphabetical without a query). */
  ids: string[];
  plan: QueryPlan | null;
  /** Index terms each offer matched, for highlighting. */
  terms: Map<string, string[]>;
  engine: SearchEngine | null;
}

export function useSearchService(db: WegweiserDB): {
  service: SearchService;
  engine: SearchEngine | null;
  revision: number;
} {
  const service = useMemo(() => getSearchService(db), [db]);
  const status = useStore(service.status);
  const revision = useStore(service.revision);
  return { service, engine: status === 'ready' ? service.engine() : null, revision };
}

export function useListResult(db: WegweiserDB, query: string, filters: FilterSet): ListResult {
  const { engine, revision } = useSearchService(db);
  const filterKey = JSON.stringify(filters);
  const hasQuery = queryWords(query).length > 0;

  const fromEngine = useMemo(() => {
    if (!engine) return null;
    const { hits, plan } = engine.search(query, filters);
    return {
      ids: hits.map((h) => h.id),
      plan: hasQuery ? plan : null,
      terms: new Map(hits.map((h) => [h.id, h.terms])),
    };
    // revision: the index changed; filterKey stands for filters.
  }, [engine, revision, query, filterKey]);

  // Until the index is there, the plain list comes straight from IndexedDB.
  const fromDb = useLiveQueryState(
    () => (engine || hasQuery ? Promise.resolve(null) : filteredIdsFromDb(db, filters)),
    [db, engine === null, hasQuery, filterKey],
  );

  if (fromEngine) return { state: 'ready', ...fromEngine, engine };
  if (hasQuery) return { state: 'preparing', ids: [], plan: null, terms: new Map(), engine };
  if (fromDb.value)
    return { state: 'ready', ids: fromDb.value, plan: null, terms: new Map(), engine };
  return { state: 'loading', ids: [], plan: null, terms: new Map(), engine };
}

const without = (words: string[], i: number) => words.filter((_, k) => k !== i).join(' ');
const replaced = (words: string[], i: number, by: string) =>
  words.map((w, k) => (k === i ? by : w)).join(' ');

export interface Suggestion {
  /** The query or filters to try instead. */
  query: string;
  filters: FilterSet;
  count: number;
  /** What changes: a dropped filter kind, a dropped word, a near term. */
  kind: 'filter' | 'allFilters' | 'word' | 'near';
  filterKind?: FilterKind;
  /** For 'near': the term offered. */
  term?: string;
}

/**
 * Ways out of an empty result, each with the number of offers it would find: drop a filter
 * kind, drop all filters, drop a word, or a similar word from the data ("Schuldnerbertung"
 * → "Schuldnerberatung"). Only suggestions that find something.
 */
export function suggestAlternatives(
  engine: SearchEngine,
  query: string,
  filters: FilterSet,
): Suggestion[] {
  const out: Suggestion[] = [];
  const count = (q: string, f: FilterSet) => engine.search(q, f).hits.length;
  const active = FILTER_KINDS.filter((k) => (filters[k]?.length ?? 0) > 0);
  for (const kind of active) {
    const f = withoutFilter(filters, kind);
    const n = count(query, f);
    if (n > 0) out.push({ kind: 'filter', filterKind: kind, query, filters: f, count: n });
  }
  if (active.length > 1) {
    const n = count(query, {});
    if (n > 0) out.push({ kind: 'allFilters', query, filters: {}, count: n });
  }
  // Changes to the words, fewest first: drop one word, swap one for a similar word from
  // the data, then single words alone. Each with the filters, or else without them.
  const raw = query.trim().split(/\s+/).filter(Boolean);
  const variants: { query: string; term?: string }[] = [];
  if (raw.length > 1) {
    for (let i = 0; i < raw.length; i++) variants.push({ query: without(raw, i) });
  }
  // Markup or symbols are no typo of anything in the data.
  const nearBy = raw.map((word) =>
    isPlainWord(word) ? queryWords(word).flatMap((w) => engine.nearTerms(w.term, 4)) : [],
  );
  raw.forEach((_, i) => {
    for (const term of nearBy[i] ?? []) variants.push({ query: replaced(raw, i, term), term });
  });
  if (raw.length > 2) for (const w of raw) variants.push({ query: w });
  if (raw.length > 1)
    for (const near of nearBy) for (const term of near) variants.push({ query: term, term });
  const seen = new Set<string>([query.trim().toLowerCase()]);
  for (const v of variants) {
    const key = v.query.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = v.term ? 'near' : 'word';
    const n = count(v.query, filters);
    if (n > 0) out.push({ kind, term: v.term, query: v.query, filters, count: n });
    else if (hasFilters(filters)) {
      const m = count(v.query, {});
      if (m > 0) out.push({ kind, term: v.term, query: v.query, filters: {}, count: m });
    }
    if (out.length >= 10) break;
  }
  return out.slice(0, 12);
}
