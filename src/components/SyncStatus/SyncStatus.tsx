import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppDeps } from '../../app/deps';
import { t } from '../../i18n';
import { useSyncState } from '../../sync';
import { loadProgressText, useLoadProgress } from '../../worker/useLoadProgress';
import { Icon, type IconName } from '../Icon/Icon';
import { syncLine } from './syncText';
import './SyncStatus.css';

const TICK_MS = 30_000;

const ICONS: Record<string, IconName> = {
  ok: 'sync',
  busy: 'sync',
  offline: 'offline',
  error: 'warning',
};

/** Re-renders every `everyMs`, so "vor 3 Min." moves on. */
function useTick(everyMs: number): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
}

/**
 * Always says where the data stands: "Offline", "Aktualisiert vor 3 Min.",
 * "Wird aktualisiert …" or an error with a retry. Polite live region, but the minute
 * ticks of "vor 3 Min." are not announced — only real changes of state are.
 */
export function SyncStatus() {
  const { sync, now } = useAppDeps();
  const state = useSyncState(sync);
  useTick(TICK_MS);
  const progress = useLoadProgress();
  const line = syncLine(state, now());
  // The first load says how far it is; the key stays, so each new count is not announced.
  const text = line.key === 'firstLoad' && progress ? loadProgressText(progress) : line.text;
  const lastKey = useRef(line.key);
  const announce = lastKey.current !== line.key;
  useEffect(() => {
    lastKey.current = line.key;
  });

  return (
    <div class={`sync-status sync-status--${line.tone}`}>
      <Icon name={ICONS[line.tone] ?? 'sync'} size={18} />
      <p
        class="sync-status__text"
        role="status"
        aria-live={announce ? 'polite' : 'off'}
        aria-atomic="true"
      >
        {text}
      </p>
      {line.retry && sync && (
        <button type="button" class="sync-status__retry" onClick={() => void sync.syncNow()}>
          {t('sync.retry')}
        </button>
      )}
    </div>
  );
}
