/**
 * Runs inside Chromium (bundled by search.bench.ts): the real engine, the real Dexie store,
 * real IndexedDB. Returns raw samples; statistics happen in Node.
 */
import { createDb } from '../src/db/db';
import { syntheticDataset } from '../src/demo/synthetic';
import { SEARCH_FIELDS, type SearchDoc } from '../src/search/documents';
import { SearchEngine } from '../src/search/engine';
import { docsFromDataset } from '../src/search/fromDataset';
import { fold } from '../src/search/normalize';
import { loadSnapshot, saveSnapshot } from '../src/search/store';

/** What workers type: exact, prefix, typos, umlaut spellings, compounds, synonyms, phrases. */
export const QUERIES = [
  'Schuldnerberatung',
  'schuld',
  'Schuldnerbertung',
  'beratung',
  'kurs',
  'Deutschkurs',
  'JC',
  'Jobcenter',
  'Kita',
  'Muelheimer Strasse',
  'Fluechtlinge',
  'Wohnung',
  'Hartz IV',
  'arabisch',
  'Tafel',
  'Bewerbung Lebenslauf',
  'Hilfe bei Schulden',
  'Kinderbetreuung Alleinerziehende',
  'Pflegeberatung',
  'Sprachcafe',
  'Integrazionskurs',
  'senioren treff',
];

export interface PageSamples {
  n: number;
  build: number[];
  load: number[];
  firstResults: number[];
  query: number[];
  filtered: number[];
  naive: number[];
  snapshotBytes: number;
  hits: Record<string, number>;
  /** Median per query, to see which kind of query is slow. */
  perQuery: Record<string, number>;
}

const now = () => performance.now();

/**
 * The baseline: a naive scan over the same data — every searchable field of every offer
 * (the same text the index holds), folded the same way at query time, each query word a
 * substring. No index, no typos, no synonyms: what a list filter without a search engine
 * would do to offer the same fields with umlaut handling.
 */
function naiveSearch(docs: SearchDoc[], query: string): number {
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  let n = 0;
  for (const d of docs) {
    const text = fold(SEARCH_FIELDS.map((f) => d[f]).join(' '));
    if (words.every((w) => text.includes(w))) n++;
  }
  return n;
}

export async function run(
  n: number,
  runs: { build: number; load: number; rounds: number; naiveRounds: number },
): Promise<PageSamples> {
  const data = syntheticDataset(n, 1);
  const docs = docsFromDataset(data);
  const out: PageSamples = {
    n,
    build: [],
    load: [],
    firstResults: [],
    query: [],
    filtered: [],
    naive: [],
    snapshotBytes: 0,
    hits: {},
    perQuery: {},
  };

  let engine = SearchEngine.create();
  for (let r = 0; r < runs.build; r++) {
    const e = SearchEngine.create();
    const t0 = now();
    for (const { doc, meta } of docs) e.upsert(doc, meta);
    out.build.push(now() - t0);
    engine = e;
  }

  // Cold start: the saved index read from IndexedDB and loaded, then the first query.
  const db = createDb(`qw-bench-${n}-${Date.now()}`);
  await db.open();
  await saveSnapshot(db, engine);
  const saved = (await db.meta.get('search.index'))?.value as { json: string };
  out.snapshotBytes = saved.json.length;
  for (let r = 0; r < runs.load; r++) {
    db.close();
    await db.open();
    const t0 = now();
    const loaded = await loadSnapshot(db);
    const t1 = now();
    if (!loaded) throw new Error('snapshot did not load');
    loaded.search('Schuldnerberatung');
    const t2 = now();
    out.load.push(t1 - t0);
    out.firstResults.push(t2 - t0);
  }
  db.close();
  await db.delete();

  for (const q of QUERIES) out.hits[q] = engine.search(q).hits.length;
  // Warm-up, as a worker's phone has after the first keystroke.
  for (const q of QUERIES) engine.search(q);
  const byQuery = new Map<string, number[]>();
  for (let r = 0; r < runs.rounds; r++) {
    for (const q of QUERIES) {
      const t0 = now();
      engine.search(q);
      const ms = now() - t0;
      out.query.push(ms);
      byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
      const t1 = now();
      engine.search(q, {
        targetGroups: ['alleinerziehende', 'fluchthintergrund'],
        languages: ['ar'],
      });
      out.filtered.push(now() - t1);
    }
  }

  for (const [q, ms] of byQuery) {
    out.perQuery[q] = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] as number;
  }
  const plain = docs.map((d) => d.doc);
  for (let r = 0; r < runs.naiveRounds; r++) {
    for (const q of QUERIES) {
      const t0 = now();
      naiveSearch(plain, q);
      out.naive.push(now() - t0);
    }
  }
  return out;
}
