import { type ChangedKeys, mergeChanges, subscribeChanges } from '../db/changeFeed';
import { LOCAL_TERMS_TABLE, readLocalTerms } from '../db/localTerms';
import { isListed, readOffers } from '../db/offers';
import type { WegweiserDB } from '../db/schema';
import { createStore, type ReadableStore } from '../db/store';
import de from '../i18n/de.json';
import { buildDoc, type DocMeta, SEARCH_FIELDS, type SearchDoc } from './documents';
import { SearchEngine, type SearchPiece } from './engine';
import { compileThesaurus, defaultSynonyms, type SynonymTable } from './synonyms';
import { defaultThesaurus, type Thesaurus, thesaurusKey, withLocalTerms } from './thesaurus';

/**
 * Keeps a SearchEngine in step with IndexedDB:
 * - first start: builds it in slices (answering from the first slice on) and saves it as
 *   pieces, one row per offer (`searchDocs`) and one per word (`searchTerms`);
 * - cold start: adds the saved pieces page by page, without tokenizing, answering from the
 *   first page on ('partial'), then catches up on what changed while nobody listened;
 * - afterwards: updates only the offers a committed change touches (change feed) and
 *   rewrites only their rows.
 */

/** Meta row that says which format the saved pieces have and whether they are complete. */
export const INDEX_HEADER_KEY = 'search.pieces';
/** Bump when tokenizing or documents change; saved pieces of another format are rebuilt. */
const FORMAT = 3;
/** Pieces read from IndexedDB at a time. */
const PAGE = 1000;
/** Offers indexed per task, so a query (or the page) never waits long. */
const SLICE = 250;
/** Pieces written per transaction after a full build. */
const WRITE_BATCH = 2000;

export type SearchStatus = 'loading' | 'partial' | 'ready' | 'error';

export interface IndexProgress {
  indexed: number;
  total: number;
}

interface IndexHeader {
  format: number;
  /** Hash of what else the indexed text depends on (fields, taxonomy labels, synonyms). */
  config: string;
  /** False while a full save is under way, or after a piece could not be written. */
  complete: boolean;
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** What the indexed text depends on besides the offers: a change rebuilds the index once. */
function configFor(thesaurus: Thesaurus): string {
  return hash(JSON.stringify([SEARCH_FIELDS, de.taxonomy, thesaurusKey(thesaurus)]));
}

/** The thesaurus an index is built with, compiled once, and its config hash. */
export interface IndexSetup {
  table: SynonymTable;
  config: string;
}

let defaultSetup: IndexSetup | null = null;

/** Index setup for an effective thesaurus (withLocalTerms); the shipped one by default. */
export function indexSetup(thesaurus?: Thesaurus): IndexSetup {
  if (thesaurus) return { table: compileThesaurus(thesaurus), config: configFor(thesaurus) };
  defaultSetup ??= { table: defaultSynonyms(), config: configFor(defaultThesaurus()) };
  return defaultSetup;
}

/** The setup for the shipped thesaurus plus the district's own words in the database. */
export async function localSetup(db: WegweiserDB): Promise<IndexSetup> {
  const terms = await readLocalTerms(db);
  return terms.length === 0 ? indexSetup() : indexSetup(withLocalTerms(defaultThesaurus(), terms));
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The documents of the given offers (or of every listed one), read through the read model in
 * one transaction. `gone`: asked-for offers that are no longer listed.
 */
async function readSources(
  db: WegweiserDB,
  ids: string[] | 'all',
): Promise<{ built: { doc: SearchDoc; meta: DocMeta }[]; gone: string[] }> {
  const { offers, gone } = await readOffers(db, ids === 'all' ? 'listed' : ids);
  const built: { doc: SearchDoc; meta: DocMeta }[] = [];
  for (const offer of offers) {
    if (isListed(offer.service)) built.push(buildDoc(offer));
    else gone.push(offer.service.id);
  }
  return { built, gone };
}

/** Offers whose document depends on the changed records. */
async function affectedServices(
  db: WegweiserDB,
  engine: SearchEngine,
  changes: ChangedKeys,
): Promise<Set<string>> {
  const ids = new Set<string>();
  const set = (t: string) => changes.get(t) as Set<string> | undefined;
  for (const id of set('services') ?? []) ids.add(id);
  const orgs = set('organizations');
  const locs = set('locations');
  const contacts = set('contacts');
  if (orgs?.size || locs?.size || contacts?.size) {
    await db.transaction('r', [db.services, db.contacts], async () => {
      if (orgs?.size) {
        for (const id of await db.services
          .where('organization_id')
          .anyOf([...orgs])
          .primaryKeys())
          ids.add(id);
      }
      if (locs?.size) {
        for (const id of await db.services
          .where('location_ids')
          .anyOf([...locs])
          .primaryKeys())
          ids.add(id);
      }
      if (contacts?.size) {
        for (const c of await db.contacts.bulkGet([...contacts])) {
          if (c?.service_id) ids.add(c.service_id);
        }
      }
    });
    // A deleted contact, Ort or Träger is gone from the database; the index remembers who
    // used it.
    for (const m of engine.allMeta()) {
      if (
        orgs?.has(m.org) ||
        m.locs.some((l) => locs?.has(l)) ||
        m.contacts.some((c) => contacts?.has(c))
      ) {
        ids.add(m.id);
      }
    }
  }
  return ids;
}

/** What changed while no saved index was kept up to date (closed tab, other tab). */
async function changesSinceSnapshot(db: WegweiserDB, engine: SearchEngine): Promise<ChangedKeys> {
  const since = engine.maxVersion();
  const tables = [db.services, db.organizations, db.locations, db.contacts];
  return db.transaction('r', tables, async () => {
    const changes: ChangedKeys = new Map();
    for (const table of tables) {
      // Newer than anything indexed, or local and not yet synced (version 0).
      const newer = await table.where('version').above(since).primaryKeys();
      const local = await table.where('version').equals(0).primaryKeys();
      changes.set(table.name, new Set([...newer, ...local].map(String)));
    }
    const services = changes.get('services') as Set<string>;
    const listedIds = new Set(await db.services.where('listed').equals(1).primaryKeys());
    for (const id of listedIds) if (!engine.has(id)) services.add(id);
    const [orgIds, locIds, contactIds] = await Promise.all([
      db.organizations.toCollection().primaryKeys(),
      db.locations.toCollection().primaryKeys(),
      db.contacts.toCollection().primaryKeys(),
    ]);
    const orgSet = new Set(orgIds);
    const locSet = new Set(locIds);
    const contactSet = new Set(contactIds);
    for (const m of engine.allMeta()) {
      if (
        !listedIds.has(m.id) ||
        !orgSet.has(m.org) ||
        m.locs.some((l) => !locSet.has(l)) ||
        m.contacts.some((c) => !contactSet.has(c))
      ) {
        services.add(m.id);
      }
    }
    return changes;
  });
}

async function savedIndexIsCurrent(db: WegweiserDB, setup: IndexSetup): Promise<boolean> {
  const h = (await db.meta.get(INDEX_HEADER_KEY))?.value as IndexHeader | undefined;
  return !!h && h.format === FORMAT && h.config === setup.config && h.complete === true;
}

const header = (
  complete: boolean,
  setup: IndexSetup = indexSetup(),
): { key: string; value: IndexHeader } => ({
  key: INDEX_HEADER_KEY,
  value: { format: FORMAT, config: setup.config, complete },
});

/** Replaces every saved piece (after a full build). */
export async function saveAllPieces(
  db: WegweiserDB,
  engine: SearchEngine,
  pieces: SearchPiece[],
  setup: IndexSetup = indexSetup(),
): Promise<void> {
  await db.transaction('rw', [db.meta, db.searchDocs, db.searchTerms], async () => {
    await db.meta.put(header(false, setup));
    await db.searchDocs.clear();
    await db.searchTerms.clear();
  });
  for (let i = 0; i < pieces.length; i += WRITE_BATCH) {
    await db.searchDocs.bulkPut(pieces.slice(i, i + WRITE_BATCH));
  }
  await db.transaction('rw', [db.meta, db.searchTerms], async () => {
    await db.searchTerms.bulkPut(engine.takeNewTerms());
    await db.meta.put(header(true, setup));
  });
}

/** Saves what one incremental update changed: its offers' rows and new words, nothing else. */
async function savePieces(
  db: WegweiserDB,
  engine: SearchEngine,
  pieces: SearchPiece[],
  gone: string[],
): Promise<void> {
  const terms = engine.takeNewTerms();
  await db.transaction('rw', [db.searchDocs, db.searchTerms], async () => {
    if (pieces.length > 0) await db.searchDocs.bulkPut(pieces);
    if (gone.length > 0) await db.searchDocs.bulkDelete(gone);
    if (terms.length > 0) await db.searchTerms.bulkPut(terms);
  });
}

/**
 * Adds the saved pieces to a new engine, page by page in key order; `onPage` runs after
 * each page (the engine already answers for what it has). Null when nothing usable is
 * saved, or when `stop` says so.
 */
export async function loadPieces(
  db: WegweiserDB,
  onPage: (engine: SearchEngine, progress: IndexProgress) => void = () => {},
  options: { pageSize?: number; stop?: () => boolean; setup?: IndexSetup } = {},
): Promise<SearchEngine | null> {
  const setup = options.setup ?? indexSetup();
  if (!(await savedIndexIsCurrent(db, setup))) return null;
  const pageSize = options.pageSize ?? PAGE;
  const engine = SearchEngine.create(setup.table);
  const [terms, total] = await Promise.all([db.searchTerms.toArray(), db.searchDocs.count()]);
  engine.addTerms(terms);
  let last: string | null = null;
  for (;;) {
    const page: SearchPiece[] = (await (last === null
      ? db.searchDocs.orderBy(':id')
      : db.searchDocs.where(':id').above(last)
    )
      .limit(pageSize)
      .toArray()) as SearchPiece[];
    if (options.stop?.()) return null;
    if (page.length === 0) break;
    for (let i = 0; i < page.length; i += SLICE) {
      if (i > 0) await pause();
      for (const piece of page.slice(i, i + SLICE)) engine.addPiece(piece);
    }
    last = (page.at(-1) as SearchPiece).id;
    onPage(engine, { indexed: engine.size, total: Math.max(total, engine.size) });
    if (page.length < pageSize) break;
  }
  return engine;
}

/**
 * Builds the whole index from IndexedDB, yielding between slices, in key order (the order
 * a cold start adds the saved pieces in, so both rank ties alike). `onSlice` runs after
 * each slice.
 */
export async function buildFromDb(
  db: WegweiserDB,
  onSlice: (engine: SearchEngine, progress: IndexProgress) => void = () => {},
  setup: IndexSetup = indexSetup(),
): Promise<{ engine: SearchEngine; pieces: SearchPiece[] }> {
  const engine = SearchEngine.create(setup.table);
  const { built } = await readSources(db, 'all');
  built.sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  const pieces: SearchPiece[] = [];
  for (let i = 0; i < built.length; i += SLICE) {
    if (i > 0) await pause();
    for (const { doc, meta } of built.slice(i, i + SLICE)) pieces.push(engine.upsert(doc, meta));
    onSlice(engine, { indexed: engine.size, total: built.length });
  }
  return { engine, pieces };
}

export interface SearchIndex {
  /** The engine; null until it answers (from 'partial' on). */
  engine(): SearchEngine | null;
  /** 'partial': the engine answers from the offers indexed so far, more are coming. */
  status: ReadableStore<SearchStatus>;
  /** Offers in the engine, of how many the load or build will bring. */
  progress: ReadableStore<IndexProgress>;
  /** Counts every change of the index, so views can recompute. */
  revision: ReadableStore<number>;
  /** Resolves once every offer is in the engine (loaded or built). */
  ready: Promise<SearchEngine>;
  /** Resolves when every change seen so far is in the index and saved (tests). */
  settled(): Promise<void>;
  /** Resolves when nothing is left to save (the app going to the background; tests). */
  flush(): Promise<void>;
  /** Where the index came from on this start: saved pieces, or built from the records. */
  origin(): 'snapshot' | 'built' | null;
  dispose(): void;
}

export interface SearchServiceOptions {
  /** Pieces read at a time on a cold start (tests use small pages). */
  pageSize?: number;
  /**
   * The effective thesaurus (withLocalTerms): the index is built with it, and a saved index
   * built with another one is rebuilt.
   */
  thesaurus?: Thesaurus;
}

export function createSearchIndex(
  db: WegweiserDB,
  options: SearchServiceOptions = {},
): SearchIndex {
  // Replaced when the district's own words change (a coordinator's edit or a pull).
  let setup = indexSetup(options.thesaurus);
  const currentSetup = () =>
    options.thesaurus ? Promise.resolve(setup) : localSetup(db).catch(() => setup);
  const status = createStore<SearchStatus>('loading');
  const progress = createStore<IndexProgress>({ indexed: 0, total: 0 });
  const revision = createStore(0);
  let engine: SearchEngine | null = null;
  let complete = false;
  let queued: ChangedKeys = new Map();
  let running: Promise<void> = Promise.resolve();
  let disposed = false;
  let backlog: ChangedKeys | null = null;
  let started = false;
  let origin: 'snapshot' | 'built' | null = null;

  const bump = () => revision.set(revision.get() + 1);
  const setProgress = (p: IndexProgress) => {
    const now = progress.get();
    if (now.indexed !== p.indexed || now.total !== p.total) progress.set(p);
  };
  /** The engine answers from what it has so far. */
  const answering = (current: SearchEngine, p: IndexProgress) => {
    if (disposed) return;
    engine = current;
    setProgress(p);
    if (status.get() !== 'ready') status.set(p.indexed < p.total ? 'partial' : 'ready');
    bump();
  };
  // A piece that could not be written leaves the saved index behind: the next start
  // rebuilds it rather than answer from stale pieces.
  const markIncomplete = () => db.meta.put(header(false, setup)).catch(() => {});

  const build = async (onSlice?: (e: SearchEngine, p: IndexProgress) => void) => {
    const built = await buildFromDb(db, onSlice, setup);
    if (!disposed) await saveAllPieces(db, built.engine, built.pieces, setup).catch(markIncomplete);
    return built.engine;
  };

  const apply = async (changes: ChangedKeys) => {
    const current = engine;
    if (!current || changes.size === 0) return;
    let next = current;
    let rebuild = false;
    if (changes.has(LOCAL_TERMS_TABLE)) {
      // Words join concepts for every offer at once: the whole index is built again.
      const now = await currentSetup();
      rebuild = now.config !== setup.config;
      setup = now;
    }
    if (rebuild || [...changes.values()].some((k) => k === 'all')) {
      next = await build();
      engine = next;
    } else {
      const ids = await affectedServices(db, current, changes);
      if (ids.size === 0) return;
      const { built, gone } = await readSources(db, [...ids]);
      for (const id of gone) current.remove(id);
      const pieces = built.map(({ doc, meta }) => current.upsert(doc, meta));
      if (!disposed) await savePieces(db, current, pieces, gone).catch(markIncomplete);
    }
    setProgress({ indexed: next.size, total: next.size });
    bump();
  };

  const drain = () => {
    running = running.then(async () => {
      // Changes wait while the engine is still filling up; the load covers them after.
      if (disposed || !complete) return;
      const next = queued;
      queued = new Map();
      await apply(next).catch(() => {});
    });
    return running;
  };

  const unsubscribe = subscribeChanges(db.name, (changes) => {
    if (!started) {
      // Before the first load: only what happened until now; a full build covers it.
      backlog = mergeChanges(backlog ?? new Map(), changes);
      return;
    }
    mergeChanges(queued, changes);
    void drain();
  });

  const ready = (async () => {
    started = true;
    setup = await currentSetup();
    const stop = () => disposed;
    let loaded = await loadPieces(db, answering, { pageSize: options.pageSize, stop, setup }).catch(
      () => null,
    );
    if (disposed) throw new Error('search service disposed');
    if (loaded) {
      origin = 'snapshot';
      // Catch up on what the saved pieces missed; results are already there.
      const since = await changesSinceSnapshot(db, loaded);
      mergeChanges(queued, since);
      if (backlog) mergeChanges(queued, backlog);
    } else {
      loaded = await build(answering);
      origin = 'built';
    }
    engine = loaded;
    complete = true;
    setProgress({ indexed: loaded.size, total: loaded.size });
    status.set('ready');
    bump();
    backlog = null;
    void drain();
    return loaded;
  })();
  ready.catch(() => {
    if (!disposed) status.set('error');
  });

  return {
    engine: () => engine,
    status,
    progress,
    revision,
    ready,
    async settled() {
      await ready;
      let seen: Promise<void> | null = null;
      while (seen !== running) {
        seen = running;
        await running;
      }
    },
    async flush() {
      await this.settled();
    },
    origin: () => origin,
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}

const services = new WeakMap<WegweiserDB, SearchIndex>();

/** The search of a database, created on first use. */
export function getSearchIndex(db: WegweiserDB): SearchIndex {
  let svc = services.get(db);
  if (!svc) {
    svc = createSearchIndex(db);
    services.set(db, svc);
  }
  return svc;
}
