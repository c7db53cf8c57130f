import { type DbStatus, dbStatus } from './db';
import { useStore } from './useStore';

/** The app database's state, for a banner ("andere Tabs schließen", "neu laden"). */
export function useDbStatus(): DbStatus {
  return useStore(dbStatus);
}
