import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DbStatus } from '../db/db';
import type { WegweiserDB } from '../db/schema';
import type { StorageUsage } from '../db/storage';
import type { ReadableStore } from '../db/store';
import type { SyncController } from '../sync';
import type { Account } from '../sync/session';

/**
 * What the screens need from the outside world, handed down once. Tests give a
 * fresh fake-indexeddb database and a hand-driven sync controller; the app gives the
 * real ones (src/app/boot.tsx).
 */
export interface AppDeps {
  db: WegweiserDB;
  dbStatus: ReadableStore<DbStatus>;
  /** null until started (or in tests that do not need it). */
  sync: SyncController | null;
  /** The signed-in account (coordinators, workers); absent in tests that do not need it. */
  account?: Account | null;
  storageEstimate: () => Promise<StorageUsage | null>;
  appVersion: string;
  /** The clock for "vor 3 Min."; injectable so tests are deterministic. */
  now: () => Date;
}

export const AppDepsContext = createContext<AppDeps | null>(null);

export function useAppDeps(): AppDeps {
  const deps = useContext(AppDepsContext);
  if (!deps) throw new Error('useAppDeps() outside <App>');
  return deps;
}
