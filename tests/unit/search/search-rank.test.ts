/**
 * The engine ranks with rank.ts (typed arrays over MiniSearch's index) and must give what
 * `mini.search` gives for the same query tree: the same offers, the same scores to the
 * bit, the same order (equal scores included) — plain, filtered, and after updates left
 * dead postings behind in the index.
 */
import { describe, expect, it } from 'vitest';
import { QUERIES } from '../../../bench/search.page';
import { demoDataset, syntheticDataset } from '../../../src/demo';
import type { Dataset } from '../../../src/demo/types';
import { SearchEngine } from '../../../src/search/engine';
import type { FilterSet } from '../../../src/search/filters';
import { docsFromDataset } from '../../../src/search/fromDataset';
import { sortByScore } from '../../../src/search/rank';

const MORE_QUERIES = [
  'bera',
  'Kita-Platz',
  'Schulden/Insolvenz',
  'die',
  'Müllheim',
  'Beratung für Familien',
  'Sprachkurs Frauen arabisch',
  'Integrationskurs',
  'xyzzy',
];

const FILTER_SETS: FilterSet[] = [
  {},
  { targetGroups: ['alleinerziehende', 'fluchthintergrund'], languages: ['ar'] },
  { categories: ['beratung'] },
  { traits: ['barrierefrei'] },
];

function engineFor(data: Dataset): SearchEngine {
  const engine = SearchEngine.create();
  for (const { doc, meta } of docsFromDataset(data)) engine.upsert(doc, meta);
  return engine;
}

function expectSame(ranked: SearchEngine, reference: SearchEngine, queries: string[]): number {
  let compared = 0;
  for (const filters of FILTER_SETS) {
    for (const q of queries) {
      const a = ranked.search(q, filters);
      const b = reference.search(q, filters, -1, true);
      // toEqual on numbers is exact: the same scores, not close ones.
      expect(a.hits, `${q} ${JSON.stringify(filters)}`).toEqual(b.hits);
      // Every term a hit matched is there to highlight it.
      expect(a.terms, q).toEqual(expect.arrayContaining(b.terms));
      compared += a.hits.length;
    }
  }
  return compared;
}

describe('ranking over the index gives what MiniSearch gives', () => {
  it('on generated data: the benchmark queries and more, with and without filters', () => {
    const engine = engineFor(syntheticDataset(3000, 7));
    const compared = expectSame(engine, engine, [...QUERIES, ...MORE_QUERIES]);
    // Broad queries are in the set: thousands of hits were compared, not a few.
    expect(compared).toBeGreaterThan(10000);
  });

  it('on the demo data', () => {
    const engine = engineFor(demoDataset());
    expectSame(engine, engine, [...QUERIES, ...MORE_QUERIES]);
  });

  it('while offers are being added (as on a first load, querying in between)', () => {
    const docs = docsFromDataset(syntheticDataset(2000, 5));
    const engine = SearchEngine.create();
    for (let from = 0; from < docs.length; from += 500) {
      for (const { doc, meta } of docs.slice(from, from + 500)) engine.upsert(doc, meta);
      expectSame(engine, engine, ['beratung', 'Kita', 'Hilfe bei Schulden']);
    }
    expect(engine.search('beratung').hits.length).toBeGreaterThan(500);
  });

  it('after updates and removals (dead postings are skipped and cleaned the same way)', () => {
    const data = syntheticDataset(2000, 3);
    const twins = [engineFor(data), engineFor(data)] as const;
    const docs = docsFromDataset(data);
    // Filtered answers are kept per offer: ask before the changes, too.
    for (const e of twins) e.search('beratung', FILTER_SETS[1]);
    for (const e of twins) {
      docs.slice(0, 300).forEach(({ doc, meta }, i) => {
        if (i % 3 === 0) e.remove(doc.id);
        else
          e.upsert(
            { ...doc, name: `${doc.name} Schuldnerberatung` },
            { ...meta, tg: i % 2 ? ['alleinerziehende'] : [], lang: ['ar'] },
          );
      });
    }
    // One twin ranks, the other asks MiniSearch: each cleans its own index as it goes.
    expectSame(twins[0], twins[1], [...QUERIES, ...MORE_QUERIES]);
    expectSame(twins[0], twins[1], QUERIES);
  });
});

describe('sortByScore', () => {
  const reference = (scores: Float64Array) =>
    [...scores.keys()].sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);

  it('orders by score, highest first, equal scores by position (as a stable sort)', () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const n of [0, 1, 5, 511, 512, 3000, 20000]) {
      // Few distinct values (many ties) and full-precision ones.
      const tied = Float64Array.from({ length: n }, () => Math.floor(rnd() * 20) * 0.37 + 0.01);
      const spread = Float64Array.from({ length: n }, () => rnd() * 1e3 + 1e-9);
      expect([...sortByScore(tied)]).toEqual(reference(tied));
      expect([...sortByScore(spread)]).toEqual(reference(spread));
    }
  });
});

describe('the empty query', () => {
  it('lists every offer in German order, and follows renames, additions and removals', () => {
    const data = demoDataset();
    const engine = engineFor(data);
    const sorted = () => engine.search('').hits.map((h) => engine.getMeta(h.id)?.sort ?? '');
    const inOrder = (keys: string[]) => keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
    expect(sorted()).toHaveLength(engine.size);
    expect(inOrder(sorted())).toBe(true);

    const [first, second] = engine.search('').hits.map((h) => h.id);
    const docs = docsFromDataset(data);
    const moved = docs.find((d) => d.doc.id === first)!;
    // The first offer renamed to sort last, a new one to sort first, the second removed.
    engine.upsert(moved.doc, { ...moved.meta, sort: '\uffff' });
    engine.upsert({ ...moved.doc, id: 'neu' }, { ...moved.meta, id: 'neu', sort: '' });
    const ids = engine.search('').hits.map((h) => h.id);
    expect(ids[0]).toBe('neu');
    expect(ids.at(-1)).toBe(first);
    engine.remove(second!);
    expect(engine.search('').hits.map((h) => h.id)).not.toContain(second);
    expect(inOrder(sorted())).toBe(true);
  });
});
