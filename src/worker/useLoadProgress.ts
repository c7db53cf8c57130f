import { useMemo } from 'preact/hooks';
import { useAppDeps } from '../app/deps';
import { formatNumber } from '../components/format';
import { createStore } from '../db/store';
import { useStore } from '../db/useStore';
import { t } from '../i18n';
import { LOAD_IDLE, type LoadState } from './api';
import { existingDataClient } from './client';

/** A first load in progress: records stored so far, and of how many (when the server says). */
export interface LoadProgress {
  applied: number;
  total: number | null;
}

const IDLE = createStore<LoadState>(LOAD_IDLE);

export function loadProgressOf(state: LoadState): LoadProgress | null {
  if (!state.active) return null;
  return {
    applied: state.applied,
    total: state.remaining === undefined ? null : state.applied + state.remaining,
  };
}

/** "Daten werden geladen (x von y)"; without a total, only x. */
export function loadProgressText(p: LoadProgress): string {
  const x = formatNumber(p.applied);
  return p.total === null
    ? t('results.loadingData', { x })
    : t('results.loadingDataOf', { x, y: formatNumber(p.total) });
}

/**
 * The progress of the pull that fills an empty device (first visit, or after the browser
 * deleted the data); null when none runs in this tab.
 */
export function useLoadProgress(): LoadProgress | null {
  const { db } = useAppDeps();
  // Watching starts no worker: the sync (src/sync/start.ts) does, if this tab syncs at all.
  const client = useMemo(() => existingDataClient(db), [db]);
  return loadProgressOf(useStore(client?.load ?? IDLE));
}
