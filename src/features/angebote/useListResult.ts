import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WegweiserDB } from '../../db/schema';
import { useLiveQueryState } from '../../db/useLiveQuery';
import { useStore } from '../../db/useStore';
import type { MatchReason } from '../../search/explain';
import type { FilterSet } from '../../search/filters';
import { queryWords } from '../../search/tokenize';
import type { SearchAnswer } from '../../worker/api';
import { type DataClient, getDataClient } from '../../worker/client';
import { type LoadProgress, loadProgressOf } from '../../worker/useLoadProgress';
import { filteredIdsFromDb } from './listQuery';

export interface ListResult {
  /** 'preparing': a query waits for the search index (first start only). */
  state: 'loading' | 'preparing' | 'ready';
  /** Every match, best first (or alphabetical without a query). */
  ids: string[];
  /** Folded strings worth highlighting (query words, synonyms); null without a query. */
  needles: string[] | null;
  /** Index terms the matches matched, for highlighting any row. */
  terms: string[];
  /** The concepts the query named, for each row's "passt zu" line. */
  reasons: MatchReason[];
  /** The device is being filled (first visit): an empty result is no answer yet. */
  loading: LoadProgress | null;
}

export function useDataClient(db: WegweiserDB): DataClient {
  return useMemo(() => getDataClient(db), [db]);
}

/**
 * The search index's answer for `query` and `filters`, asked again whenever the index
 * changes. Until the next answer arrives the previous one stays (no flicker while typing).
 */
export function useSearchAnswer(
  client: DataClient,
  query: string,
  filters: FilterSet,
): SearchAnswer | null {
  const index = useStore(client.index);
  const filterKey = JSON.stringify(filters);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  useEffect(() => {
    let current = true;
    client.call('search', { query, filters }).then(
      (a) => {
        if (current) setAnswer(a);
      },
      () => {
        // The index failed; its status says so, the list falls back to IndexedDB.
      },
    );
    return () => {
      current = false;
    };
    // filterKey stands for filters; revision and status: the index changed.
  }, [client, query, filterKey, index.revision, index.status]);
  return answer;
}

export function useListResult(db: WegweiserDB, query: string, filters: FilterSet): ListResult {
  const client = useDataClient(db);
  const answer = useSearchAnswer(client, query, filters);
  const loading = loadProgressOf(useStore(client.load));
  const filterKey = JSON.stringify(filters);
  const hasQuery = queryWords(query).length > 0;
  const engineReady = answer?.ready === true;

  const fromEngine = useMemo(
    () =>
      answer?.ready
        ? { ids: answer.ids, needles: answer.needles, terms: answer.terms, reasons: answer.reasons }
        : null,
    [answer],
  );

  // Until the index is there, the plain list comes straight from IndexedDB.
  const fromDb = useLiveQueryState(
    () => (engineReady || hasQuery ? Promise.resolve(null) : filteredIdsFromDb(db, filters)),
    [db, engineReady, hasQuery, filterKey],
  );

  if (fromEngine) return { state: 'ready', ...fromEngine, loading };
  const none = { ids: [], needles: null, terms: [], reasons: [], loading };
  if (hasQuery) return { state: 'preparing', ...none };
  if (fromDb.value) return { state: 'ready', ...none, ids: fromDb.value };
  return { state: 'loading', ...none };
}
