import type { SearchEngine } from './engine';
import {
  FILTER_KINDS,
  type FilterKind,
  type FilterSet,
  hasFilters,
  withoutFilter,
} from './filters';
import { isPlainWord, queryWords } from './tokenize';

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
