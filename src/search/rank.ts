import type { SearchOptions } from 'minisearch';

/**
 * MiniSearch's query evaluation (7.x `executeQuery` … `search`) over its own index, with
 * the same arithmetic in the same order, so scores and order are bit for bit the same —
 * without what costs most for broad queries: a result object, a `match` object and a
 * terms array per matching offer, a filter call per posting, and a sort of objects.
 * Per offer it keeps a score, a presence stamp and a bit per query term in typed arrays.
 *
 * It reads MiniSearch's internal fields; `rankable` checks they are there, and the engine
 * falls back to `mini.search` where they are not (tests compare both paths).
 */

/** The parts of MiniSearch's inside that ranking reads (and, like MiniSearch, cleans). */
interface Inside {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    atPrefix(term: string): Iterable<[string, Map<number, Map<number, number>>]>;
    fuzzyGet(term: string, max: number): Map<string, [Map<number, Map<number, number>>, number]>;
  };
  _documentIds: Map<number, string>;
  _documentCount: number;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _options: {
    fields: string[];
    tokenize: (text: string) => string[];
    processTerm: (term: string) => string | string[] | null | undefined | false;
    searchOptions: SearchOptions & { weights: { fuzzy: number; prefix: number } };
  };
  removeTerm(fieldId: number, docId: number, term: string): void;
}

/** A MiniSearch query tree (strings at the leaves); no wildcard. */
export type QueryTree = Options & { queries: (QueryTree | string)[] };

type Options = SearchOptions & {
  queries?: unknown;
  tokenize?: (text: string) => string[];
  processTerm?: (term: string) => string | string[] | null | undefined | false;
};

export function rankable(mini: object): boolean {
  const m = mini as unknown as Partial<Inside>;
  return (
    typeof m._index?.atPrefix === 'function' &&
    typeof m._index.fuzzyGet === 'function' &&
    m._documentIds instanceof Map &&
    m._fieldLength instanceof Map &&
    Array.isArray(m._avgFieldLength) &&
    typeof m._fieldIds === 'object' &&
    typeof m._nextId === 'number' &&
    typeof m.removeTerm === 'function' &&
    typeof m._options?.searchOptions === 'object'
  );
}

/** Offers that matched, best first, and every index term that matched an accepted offer. */
export interface Ranked {
  hits: { id: string; score: number }[];
  terms: string[];
}

/** One node's result: offers present (stamp === gen) in insertion order, their scores and query-term bits. */
class Result {
  score: Float64Array;
  stamp: Int32Array;
  order: Int32Array;
  bits: Uint32Array;
  len = 0;
  gen = 0;
  constructor(
    readonly cap: number,
    readonly words: number,
  ) {
    this.score = new Float64Array(cap);
    this.stamp = new Int32Array(cap);
    this.order = new Int32Array(cap);
    this.bits = new Uint32Array(cap * words);
  }
  reset(): void {
    this.len = 0;
    this.gen++;
    if (this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
  }
}

/** MiniSearch's defaults. */
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const OR = 'or';
const AND = 'and';

/**
 * Runs `query` as `mini.search(query, options)` would; `accept` stands for a
 * `boostDocument` that gives 1 or 0 (asked once per offer, not per posting).
 */
export function rank(mini: object, query: QueryTree, filter?: Verdicts): Ranked {
  const m = mini as unknown as Inside;
  const cap = m._nextId;
  const global = m._options.searchOptions;
  // Query terms get a bit each: MiniSearch multiplies a score by how many matched.
  const termBits = new Map<string, number>();
  const terms = new Set<string>();
  const verdict = filter?.sized(cap) ?? null;
  const accept = filter?.accept;
  const live = liveIds(m);
  const lengths = fieldLengths(m);
  const lengthOf = lengths.values;
  let pool: Result[] = [];
  let words = 1;

  const take = (): Result => {
    const r = pool.pop() ?? new Result(cap, words);
    r.reset();
    return r;
  };
  const give = (r: Result) => {
    pool.push(r);
  };

  const accepted = (docId: number): boolean => {
    if (!verdict || !accept) return true;
    let v = verdict[docId] as number;
    if (v === 0) {
      v = accept(live[docId] as string) ? 1 : 2;
      verdict[docId] = v;
    }
    return v === 1;
  };

  const leafTerms = (q: string, o: Options): string[] => {
    const tokenize = o.tokenize ?? m._options.tokenize;
    const processTerm = o.processTerm ?? m._options.processTerm;
    return tokenize(q)
      .flatMap((t) => processTerm(t) as string | string[])
      .filter((t): t is string => !!t);
  };

  // Bits first: their number fixes the width of every result.
  const collect = (q: QueryTree | string, opts: Options) => {
    if (typeof q !== 'string') {
      const o = { ...opts, ...q, queries: undefined } as Options;
      for (const sub of q.queries) collect(sub, o);
      return;
    }
    const o = { ...global, ...opts } as Options;
    for (const t of leafTerms(q, o)) if (!termBits.has(t)) termBits.set(t, termBits.size);
  };

  /** MiniSearch's termResults, into `out`. */
  const termResults = (
    source: number,
    derived: string,
    weight: number,
    termBoost: number,
    data: Map<number, Map<number, number>> | undefined,
    fields: string[],
    boosts: number[],
    bm25: { k: number; b: number; d: number },
    out: Result,
  ) => {
    if (data == null) return;
    const word = source >>> 5;
    const bit = 1 << (source & 31);
    const { k, b, d } = bm25;
    const total = m._documentCount;
    let any = false;
    for (let f = 0; f < fields.length; f++) {
      const fieldBoost = boosts[f] as number;
      const fieldId = m._fieldIds[fields[f] as string] as number;
      const freqs = data.get(fieldId);
      if (freqs == null) continue;
      const fieldLength = lengthOf[fieldId] as Int32Array;
      let matching = freqs.size;
      const avg = m._avgFieldLength[fieldId] as number;
      let idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      freqs.forEach((tf, docId) => {
        if (live[docId] === '') {
          m.removeTerm(fieldId, docId, derived);
          matching -= 1;
          idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
          return;
        }
        if (!accepted(docId)) return;
        any = true;
        const length = fieldLength[docId] as number;
        const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
        // Same factors in the same order as MiniSearch (with a document boost of 1).
        const weighted = weight * termBoost * fieldBoost * 1 * raw;
        const at = docId * out.words + word;
        if (out.stamp[docId] === out.gen) {
          out.score[docId] = (out.score[docId] as number) + weighted;
          out.bits[at] = (out.bits[at] as number) | bit;
        } else {
          out.stamp[docId] = out.gen;
          out.order[out.len++] = docId;
          out.score[docId] = weighted;
          for (let w = 0; w < out.words; w++) out.bits[docId * out.words + w] = 0;
          out.bits[at] = bit;
        }
      });
    }
    if (any) terms.add(derived);
  };

  /** MiniSearch's executeQuerySpec. */
  const spec = (term: string, index: number, all: string[], opts: Options, out: Result): void => {
    const o = { ...global, ...opts } as Options & typeof global;
    const fuzzyOpt = typeof o.fuzzy === 'function' ? o.fuzzy(term, index, all) : (o.fuzzy ?? false);
    const prefix = typeof o.prefix === 'function' ? o.prefix(term, index, all) : o.prefix === true;
    const termBoost = typeof o.boostTerm === 'function' ? o.boostTerm(term, index, all) : 1;
    const fields = o.fields ?? m._options.fields;
    const boosts = fields.map((f) => (o.boost && Object.hasOwn(o.boost, f) ? o.boost[f] || 1 : 1));
    const bm25 = o.bm25 as { k: number; b: number; d: number };
    const weights = { ...DEFAULT_WEIGHTS, ...o.weights };
    const source = termBits.get(term) as number;
    termResults(source, term, 1, termBoost, m._index.get(term), fields, boosts, bm25, out);
    let fuzzyMatches: Map<string, [Map<number, Map<number, number>>, number]> | undefined;
    if (fuzzyOpt) {
      const fuzzy = fuzzyOpt === true ? 0.2 : fuzzyOpt;
      const max =
        fuzzy < 1 ? Math.min(o.maxFuzzy as number, Math.round(term.length * fuzzy)) : fuzzy;
      if (max) fuzzyMatches = m._index.fuzzyGet(term, max);
    }
    if (prefix) {
      for (const [t, data] of m._index.atPrefix(term)) {
        const distance = t.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(t);
        const weight = (weights.prefix * t.length) / (t.length + 0.3 * distance);
        termResults(source, t, weight, termBoost, data, fields, boosts, bm25, out);
      }
    }
    if (fuzzyMatches) {
      for (const t of fuzzyMatches.keys()) {
        const [data, distance] = fuzzyMatches.get(t) as [Map<number, Map<number, number>>, number];
        if (!distance) continue;
        const weight = (weights.fuzzy * t.length) / (t.length + distance);
        termResults(source, t, weight, termBoost, data, fields, boosts, bm25, out);
      }
    }
  };

  /** MiniSearch's combinators, folding `b` into `a`. */
  const combine = (a: Result, b: Result, how: string) => {
    const W = a.words;
    if (how === OR) {
      for (let i = 0; i < b.len; i++) {
        const docId = b.order[i] as number;
        if (a.stamp[docId] === a.gen) {
          a.score[docId] = (a.score[docId] as number) + (b.score[docId] as number);
          for (let w = 0; w < W; w++)
            a.bits[docId * W + w] =
              (a.bits[docId * W + w] as number) | (b.bits[docId * W + w] as number);
        } else {
          a.stamp[docId] = a.gen;
          a.order[a.len++] = docId;
          a.score[docId] = b.score[docId] as number;
          for (let w = 0; w < W; w++) a.bits[docId * W + w] = b.bits[docId * W + w] as number;
        }
      }
      return;
    }
    if (how !== AND) throw new Error(`unsupported combination ${how}`);
    // The AND keeps b's order: what b has that a has too.
    let n = 0;
    const keep = a.gen;
    const next = keep + 1;
    for (let i = 0; i < b.len; i++) {
      const docId = b.order[i] as number;
      if (a.stamp[docId] !== keep) continue;
      a.stamp[docId] = next;
      a.order[n++] = docId;
      a.score[docId] = (a.score[docId] as number) + (b.score[docId] as number);
      for (let w = 0; w < W; w++)
        a.bits[docId * W + w] =
          (a.bits[docId * W + w] as number) | (b.bits[docId * W + w] as number);
    }
    a.len = n;
    a.gen = next;
  };

  const evaluate = (q: QueryTree | string, opts: Options, out: Result): void => {
    let how: string;
    let count: number;
    let run: (i: number, into: Result) => void;
    if (typeof q !== 'string') {
      const o = { ...opts, ...q, queries: undefined } as Options;
      how = ((o.combineWith as string | undefined) ?? OR).toLowerCase();
      count = q.queries.length;
      run = (i, into) => evaluate(q.queries[i] as QueryTree | string, o, into);
    } else {
      const o = { ...global, ...opts } as Options;
      how = ((o.combineWith as string | undefined) ?? OR).toLowerCase();
      const all = leafTerms(q, o);
      count = all.length;
      run = (i, into) => spec(all[i] as string, i, all, o, into);
    }
    if (count === 0) return;
    run(0, out);
    for (let i = 1; i < count; i++) {
      const part = take();
      run(i, part);
      combine(out, part, how);
      give(part);
    }
  };

  collect(query, {});
  words = Math.max(1, Math.ceil(termBits.size / 32));
  // The buffers are as big as the index; a query reuses those of earlier ones.
  let kept = spare.get(mini);
  if (!kept || kept.cap !== cap) {
    kept = { cap, pools: new Map() };
    spare.set(mini, kept);
  }
  pool = kept.pools.get(words) ?? [];
  kept.pools.set(words, pool);
  const root = take();
  evaluate(query, {}, root);

  // search(): score × number of query terms matched, then a stable sort by score.
  const n = root.len;
  const final = new Float64Array(n);
  const W = words;
  for (let i = 0; i < n; i++) {
    const docId = root.order[i] as number;
    let quality = 0;
    for (let w = 0; w < W; w++) quality += popcount(root.bits[docId * W + w] as number);
    final[i] = (root.score[docId] as number) * (quality || 1);
  }
  const byScore = sortByScore(final);
  const hits = new Array<{ id: string; score: number }>(n);
  for (let i = 0; i < n; i++) {
    const at = byScore[i] as number;
    hits[i] = {
      id: live[root.order[at] as number] as string,
      score: final[at] as number,
    };
  }
  give(root);
  return { hits, terms: [...terms] };
}

/** Free buffers by index size, then by width (query-term bits in 32-bit words). */
const spare = new WeakMap<object, { cap: number; pools: Map<number, Result[]> }>();

/**
 * What a filter says about each offer, by MiniSearch's short id, asked once per offer and
 * kept for the next query with the same filters. A short id is never given again (an
 * update is a discard and a new add), so an answer stays true as long as the index lives.
 */
export class Verdicts {
  /** 0: not asked yet, 1: passes, 2: filtered out. */
  private values = new Uint8Array(0);
  constructor(readonly accept: (id: string) => boolean) {}

  sized(cap: number): Uint8Array {
    if (this.values.length < cap) {
      const grown = new Uint8Array(Math.max(cap, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    return this.values;
  }
}

interface Live {
  /** External id by short id; '' for a discarded offer. */
  ids: string[];
  nextId: number;
  count: number;
}

const liveTables = new WeakMap<object, Live>();

/**
 * MiniSearch's short ids → ids as an array (a Map lookup per posting was the biggest
 * cost left). Adds only append; after a discard the table is read again, once.
 */
function liveIds(m: Inside): string[] {
  const t = liveTables.get(m);
  if (t && t.nextId === m._nextId && t.count === m._documentCount) return t.ids;
  const added = t ? m._nextId - t.nextId : 0;
  if (t && added > 0 && t.count + added === m._documentCount) {
    // Only adds since: a discard would have lowered the count.
    for (let id = t.nextId; id < m._nextId; id++) t.ids.push(m._documentIds.get(id) ?? '');
    t.nextId = m._nextId;
    t.count = m._documentCount;
    return t.ids;
  }
  const ids = new Array<string>(m._nextId).fill('');
  for (const [shortId, id] of m._documentIds) ids[shortId] = id;
  liveTables.set(m, { ids, nextId: m._nextId, count: m._documentCount });
  return ids;
}

interface Lengths {
  fields: number;
  /** Field lengths by field id, then short id (a posting list reads one array in order); 0 where MiniSearch has none. */
  values: Int32Array[];
  /** Short ids below this are copied. */
  filled: number;
}

const lengthTables = new WeakMap<object, Lengths>();

/**
 * MiniSearch's field lengths in one flat array (a Map lookup per posting was a third of
 * the time). A short id's lengths never change while it lives, so the copy only grows.
 */
function fieldLengths(m: Inside): Lengths {
  const fields = Object.keys(m._fieldIds).length;
  let t = lengthTables.get(m);
  if (!t || t.fields !== fields) {
    t = { fields, values: Array.from({ length: fields }, () => new Int32Array(0)), filled: 0 };
    lengthTables.set(m, t);
  }
  const cap = m._nextId;
  if (t.filled >= cap) return t;
  if ((t.values[0]?.length ?? 0) < cap) {
    t.values = t.values.map((old) => {
      const grown = new Int32Array(Math.max(cap, old.length * 2));
      grown.set(old);
      return grown;
    });
  }
  for (let id = t.filled; id < cap; id++) {
    const ls = m._fieldLength.get(id);
    if (!ls) continue;
    for (let f = 0; f < fields; f++) (t.values[f] as Int32Array)[id] = ls[f] ?? 0;
  }
  t.filled = cap;
  return t;
}

/** Below this many, a comparison sort is as quick. */
const RADIX_FROM = 512;

/**
 * Positions of `scores`, highest score first, equal scores in position order — what the
 * stable `sort(byScore)` of MiniSearch gives. Scores are positive doubles, whose bit
 * patterns sort like the numbers, so an LSD radix sort on the inverted bits (stable)
 * does it in a few linear passes instead of a comparator call per comparison.
 */
export function sortByScore(scores: Float64Array): Uint32Array {
  const n = scores.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let positive = true;
  for (let i = 0; i < n && positive; i++) positive = (scores[i] as number) > 0;
  if (n < RADIX_FROM || !positive) {
    return order.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
  }
  // Little-endian words of each double, inverted so that ascending keys are descending scores.
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
  const keys = new Uint32Array(n * 2);
  for (let i = 0; i < n * 2; i++) keys[i] = ~(bits[i] as number) >>> 0;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass >> 2;
    const shift = (pass & 3) * 8;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((keys[2 * i + word] as number) >>> shift) & 255;
      counts[digit] = (counts[digit] as number) + 1;
    }
    // Every key has the same digit here: nothing moves.
    const first = ((keys[word] as number) >>> shift) & 255;
    if (counts[first] === n) continue;
    let sum = 0;
    for (let dgt = 0; dgt < 256; dgt++) {
      const c = counts[dgt] as number;
      counts[dgt] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = order[i] as number;
      const digit = ((keys[2 * at + word] as number) >>> shift) & 255;
      spare[counts[digit] as number] = at;
      counts[digit] = (counts[digit] as number) + 1;
    }
    const t = order;
    order = spare;
    spare = t;
  }
  return order;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
