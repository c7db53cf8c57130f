import { useEffect, useState } from 'preact/hooks';
import { useAppDeps } from '../../app/deps';
import { t } from '../../i18n';
import { useSyncState } from '../../sync';
import './SentNotice.css';

/** Long enough to read, short enough not to linger as stale news. */
export const SENT_NOTICE_MS = 5000;

/**
 * "3 Änderungen übertragen" for a few seconds after a sync delivered edits. The live region
 * is always in the page (empty when there is nothing to say), so screen readers announce
 * each new message politely.
 */
export function SentNotice() {
  const { sync } = useAppDeps();
  const delivered = useSyncState(sync).delivered;
  const [shown, setShown] = useState<typeof delivered>(undefined);
  useEffect(() => {
    if (!delivered) return;
    setShown(delivered);
    const id = setTimeout(() => setShown(undefined), SENT_NOTICE_MS);
    return () => clearTimeout(id);
  }, [delivered]);
  const n = shown?.count ?? 0;
  return (
    <p class="sent-notice" role="status" aria-live="polite" aria-atomic="true">
      {n === 0 ? '' : t('delivery.sent', { n })}
    </p>
  );
}
