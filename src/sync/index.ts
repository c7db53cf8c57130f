export { describeSyncAge, type SyncAge } from './age';
export {
  createSyncController,
  SYNC_LOCK,
  type SyncController,
  type SyncControllerOptions,
  type SyncEnvironment,
  type SyncState,
  type SyncStatus,
} from './controller';
export { SyncError, type SyncErrorCode, type SyncErrorInfo } from './errors';
export type { FetchLike } from './pull';
export { getSyncController, type StartSyncOptions, startSync, stopSync } from './start';
export { useSyncState } from './useSyncState';
