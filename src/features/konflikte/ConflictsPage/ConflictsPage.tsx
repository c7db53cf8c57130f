// Its messages come with this chunk, before any of its modules renders.
import '../../../i18n/coordination';
import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { useLiveQuery } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { readPayload } from '../../../sync/outbox';
import { readOutbox } from '../../../sync/outboxRead';
import { ConflictCard } from '../ConflictCard/ConflictCard';
import { RejectedCard } from '../RejectedCard/RejectedCard';
import './ConflictsPage.css';

/**
 * /konflikte: edits the server did not take as they were. Conflicts (someone else changed
 * the same field): per field mine, theirs or an edited value. Rejected edits: the server's
 * reasons, with the way to correct or, deliberately, to discard them.
 */
export function ConflictsPage() {
  const { db } = useAppDeps();
  const entries = useLiveQuery(() => readOutbox(db), [db]);
  const [message, setMessage] = useState<string | null>(null);
  if (!entries) {
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const conflicts = entries.filter((e) => readPayload(e).state === 'conflict');
  const rejected = entries.filter((e) => readPayload(e).state === 'rejected');
  return (
    <div class="page conflicts-page">
      <PageHeading title={t('conflicts.title')} />
      <p class="form-shell__message" role="status">
        {message}
      </p>
      {conflicts.length === 0 && rejected.length === 0 && <p>{t('conflicts.none')}</p>}
      {conflicts.length > 0 && (
        <section aria-labelledby="cf-conflicts" class="conflicts-page__section">
          <h2 id="cf-conflicts">{t('conflicts.conflictsHeading')}</h2>
          <p class="muted">{t('conflicts.intro')}</p>
          {conflicts.map((e) => (
            <ConflictCard key={e.seq} entry={e} onResolved={setMessage} />
          ))}
        </section>
      )}
      {rejected.length > 0 && (
        <section aria-labelledby="cf-rejected" class="conflicts-page__section">
          <h2 id="cf-rejected">{t('conflicts.rejectedHeading')}</h2>
          {rejected.map((e) => (
            <RejectedCard key={e.seq} entry={e} />
          ))}
        </section>
      )}
    </div>
  );
}
