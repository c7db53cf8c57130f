import { META_KEYS, type WegweiserDB } from '../db/schema';
import type { ReadableStore } from '../db/store';
import { getSearchIndex, type SearchIndex } from '../search/store';
import { suggestAlternatives } from '../search/suggest';
import { queryWords } from '../search/tokenize';
import { INITIAL_CURSOR, pullAll } from '../sync/pull';
import type { DataApi, DataEvent, IndexState, IndexStatus, LoadState } from './api';

/** The index's loading progress, where the search service reports one. */
type WithProgress = SearchIndex & {
  progress?: ReadableStore<{ indexed: number; total: number }>;
};

function remainingOf(page: unknown): number | undefined {
  const r = (page as { remaining?: unknown }).remaining;
  return typeof r === 'number' && Number.isFinite(r) && r >= 0 ? r : undefined;
}

/**
 * Owns the pull into IndexedDB and the search index, and answers queries. Runs in the data
 * worker; on the page only where no module worker starts. `emit` carries the index state
 * and the progress of a first load to the page.
 */
export interface DataServiceOptions {
  /** The app's sync will pull into this database now (online); tests leave it out. */
  filling?: boolean;
}

export function createDataCore(
  db: WegweiserDB,
  emit: (event: DataEvent) => void,
  options: DataServiceOptions = {},
): DataApi {
  let search: WithProgress | null = null;
  let load: LoadState = { active: false, applied: 0 };
  const sendLoad = (next: LoadState) => {
    load = next;
    emit({ kind: 'load', state: load });
  };
  // An empty device is being filled from the start, before the first page is even asked
  // for: until then an empty answer means "not here yet", not "none".
  const checked = options.filling
    ? db.meta
        .get(META_KEYS.cursor)
        .then((entry) => {
          if (typeof entry?.value !== 'string' || entry.value === INITIAL_CURSOR)
            sendLoad({ active: true, applied: 0 });
        })
        .catch(() => {})
    : Promise.resolve();

  const searchIndex = (): WithProgress => {
    if (search) return search;
    const svc: WithProgress = getSearchIndex(db);
    search = svc;
    const send = () => {
      const progress = svc.progress?.get();
      const state: IndexState = {
        status: svc.status.get() as IndexStatus,
        revision: svc.revision.get(),
        indexed: progress?.indexed ?? 0,
        total: progress?.total ?? 0,
      };
      emit({ kind: 'index', state });
    };
    svc.status.subscribe(send);
    svc.revision.subscribe(send);
    svc.progress?.subscribe(send);
    send();
    return svc;
  };

  return {
    async pull({ baseUrl, token, limit }, signal) {
      await checked;
      const cursor = (await db.meta.get(META_KEYS.cursor))?.value;
      const fromStart = typeof cursor !== 'string' || cursor === INITIAL_CURSOR;
      if (fromStart) {
        // The index follows the pages as they land, so what is typed meanwhile finds them.
        searchIndex();
        sendLoad({ active: true, applied: 0 });
      }
      try {
        return await pullAll({
          db,
          fetch: (input, init) => globalThis.fetch(input, init),
          baseUrl,
          token,
          limit,
          signal,
          onPage: fromStart
            ? (page) => {
                const remaining = remainingOf(page);
                sendLoad({
                  active: true,
                  applied: load.applied + page.changes.length,
                  ...(remaining === undefined ? {} : { remaining }),
                });
              }
            : undefined,
        });
      } finally {
        if (fromStart) {
          // Done once the index has the last pages too.
          await search?.settled().catch(() => {});
          sendLoad({ ...load, active: false });
        }
      }
    },

    async search({ query, filters }) {
      await checked;
      const engine = searchIndex().engine();
      if (!engine) return { ready: false, ids: [], terms: [], needles: null, reasons: [] };
      const { hits, plan, terms } = engine.search(query, filters);
      return {
        ready: true,
        ids: hits.map((h) => h.id),
        terms,
        needles: queryWords(query).length > 0 ? plan.needles : null,
        reasons: engine.reasons(plan),
      };
    },

    async suggest({ query, filters }) {
      const engine = searchIndex().engine();
      return engine ? suggestAlternatives(engine, query, filters) : [];
    },

    async languages() {
      const engine = searchIndex().engine();
      if (!engine) return null;
      const seen = new Set<string>();
      for (const m of engine.allMeta()) for (const l of m.lang) seen.add(l);
      return [...seen];
    },

    async warm() {
      searchIndex();
    },

    async flush() {
      await search?.flush();
    },
  };
}
