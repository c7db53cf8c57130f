import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { t } from '../../../i18n';
import { useFirstSyncPending } from '../../../sync/useFirstSyncPending';

/** What a deep-linked hours page shows before its data is there, or if reading failed. */
export function HoursPending({ failed }: { failed: boolean }) {
  return (
    <p class="muted" role={failed ? 'alert' : 'status'}>
      {failed ? t('schedules.error') : t('schedules.loading')}
    </p>
  );
}

/**
 * A QR code on a door may outlive its offer or place: say so plainly and lead to all
 * hours instead of showing an empty page. Not while the first sync is still bringing the data.
 */
export function HoursNotFound({ title, text }: { title: string; text: string }) {
  if (useFirstSyncPending()) return <HoursPending failed={false} />;
  return (
    <div class="page">
      <PageHeading title={title} />
      <EmptyState>
        <p>{text}</p>
        <p>
          <a href="/sprechstunden">{t('schedules.allHours')}</a>
        </p>
      </EmptyState>
    </div>
  );
}
