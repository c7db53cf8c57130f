import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { applyUpdate, getUpdateState, subscribeUpdate } from './lifecycle';
import './UpdatePrompt.css';

/** The snackbar "Neue Version verfügbar – Neu laden"; the new worker waits for this click. */
export function UpdatePrompt() {
  const [waiting, setWaiting] = useState(getUpdateState().waiting);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => subscribeUpdate((s) => setWaiting(s.waiting)), []);
  if (!waiting || dismissed) return null;
  return (
    <div class="update-prompt" role="status" aria-live="polite">
      <span>{t('pwa.updateAvailable')}</span>
      <button type="button" class="update-prompt__reload" onClick={() => void applyUpdate()}>
        {t('pwa.reload')}
      </button>
      <button type="button" class="update-prompt__later" onClick={() => setDismissed(true)}>
        {t('pwa.later')}
      </button>
    </div>
  );
}
