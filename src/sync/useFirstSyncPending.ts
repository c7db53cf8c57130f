import { useAppDeps } from '../app/deps';
import { createStore } from '../db/store';
import { useStore } from '../db/useStore';
import type { SyncState } from './controller';

const idleSync = createStore<SyncState>({ status: 'idle', lastSyncAt: null, error: null });

/**
 * True while this device's very first sync is running. A resident who scans a QR code
 * (slip or door notice) opens a deep link before any data is here; "not found" would be
 * wrong until that sync is done.
 */
export function useFirstSyncPending(): boolean {
  const { sync } = useAppDeps();
  const state = useStore(sync ?? idleSync);
  return state.lastSyncAt === null && state.status === 'syncing';
}
