import type { OutboxEntry } from '../../../db/schema';
import { t } from '../../../i18n';
import { readPayload } from '../../../sync/outbox';
import './RecordStatus.css';

/**
 * Where a record's local edits stand: waiting to be sent, in conflict or rejected by the
 * server (with the way out). Nothing when all is sent.
 */
export function RecordStatus({ entries }: { entries: readonly OutboxEntry[] }) {
  const states = new Set(entries.map((e) => readPayload(e).state));
  if (states.size === 0) return null;
  if (states.has('conflict')) {
    return (
      <p class="record-status record-status--warn" role="note">
        {t('editor.status.conflict')} <a href="/konflikte">{t('editor.status.toConflicts')}</a>
      </p>
    );
  }
  if (states.has('rejected')) {
    return (
      <p class="record-status record-status--error" role="note">
        {t('editor.status.rejected')}
      </p>
    );
  }
  return (
    <p class="record-status" role="note">
      {t('editor.status.pending')}
    </p>
  );
}
