import MiniSearch, { type Options, type Query } from 'minisearch';
import { type DocMeta, FIELD_BOOSTS, SEARCH_FIELDS, type SearchDoc } from './documents';
import { type MatchReason, matchReasons } from './explain';
import { type FilterSet, hasFilters, matchesFilters } from './filters';
import { planQuery, type QueryPlan, toMiniSearchQuery } from './query';
import { type QueryTree, rank, rankable, Verdicts } from './rank';
import { defaultSynonyms, groupsInWords, type SynonymTable } from './synonyms';
import { FILLER_WORDS, indexTerms, rawTokens } from './tokenize';
import { Vocabulary } from './vocabulary';

export interface Hit {
  id: string;
  score: number;
}

export interface SearchResults {
  hits: Hit[];
  plan: QueryPlan;
  /**
   * Index terms (after prefix, typo and compound expansion) found in offers that pass the
   * filters: one list for all hits, for highlighting any of them. It holds every term a
   * hit matched; a hit's word in it is one the query found, so its size follows the query,
   * not the number of hits.
   */
  terms: string[];
}

/** Fewer strict hits than this, and a best-match search fills the list. */
const STRICT_ENOUGH = 5;

/** Filter combinations whose answers are kept (a person switches between a few). */
const MAX_VERDICTS = 8;
/** Shorter words have too many neighbours to guess which one was meant. */
const MIN_NEAR_LENGTH = 4;
const HYPHENATED_WORDS = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+/gu;

/**
 * One offer as the index holds it: its facets and the index terms of each search field
 * (in SEARCH_FIELDS order, joined by spaces). Adding a piece needs no tokenizing, which is
 * most of the cost of indexing; saved pieces make a cold start cheap (store.ts).
 */
export interface SearchPiece {
  id: string;
  m: DocMeta;
  t: string[];
}

/** Index terms never contain spaces (tokenize.ts splits at them). */
const TERM_SEPARATOR = ' ';
const splitTerms = (text: string) => (text === '' ? [] : text.split(TERM_SEPARATOR));

/**
 * The search engine: MiniSearch plus German folding, compound parts, synonyms and the
 * facets the filters need. Pure in-memory; loading and saving live in store.ts.
 */
export class SearchEngine {
  private vocabulary: Vocabulary;
  private readonly meta = new Map<string, DocMeta>();
  /** Every offer in German order, for the empty query; rebuilt after a change. */
  private alphabetical: DocMeta[] | null = null;
  /** Set while documents are added, so the term processor records the vocabulary. */
  private collecting = false;
  private readonly synonyms: SynonymTable;
  private mini: MiniSearch<SearchDoc>;
  private readonly rankable: boolean;
  private readonly verdicts = new Map<string, Verdicts>();

  private constructor(synonyms: SynonymTable, vocabulary: Vocabulary) {
    this.synonyms = synonyms;
    this.vocabulary = vocabulary;
    this.mini = new MiniSearch<SearchDoc>(this.options());
    this.rankable = rankable(this.mini);
  }

  static create(synonyms: SynonymTable = defaultSynonyms()): SearchEngine {
    return new SearchEngine(synonyms, new Vocabulary());
  }

  private options(): Options<SearchDoc> {
    return {
      fields: [...SEARCH_FIELDS],
      idField: 'id',
      // Documents reach MiniSearch as pieces, already tokenized and folded (upsert).
      tokenize: splitTerms,
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

  /** Adds or replaces an offer; returns its piece, to be saved. */
  upsert(doc: SearchDoc, meta: DocMeta): SearchPiece {
    this.collecting = true;
    let t: string[];
    try {
      t = SEARCH_FIELDS.map((f) => this.indexTokens(doc[f]).join(TERM_SEPARATOR));
    } finally {
      this.collecting = false;
    }
    const piece: SearchPiece = { id: doc.id, m: meta, t };
    this.addPiece(piece);
    return piece;
  }

  /** Adds or replaces an offer from its piece (saved earlier by upsert). */
  addPiece(piece: SearchPiece): void {
    if (this.mini.has(piece.id)) this.mini.discard(piece.id);
    const doc: Record<string, string> = { id: piece.id };
    SEARCH_FIELDS.forEach((f, i) => {
      doc[f] = piece.t[i] ?? '';
    });
    this.mini.add(doc as unknown as SearchDoc);
    this.meta.set(piece.id, piece.m);
    this.alphabetical = null;
  }

  /** Words of a saved vocabulary (with their pieces: the terms are not in the pieces). */
  addTerms(entries: Iterable<{ term: string; surface: string }>): void {
    for (const { term, surface } of entries) this.vocabulary.add(term, surface);
    // Saved already: not new.
    this.vocabulary.takeAdded();
  }

  /** Words the vocabulary gained since the last call, to be saved. */
  takeNewTerms(): { term: string; surface: string }[] {
    return this.vocabulary.takeAdded();
  }

  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
    this.meta.delete(id);
    this.alphabetical = null;
  }

  /** Highest source version of any offer in the index. */
  maxVersion(): number {
    let max = 0;
    for (const m of this.meta.values()) if (m.v > max) max = m.v;
    return max;
  }

  /**
   * Ranked offers for a query, filtered. An empty query gives every offer that passes the
   * filters in German alphabetical order. `reference` answers through `mini.search`, the
   * evaluation rank.ts reproduces (for tests; also used where rank.ts cannot run).
   */
  search(query: string, filters: FilterSet = {}, skipSlot = -1, reference = false): SearchResults {
    const plan = planQuery(query, this.synonyms);
    const pass = (id: string) => {
      const m = this.meta.get(id);
      return m !== undefined && matchesFilters(m, filters);
    };
    if (plan.slots.length === 0 || (skipSlot >= 0 && plan.slots.length === 1)) {
      // Sorted once per change, not per call: at city scale the sort took tens of ms.
      this.alphabetical ??= [...this.meta.values()].sort((a, b) => compare(a.sort, b.sort));
      const hits = this.alphabetical
        .filter((m) => matchesFilters(m, filters))
        .map((m) => ({ id: m.id, score: 0 }));
      return { hits, plan, terms: [] };
    }
    const tree = toMiniSearchQuery(plan, this.vocabulary, skipSlot);
    const accept = hasFilters(filters) ? pass : undefined;
    const verdicts = accept ? this.verdictsFor(filters, accept) : undefined;
    // MiniSearch ranks by BM25 times the number of query terms an offer matched, so an
    // offer that matches a word AND its synonyms or compounds ranks higher: more evidence.
    // Equal scores stay in MiniSearch's insertion order. Filters skip an offer before it
    // is scored.
    const run = (q: Query) =>
      this.rankable && !reference
        ? rank(this.mini, q as QueryTree, verdicts)
        : this.searchByMiniSearch(q, accept);
    const strict = run(tree);
    const active = plan.slots.length - (skipSlot >= 0 ? 1 : 0);
    if (strict.hits.length >= STRICT_ENOUGH || active < 2) return { ...strict, plan };
    // A question rarely has every word in one offer: the offers with every word stay on
    // top, the best matches for some of them follow.
    const loose = run(toMiniSearchQuery(plan, this.vocabulary, skipSlot, 'OR'));
    const seen = new Set(strict.hits.map((h) => h.id));
    const hits = [...strict.hits, ...loose.hits.filter((h) => !seen.has(h.id))];
    const terms = [...new Set([...strict.terms, ...loose.terms])];
    return { hits, terms, plan };
  }

  /** Which typed words reached which concept, for "passt zu" lines (explain.ts). */
  reasons(plan: QueryPlan): MatchReason[] {
    return matchReasons(plan, this.synonyms);
  }

  /** Typing repeats the filters: what they say of an offer is asked once. */
  private verdictsFor(filters: FilterSet, accept: (id: string) => boolean): Verdicts {
    const key = JSON.stringify(filters);
    let v = this.verdicts.get(key);
    if (!v) {
      if (this.verdicts.size >= MAX_VERDICTS) this.verdicts.clear();
      v = new Verdicts(accept);
      this.verdicts.set(key, v);
    }
    return v;
  }

  private searchByMiniSearch(
    query: Query,
    accept?: (id: string) => boolean,
  ): Omit<SearchResults, 'plan'> {
    // A document boost of 0 makes MiniSearch skip an offer before it scores or records it;
    // offers that pass keep a boost of 1, so their scores and order are the same.
    const raw = this.mini.search(
      query,
      accept ? { boostDocument: (id) => (accept(id as string) ? 1 : 0) } : {},
    );
    const terms = new Set<string>();
    for (const r of raw) for (const t of r.terms) terms.add(t);
    return { hits: raw.map((r) => ({ id: r.id as string, score: r.score })), terms: [...terms] };
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
}

/** Sort keys are built for code-unit order (db/sortKey.ts), so no localeCompare here. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
