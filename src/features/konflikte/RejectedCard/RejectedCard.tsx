import { useId, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { ConfirmDialog } from '../../../components/ConfirmDialog/ConfirmDialog';
import type { OutboxEntry } from '../../../db/schema';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { fieldErrorText } from '../../../i18n/fieldError';
import type { TableName } from '../../../model';
import { readPayload } from '../../../sync/outbox';
import { discardEntry } from '../../../sync/outboxDb';
import { fieldLabel, recordTitle } from '../labels';

const EDITOR_PATH: Partial<Record<TableName, string>> = {
  services: 'angebote',
  organizations: 'traeger',
  locations: 'orte',
  schedules: 'sprechstunden',
  contacts: 'kontakte',
};

/** An edit the server refused: its reasons, "Korrigieren" (the editor) or "Verwerfen". */
export function RejectedCard({ entry }: { entry: OutboxEntry }) {
  const { db } = useAppDeps();
  const payload = readPayload(entry);
  const row = useLiveQuery(
    () => db.table<Record<string, unknown>, string>(entry.table).get(entry.recordId),
    [db, entry.table, entry.recordId],
  );
  const [confirm, setConfirm] = useState(false);
  const headingId = useId();
  const path = EDITOR_PATH[entry.table];
  return (
    <article class="card conflict-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`conflicts.table.${entry.table}`)}: {recordTitle(row, entry.recordId)}
      </h3>
      <ul class="conflict-card__errors">
        {(payload.errors ?? []).map((e) => (
          <li key={`${e.field}:${e.code}`}>
            {e.field ? `${fieldLabel(e.field.split('.')[0] ?? e.field)}: ` : ''}
            {fieldErrorText(e)}
          </li>
        ))}
      </ul>
      <p class="editor-actions">
        {path && entry.op === 'upsert' && (
          <a class="btn" href={`/bearbeiten/${path}/${entry.recordId}`}>
            {t('conflicts.correct')}
          </a>
        )}
        <button type="button" class="btn btn--secondary" onClick={() => setConfirm(true)}>
          {t('conflicts.discard')}
        </button>
      </p>
      {confirm && (
        <ConfirmDialog
          title={t('conflicts.discardTitle')}
          confirmLabel={t('conflicts.discardConfirm')}
          cancelLabel={t('account.cancel')}
          danger
          onCancel={() => setConfirm(false)}
          onConfirm={() => {
            setConfirm(false);
            void discardEntry(db, entry.seq as number);
          }}
        >
          <p>{t('conflicts.discardText')}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
