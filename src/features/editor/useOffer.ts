import { useAppDeps } from '../../app/deps';
import { type LiveQueryState, useLiveQueryState } from '../../db/useLiveQuery';
import type { Service } from '../../model';

/** An offer from this device's database, for forms of its schedules and contacts. */
export function useOffer(id: string | null): LiveQueryState<Service | undefined> {
  const { db } = useAppDeps();
  return useLiveQueryState(async () => (id ? await db.services.get(id) : undefined), [db, id]);
}
