import { useMemo } from 'preact/hooks';
import type { WegweiserDB } from '../../../db/schema';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { matchesOpenFilter, type OpenFilter } from '../../../schedule/filters';
import { schedulesByService } from '../queries';
import { useNow } from '../useNow';

/**
 * Narrows a list of offer ids to those open now / today / this week. Returns the ids as
 * they are when no filter is set; null while the schedules are being read.
 */
export function useOpenFilter(
  db: WegweiserDB,
  filter: OpenFilter | null,
  ids: string[],
): string[] | null {
  const now = useNow(60_000);
  const byService = useLiveQuery(
    () => (filter ? schedulesByService(db) : Promise.resolve(null)),
    [db, filter],
  );
  return useMemo(() => {
    if (!filter) return ids;
    if (!byService) return null;
    return ids.filter((id) => matchesOpenFilter(byService.get(id) ?? [], filter, now));
  }, [filter, ids, byService, now]);
}
