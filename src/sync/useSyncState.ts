import { createStore } from '../db/store';
import { useStore } from '../db/useStore';
import type { SyncController, SyncState } from './controller';
import { getSyncController } from './start';

const notStarted = createStore<SyncState>({ status: 'idle', lastSyncAt: null, error: null });

/** The sync state for status lines; follows the app's controller unless one is given. */
export function useSyncState(controller?: SyncController | null): SyncState {
  return useStore(controller ?? getSyncController() ?? notStarted);
}
