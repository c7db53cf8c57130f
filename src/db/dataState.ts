import type { SyncState } from '../sync/controller';
import { getDb } from './db';
import { META_KEYS, type WegweiserDB } from './schema';

/**
 * True once a pull has run to its end on this device: `lastSyncAt` is written only then,
 * and goes only with the database itself. Before that, an empty table means "not here
 * yet", not "there are none".
 */
export async function firstSyncDone(db: WegweiserDB = getDb()): Promise<boolean> {
  return (await db.meta.get(META_KEYS.lastSyncAt)) !== undefined;
}

/**
 * What a screen shows for data it reads from IndexedDB:
 * - `loading` while it is not read yet, or nothing is here and the first sync still runs;
 * - `waiting` when nothing is here and no sync can bring it now (offline, failed);
 * - `empty` only when the data is complete and truly has nothing;
 * - `data` as soon as there is something to show.
 */
export type DataState = 'loading' | 'waiting' | 'empty' | 'data';

export function dataState(
  count: number | undefined,
  complete: boolean | undefined,
  sync: SyncState['status'] = 'syncing',
): DataState {
  if (count === undefined || complete === undefined) return 'loading';
  if (count > 0) return 'data';
  if (complete) return 'empty';
  return sync === 'offline' || sync === 'error' ? 'waiting' : 'loading';
}
