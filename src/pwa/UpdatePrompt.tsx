import { useEffect, useState } from 'preact/hooks';
import { useAppDeps } from '../app/deps';
import { useLiveQuery } from '../db/useLiveQuery';
import { t } from '../i18n';
import { summarize } from '../sync/outbox';
import { readOutbox } from '../sync/outboxRead';
import { applyUpdate, getUpdateState, subscribeUpdate } from './lifecycle';
import './UpdatePrompt.css';

/** The snackbar "Neue Version verfügbar – Neu laden"; the new worker waits for this click. */
export function UpdatePrompt() {
  const [waiting, setWaiting] = useState(getUpdateState().waiting);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => subscribeUpdate((s) => setWaiting(s.waiting)), []);
  const { db, sync } = useAppDeps();
  const pending = summarize(useLiveQuery(() => readOutbox(db), [db], [])).pending;
  if (!waiting || dismissed) return null;
  // Unsent edits survive the reload (IndexedDB), but sending them first costs little.
  const flush = async () => {
    if (!sync || pending === 0) return;
    await Promise.race([sync.syncNow(), new Promise((r) => setTimeout(r, 5000))]);
  };
  return (
    <div class="update-prompt" role="status" aria-live="polite">
      <span>
        {t('pwa.updateAvailable')}
        {pending > 0 && ` ${t('outbox.flushBeforeUpdate', { n: pending })}`}
      </span>
      <button type="button" class="update-prompt__reload" onClick={() => void applyUpdate(flush)}>
        {t('pwa.reload')}
      </button>
      <button type="button" class="update-prompt__later" onClick={() => setDismissed(true)}>
        {t('pwa.later')}
      </button>
    </div>
  );
}
