import { useMemo } from 'preact/hooks';
import { useServices } from '../../../app/services';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { listSchedulesWithService } from '../../../db/queries';
import { useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { groupByWeekday } from '../group';
import { WeekdayGroup } from '../WeekdayGroup/WeekdayGroup';
import './SchedulesPage.css';

/** Sprechstunden, Foundation version: every hour under its weekday(s). */
export function SchedulesPage() {
  const { db } = useServices();
  const result = useLiveQueryState(() => listSchedulesWithService({}, db), [db]);
  const groups = useMemo(() => (result.value ? groupByWeekday(result.value) : []), [result.value]);

  if (result.value === undefined) {
    return (
      <p class="muted" role={result.error ? 'alert' : 'status'}>
        {result.error ? t('schedules.error') : t('schedules.loading')}
      </p>
    );
  }

  return (
    <div class="page schedules-page">
      <div>
        <PageHeading title={t('schedules.title')} />
        <p class="muted schedules-page__intro">{t('schedules.intro')}</p>
      </div>
      {groups.length === 0 ? (
        <EmptyState>
          <p>{t('schedules.empty')}</p>
        </EmptyState>
      ) : (
        groups.map((g) => <WeekdayGroup key={g.day} group={g} />)
      )}
    </div>
  );
}
