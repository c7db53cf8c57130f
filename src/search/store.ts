import { type ChangedKeys, mergeChanges, subscribeChanges } from '../db/changeFeed';
import { isAlive, isListed } from '../db/derive';
import type { WegweiserDB } from '../db/schema';
import { createStore, type ReadableStore } from '../db/store';
import de from '../i18n/de.json';
import type { Contact, Location, Organization } from '../model';
import { buildDoc, type DocMeta, SEARCH_FIELDS, type SearchDoc } from './documents';
import { type EngineSnapshot, SearchEngine } from './engine';
import synonyms from './synonyms.de.json';

/**
 * Keeps a SearchEngine in step with IndexedDB:
 * - cold start: loads the index saved in the `meta` table (no re-indexing), then catches up
 *   on what changed since it was saved;
 * - first start: builds it in slices, so the page stays responsive;
 * - afterwards: updates only the offers a committed change touches (change feed), and saves
 *   the index again when things calm down.
 */

export const SNAPSHOT_KEY = 'search.index';
/** Bump when tokenizing or documents change; a saved index of another format is rebuilt. */
const FORMAT = 2;
const SAVE_DELAY_MS = 1500;
const SLICE = 100;

export type SearchStatus = 'loading' | 'ready' | 'error';

interface SavedIndex {
  format: number;
  /** Hash of what else the indexed text depends on (fields, taxonomy labels). */
  config: string;
  json: string;
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const CONFIG = hash(JSON.stringify([SEARCH_FIELDS, de.taxonomy, synonyms.groups]));

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads what the given offers' documents are built from, in one transaction. */
async function readSources(
  db: WegweiserDB,
  ids: string[] | 'all',
): Promise<{ built: { doc: SearchDoc; meta: DocMeta }[]; gone: string[] }> {
  const data = await db.transaction(
    'r',
    [db.services, db.organizations, db.locations, db.contacts],
    async () => {
      const services =
        ids === 'all'
          ? await db.services.where('listed').equals(1).toArray()
          : await db.services.bulkGet(ids);
      const rows = services.filter(isAlive);
      const orgIds = [...new Set(rows.map((s) => s.organization_id))];
      const locIds = [...new Set(rows.flatMap((s) => s.location_ids))];
      const [orgs, locs, contacts] = await Promise.all([
        ids === 'all' ? db.organizations.toArray() : db.organizations.bulkGet(orgIds),
        ids === 'all' ? db.locations.toArray() : db.locations.bulkGet(locIds),
        ids === 'all'
          ? db.contacts.toArray()
          : db.contacts
              .where('service_id')
              .anyOf(rows.map((s) => s.id))
              .toArray(),
      ]);
      return { services, orgs, locs, contacts };
    },
  );
  const orgById = new Map<string, Organization>();
  for (const o of data.orgs) if (isAlive(o)) orgById.set(o.id, o);
  const locById = new Map<string, Location>();
  for (const l of data.locs) if (isAlive(l)) locById.set(l.id, l);
  const contactsBy = new Map<string, Contact[]>();
  for (const c of data.contacts) {
    if (!isAlive(c) || !c.service_id) continue;
    const list = contactsBy.get(c.service_id);
    if (list) list.push(c);
    else contactsBy.set(c.service_id, [c]);
  }
  const built: { doc: SearchDoc; meta: DocMeta }[] = [];
  const gone: string[] = [];
  data.services.forEach((s, i) => {
    if (!isAlive(s) || !isListed(s)) {
      if (ids !== 'all') gone.push(ids[i] as string);
      return;
    }
    built.push(
      buildDoc({
        service: s,
        organization: orgById.get(s.organization_id) ?? null,
        locations: s.location_ids.flatMap((id) => locById.get(id) ?? []),
        contacts: (contactsBy.get(s.id) ?? []).sort((a, b) => (a.name < b.name ? -1 : 1)),
      }),
    );
  });
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

export async function loadSnapshot(db: WegweiserDB): Promise<SearchEngine | null> {
  const saved = (await db.meta.get(SNAPSHOT_KEY))?.value as SavedIndex | undefined;
  if (!saved || saved.format !== FORMAT || saved.config !== CONFIG) return null;
  try {
    return await SearchEngine.fromSnapshot(JSON.parse(saved.json) as EngineSnapshot);
  } catch {
    return null;
  }
}

export async function saveSnapshot(db: WegweiserDB, engine: SearchEngine): Promise<void> {
  const value: SavedIndex = {
    format: FORMAT,
    config: CONFIG,
    json: JSON.stringify(engine.toSnapshot()),
  };
  await db.meta.put({ key: SNAPSHOT_KEY, value });
}

/** Builds the whole index from IndexedDB, yielding between slices. */
export async function buildFromDb(db: WegweiserDB): Promise<SearchEngine> {
  const engine = SearchEngine.create();
  const { built } = await readSources(db, 'all');
  for (let i = 0; i < built.length; i += SLICE) {
    for (const { doc, meta } of built.slice(i, i + SLICE)) engine.upsert(doc, meta);
    if (i + SLICE < built.length) await pause();
  }
  return engine;
}

export interface SearchService {
  /** The engine; null until loaded. */
  engine(): SearchEngine | null;
  status: ReadableStore<SearchStatus>;
  /** Counts every change of the index, so views can recompute. */
  revision: ReadableStore<number>;
  /** Resolves once the engine answers (loaded or built). */
  ready: Promise<SearchEngine>;
  /** Resolves when every change seen so far is in the index (tests). */
  settled(): Promise<void>;
  /** Saves the index now if a save is due (the app going to the background; tests). */
  flush(): Promise<void>;
  /** Where the index came from on this start: saved, or built from the records. */
  origin(): 'snapshot' | 'built' | null;
  dispose(): void;
}

export function createSearchService(db: WegweiserDB): SearchService {
  const status = createStore<SearchStatus>('loading');
  const revision = createStore(0);
  let engine: SearchEngine | null = null;
  let queued: ChangedKeys = new Map();
  let running: Promise<void> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  let backlog: ChangedKeys | null = null;
  let started = false;
  let origin: 'snapshot' | 'built' | null = null;

  const saveNow = async () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (engine && !disposed) await saveSnapshot(db, engine).catch(() => {});
  };
  const scheduleSave = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };
  // A phone may kill a backgrounded app: save what is pending when it leaves the screen.
  const onHidden = () => {
    if (document.visibilityState === 'hidden' && saveTimer) void saveNow();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHidden);

  const apply = async (changes: ChangedKeys) => {
    const current = engine;
    if (!current || changes.size === 0) return;
    if ([...changes.values()].some((k) => k === 'all')) {
      engine = await buildFromDb(db);
    } else {
      const ids = await affectedServices(db, current, changes);
      if (ids.size === 0) return;
      const { built, gone } = await readSources(db, [...ids]);
      for (const id of gone) current.remove(id);
      for (const { doc, meta } of built) current.upsert(doc, meta);
    }
    revision.set(revision.get() + 1);
    scheduleSave();
  };

  const drain = () => {
    running = running.then(async () => {
      if (disposed || !engine) return;
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
    let loaded = await loadSnapshot(db).catch(() => null);
    if (loaded) {
      origin = 'snapshot';
      engine = loaded;
      status.set('ready');
      revision.set(revision.get() + 1);
      // Catch up in the background; results are already there.
      const since = await changesSinceSnapshot(db, loaded);
      mergeChanges(queued, since);
      if (backlog) mergeChanges(queued, backlog);
    } else {
      loaded = await buildFromDb(db);
      origin = 'built';
      engine = loaded;
      status.set('ready');
      revision.set(revision.get() + 1);
      scheduleSave();
    }
    backlog = null;
    void drain();
    return loaded;
  })();
  ready.catch(() => status.set('error'));

  return {
    engine: () => engine,
    status,
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
      if (saveTimer) await saveNow();
    },
    origin: () => origin,
    dispose() {
      disposed = true;
      unsubscribe();
      if (saveTimer) clearTimeout(saveTimer);
      if (typeof document !== 'undefined')
        document.removeEventListener('visibilitychange', onHidden);
    },
  };
}

const services = new WeakMap<WegweiserDB, SearchService>();

/** The search of a database, created on first use. */
export function getSearchService(db: WegweiserDB): SearchService {
  let svc = services.get(db);
  if (!svc) {
    svc = createSearchService(db);
    services.set(db, svc);
  }
  return svc;
}
