import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { type DocMeta, FIELD_BOOSTS, SEARCH_FIELDS, type SearchDoc } from './documents';
import { type FilterSet, hasFilters, matchesFilters } from './filters';
import { planQuery, type QueryPlan, toMiniSearchQuery } from './query';
import { defaultSynonyms, groupsInWords, type SynonymTable } from './synonyms';
import { FILLER_WORDS, indexTerms, rawTokens } from './tokenize';
import { Vocabulary } from './vocabulary';

export interface Hit {
  id: string;
  score: number;
  /** Index terms this offer matched (after prefix, typo and compound expansion). */
  terms: string[];
}

export interface SearchResults {
  hits: Hit[];
  plan: QueryPlan;
}

/** Shorter words have too many neighbours to guess which one was meant. */
const MIN_NEAR_LENGTH = 4;
const HYPHENATED_WORDS = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+/gu;

/** Saved form of an engine; `index` is MiniSearch's own JSON. */
export interface EngineSnapshot {
  index: AsPlainObject;
  vocabulary: [string, string?][];
  docs: DocMeta[];
}

/**
 * The search engine: MiniSearch plus German folding, compound parts, synonyms and the
 * facets the filters need. Pure in-memory; loading and saving live in store.ts.
 */
export class SearchEngine {
  private vocabulary: Vocabulary;
  private readonly meta = new Map<string, DocMeta>();
  /** Set while documents are added, so the term processor records the vocabulary. */
  private collecting = false;
  private readonly synonyms: SynonymTable;
  private mini: MiniSearch<SearchDoc>;

  private constructor(synonyms: SynonymTable, vocabulary: Vocabulary) {
    this.synonyms = synonyms;
    this.vocabulary = vocabulary;
    this.mini = new MiniSearch<SearchDoc>(this.options());
  }

  static create(synonyms: SynonymTable = defaultSynonyms()): SearchEngine {
    return new SearchEngine(synonyms, new Vocabulary());
  }

  /** Restores a saved engine. Async so a big index loads in slices, not in one long task. */
  static async fromSnapshot(
    snapshot: EngineSnapshot,
    synonyms: SynonymTable = defaultSynonyms(),
  ): Promise<SearchEngine> {
    const engine = new SearchEngine(synonyms, Vocabulary.fromJSON(snapshot.vocabulary));
    engine.mini = await MiniSearch.loadJSAsync<SearchDoc>(snapshot.index, engine.options());
    for (const m of snapshot.docs) engine.meta.set(m.id, m);
    return engine;
  }

  private options(): Options<SearchDoc> {
    return {
      fields: [...SEARCH_FIELDS],
      idField: 'id',
      tokenize: (text) => this.indexTokens(text),
      // Tokens come out of indexTokens already folded.
      processTerm: (term) => term,
      searchOptions: { boost: FIELD_BOOSTS },
    };
  }

  /** Index terms of a field: folded words (and umlaut-free variants), synonym groups. */
  private indexTokens(text: string): string[] {
    const out: string[] = [];
    const words: string[] = [];
    const raw = rawTokens(text);
    const wordCount = raw.length - (text.match(HYPHENATED_WORDS)?.length ?? 0);
    raw.forEach((token, i) => {
      const terms = indexTerms(token);
      if (!terms) return;
      for (const term of terms) {
        out.push(term);
        if (this.collecting) this.vocabulary.add(term, token);
      }
      // Joined hyphenated words (after the plain words) are not part of a phrase.
      if (i < wordCount) words.push(terms[0] as string);
      else out.push(...groupsInWords(this.synonyms, [terms[0] as string]));
    });
    out.push(...groupsInWords(this.synonyms, words));
    return out;
  }

  get size(): number {
    return this.meta.size;
  }

  has(id: string): boolean {
    return this.meta.has(id);
  }

  getMeta(id: string): DocMeta | undefined {
    return this.meta.get(id);
  }

  allMeta(): IterableIterator<DocMeta> {
    return this.meta.values();
  }

  /** Adds or replaces an offer. */
  upsert(doc: SearchDoc, meta: DocMeta): void {
    if (this.mini.has(doc.id)) this.mini.discard(doc.id);
    this.collecting = true;
    try {
      this.mini.add(doc);
    } finally {
      this.collecting = false;
    }
    this.meta.set(doc.id, meta);
  }

  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
    this.meta.delete(id);
  }

  /** Highest source version of any offer in the index. */
  maxVersion(): number {
    let max = 0;
    for (const m of this.meta.values()) if (m.v > max) max = m.v;
    return max;
  }

  /**
   * Ranked offers for a query, filtered. An empty query gives every offer that passes the
   * filters in German alphabetical order.
   */
  search(query: string, filters: FilterSet = {}, skipSlot = -1): SearchResults {
    const plan = planQuery(query, this.synonyms);
    const pass = (id: string) => {
      const m = this.meta.get(id);
      return m !== undefined && matchesFilters(m, filters);
    };
    if (plan.slots.length === 0 || (skipSlot >= 0 && plan.slots.length === 1)) {
      const hits = [...this.meta.values()]
        .filter((m) => matchesFilters(m, filters))
        .sort((a, b) => compare(a.sort, b.sort))
        .map((m) => ({ id: m.id, score: 0, terms: [] }));
      return { hits, plan };
    }
    const filtered = hasFilters(filters);
    const raw = this.mini.search(
      toMiniSearchQuery(plan, this.vocabulary, skipSlot),
      filtered ? { filter: (r) => pass(r.id as string) } : {},
    );
    // MiniSearch ranks by BM25 times the number of query terms an offer matched, so an
    // offer that matches a word AND its synonyms or compounds ranks higher: more evidence.
    // Its order is kept as is (already sorted; equal scores stay in insertion order).
    const hits: Hit[] = raw.map((r) => ({ id: r.id as string, score: r.score, terms: r.terms }));
    return { hits, plan };
  }

  /**
   * Index words close to a (folded) query word, as written in the data
   * ("Schuldnerberatung"): one edit for words up to five letters, two for longer ones, so
   * "debt" does not become "geht"; never filler words or terms shorter than four letters.
   */
  nearTerms(word: string, limit = 5): string[] {
    if (word.length < MIN_NEAR_LENGTH) return [];
    const max = word.length <= 5 ? 1 : 2;
    const meaningful = (t: string) => t.length >= MIN_NEAR_LENGTH && !FILLER_WORDS.has(t);
    const surfaces = this.vocabulary
      .near(word, max, limit * 2, meaningful)
      .map((t) => this.vocabulary.surface(t));
    return [...new Set(surfaces)].slice(0, limit);
  }

  toSnapshot(): EngineSnapshot {
    return {
      index: this.mini.toJSON(),
      vocabulary: this.vocabulary.toJSON(),
      docs: [...this.meta.values()],
    };
  }
}

/** Sort keys are built for code-unit order (db/sortKey.ts), so no localeCompare here. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
