/**
 * Runs inside Chromium (bundled by search.bench.ts): the real engine, the real Dexie store,
 * real IndexedDB. Returns raw samples; statistics happen in Node.
 */
import { createDb } from '../src/db/db';
import type { WegweiserDB } from '../src/db/schema';
import { syntheticDataset } from '../src/demo/synthetic';
import { SEARCH_FIELDS, type SearchDoc } from '../src/search/documents';
import { SearchEngine } from '../src/search/engine';
import { docsFromDataset } from '../src/search/fromDataset';
import { fold } from '../src/search/normalize';
import { createSearchIndex } from '../src/search/store';

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

/** Whole questions of eight words, as people ask them at a walk-in hour. */
export const QUESTIONS = [
  'Ich habe Schulden und weiß nicht, wer hilft',
  'Wo kann ich in meiner Nähe Deutsch lernen?',
  'Mir wird bald der Strom abgestellt, was tun?',
  'Ich suche für mein Kind einen Platz in Kita',
  'Wer hilft mir beim Antrag auf Wohngeld hier?',
  'Ich habe meine Arbeit verloren und brauche Beratung',
  'Meine Mutter ist alt und fühlt sich einsam',
  'I need help with debt and my rent now',
];

export interface PageSamples {
  n: number;
  build: number[];
  /** Cold start: new service over saved pieces until its first query has answered. */
  firstResults: number[];
  /** Hits of that first query, and how many offers the engine had then. */
  firstHits: number;
  firstIndexed: number;
  /** Cold start until every piece is in (status 'ready', caught up). */
  loaded: number[];
  /** Baseline: a raw IndexedDB read of every saved piece, nothing else. */
  rawRead: number[];
  /** One offer renamed: the write, the index update and its piece saved. */
  update: number[];
  /** Baseline: the same write with no index listening. */
  plainWrite: number[];
  query: number[];
  filtered: number[];
  naive: number[];
  question: number[];
  naiveQuestion: number[];
  /** Queries whose hits after the cold start differ from the in-memory build's. */
  mismatches: string[];
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

/** Every row of a store with the plain IndexedDB API (no Dexie), as structured clones. */
function rawReadAll(name: string, store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const req = idb.transaction(store, 'readonly').objectStore(store).getAll();
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        idb.close();
        resolve((req.result as unknown[]).length);
      };
    };
  });
}

async function seed(db: WegweiserDB, data: ReturnType<typeof syntheticDataset>): Promise<void> {
  const chunk = 5000;
  for (const [table, rows] of [
    [db.organizations, data.organizations],
    [db.locations, data.locations],
    [db.contacts, data.contacts],
    [db.services, data.services],
  ] as const) {
    for (let i = 0; i < rows.length; i += chunk) {
      await (table as { bulkPut(r: unknown[]): Promise<unknown> }).bulkPut(
        rows.slice(i, i + chunk),
      );
    }
  }
}

export async function run(
  n: number,
  runs: { build: number; cold: number; updates: number; rounds: number; naiveRounds: number },
): Promise<PageSamples> {
  const data = syntheticDataset(n, 1);
  const docs = docsFromDataset(data);
  const out: PageSamples = {
    n,
    build: [],
    firstResults: [],
    firstHits: 0,
    firstIndexed: 0,
    loaded: [],
    rawRead: [],
    update: [],
    plainWrite: [],
    query: [],
    filtered: [],
    naive: [],
    question: [],
    naiveQuestion: [],
    mismatches: [],
    hits: {},
    perQuery: {},
  };

  let built = SearchEngine.create();
  for (let r = 0; r < runs.build; r++) {
    const e = SearchEngine.create();
    const t0 = now();
    for (const { doc, meta } of docs) e.upsert(doc, meta);
    out.build.push(now() - t0);
    built = e;
  }

  // The app's path: records in IndexedDB, a first start builds and saves the pieces.
  const name = `qw-bench-${n}-${Date.now()}`;
  const first = createDb(name);
  await seed(first, data);
  const builder = createSearchIndex(first);
  await builder.ready;
  await builder.flush();
  builder.dispose();
  first.close();

  // Cold starts: a fresh connection and service each time, as after a reload.
  let engine: SearchEngine | null = null;
  for (let r = 0; r < runs.cold; r++) {
    const t0 = now();
    const db = createDb(name);
    const svc = createSearchIndex(db);
    const answered = new Promise<void>((resolve) => {
      const check = () => {
        const e = svc.engine();
        if (!e) return false;
        out.firstHits = e.search('Schuldnerberatung').hits.length;
        out.firstIndexed = e.size;
        out.firstResults.push(now() - t0);
        resolve();
        return true;
      };
      const off = svc.status.subscribe(() => {
        if (check()) off();
      });
    });
    await answered;
    engine = await svc.ready;
    out.loaded.push(now() - t0);
    svc.dispose();
    db.close();
    const t1 = now();
    await rawReadAll(name, 'searchDocs');
    out.rawRead.push(now() - t1);
  }
  if (!engine) throw new Error('no cold start');

  // One-offer updates: rename an offer, wait until its piece is saved.
  const db = createDb(name);
  const svc = createSearchIndex(db);
  await svc.ready;
  const targets = data.services.filter((s) => built.has(s.id)).slice(0, runs.updates);
  for (const [i, s] of targets.entries()) {
    const t0 = now();
    await db.services.put({ ...s, name: `${s.name} (neu ${i})`, version: s.version + 1 });
    await svc.settled();
    out.update.push(now() - t0);
  }
  svc.dispose();
  for (const [i, s] of targets.entries()) {
    const t0 = now();
    await db.services.put({ ...s, name: `${s.name} (alt ${i})`, version: s.version + 2 });
    out.plainWrite.push(now() - t0);
  }
  db.close();
  await db.delete();

  for (const q of QUERIES) {
    out.hits[q] = engine.search(q).hits.length;
    const a = engine.search(q).hits.map((h) => h.id);
    const b = built.search(q).hits.map((h) => h.id);
    if (a.length !== b.length || new Set([...a, ...b]).size !== a.length) out.mismatches.push(q);
  }
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
  for (const q of QUESTIONS) engine.search(q);
  for (let r = 0; r < runs.rounds; r++) {
    for (const q of QUESTIONS) {
      const t0 = now();
      engine.search(q);
      out.question.push(now() - t0);
    }
  }
  const plain = docs.map((d) => d.doc);
  for (let r = 0; r < runs.naiveRounds; r++) {
    for (const q of QUERIES) {
      const t0 = now();
      naiveSearch(plain, q);
      out.naive.push(now() - t0);
    }
    for (const q of QUESTIONS) {
      const t0 = now();
      naiveSearch(plain, q);
      out.naiveQuestion.push(now() - t0);
    }
  }
  return out;
}
