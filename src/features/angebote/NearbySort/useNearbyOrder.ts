import type { WegweiserDB } from '../../../db/schema';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { useStore } from '../../../db/useStore';
import { type NearbyOrder, nearbyOrder } from '../nearbyQuery';
import type { ListParams } from '../params';
import { devicePosition } from './position';

/** The result ids, nearest first under `?sortierung=naehe`; as they came otherwise. */
export function useNearbyOrder(
  db: WegweiserDB,
  params: ListParams,
  ids: string[],
): { ids: string[]; order: NearbyOrder | null } {
  const position = useStore(devicePosition);
  const active = params.sortierung === 'naehe';
  const state = useLiveQueryState(
    () => (active ? nearbyOrder(db, ids, params.von, position) : null),
    [db, active, ids, params.von, position],
  );
  const order = active ? (state.value ?? null) : null;
  // While the order of new ids is worked out, the last one stays (no jump while typing).
  const sorted = order?.status === 'sorted' ? order.ids : ids;
  return { ids: sorted, order };
}
