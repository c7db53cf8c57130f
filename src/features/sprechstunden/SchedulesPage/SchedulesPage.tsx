import { useMemo, useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { navigate } from '../../../app/router';
import { EmptyState } from '../../../components/EmptyState/EmptyState';
import { formatNumber } from '../../../components/format';
import { PageHeading } from '../../../components/PageHeading/PageHeading';
import { dataState, firstSyncDone } from '../../../db/dataState';
import { knownQuartiere } from '../../../db/offers';
import { useLiveQuery, useLiveQueryState } from '../../../db/useLiveQuery';
import { t } from '../../../i18n';
import { useSyncState } from '../../../sync';
import { HoursCard } from '../HoursCard/HoursCard';
import { parseSchedulesParams, type SchedulesParams, schedulesHref } from '../links';
import { listSchedulesWithService } from '../queries';
import { useNow } from '../useNow';
import { buildHoursView, type HoursItem } from '../view';
import { longDayLabel } from '../when';
import './SchedulesPage.css';

const STEP = 40;

function HoursSection({
  id,
  title,
  items,
  now,
}: {
  id: string;
  title: string;
  items: HoursItem[];
  now: Date;
}) {
  const [limit, setLimit] = useState(STEP);
  const shown = items.slice(0, limit);
  return (
    <section class="schedules-page__section" aria-labelledby={id}>
      <h2 id={id} class="schedules-page__day">
        {title} <span class="schedules-page__count">({formatNumber(items.length)})</span>
      </h2>
      <ul class="schedules-page__list">
        {shown.map((item) => (
          <HoursCard
            key={`${item.entry.schedule.id}-${item.start.getTime()}`}
            item={item}
            now={now}
          />
        ))}
      </ul>
      {items.length > limit && (
        <button type="button" class="btn btn--secondary" onClick={() => setLimit((l) => l + 200)}>
          {t('list.more')}{' '}
          <span class="visually-hidden">
            ({title},{' '}
            {t('list.shown', {
              shown: formatNumber(shown.length),
              total: formatNumber(items.length),
            })}
            )
          </span>
        </button>
      )}
    </section>
  );
}

function Controls({ params, quartiere }: { params: SchedulesParams; quartiere: string[] }) {
  const views = [
    { view: 'heute', label: t('schedules.viewToday') },
    { view: 'woche', label: t('schedules.viewWeek') },
  ] as const;
  return (
    <div class="schedules-page__controls">
      <nav aria-label={t('schedules.viewLabel')}>
        <ul class="schedules-page__views">
          {views.map((v) => (
            <li key={v.view}>
              <a
                class="schedules-page__view"
                href={schedulesHref({ ...params, view: v.view })}
                aria-current={params.view === v.view ? 'page' : undefined}
              >
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <label class="schedules-page__quartier">
        <span>{t('schedules.quartierLabel')}</span>
        <select
          value={params.quartier ?? ''}
          onChange={(e) =>
            navigate(
              schedulesHref({
                ...params,
                quartier: (e.currentTarget as HTMLSelectElement).value || null,
              }),
              { replace: true, keepFocus: true },
            )
          }
        >
          <option value="">{t('schedules.allQuartiere')}</option>
          {quartiere.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** No hours on the device: still loading, waiting for a connection, or truly none. */
function NoSchedules({ state }: { state: ReturnType<typeof dataState> }) {
  if (state === 'loading') {
    return (
      <p class="muted" role="status">
        {t('schedules.loading')}
      </p>
    );
  }
  return (
    <EmptyState>
      <p>{state === 'waiting' ? t('start.noData') : t('schedules.empty')}</p>
    </EmptyState>
  );
}

/**
 * Sprechstunden for residents: what is open now and what comes later today, or the next
 * seven days by day; per Quartier. Large text, times first, links to each offer's and each
 * place's own page (the targets of QR codes on door notices).
 */
export function SchedulesPage({ search = '' }: { search?: string }) {
  const { db, sync } = useAppDeps();
  const params = useMemo(() => parseSchedulesParams(search), [search]);
  const now = useNow();
  const complete = useLiveQuery(() => firstSyncDone(db), [db]);
  const syncStatus = useSyncState(sync).status;
  const result = useLiveQueryState(
    () => listSchedulesWithService(db, params.quartier ? { quartier: params.quartier } : {}),
    [db, params.quartier],
  );
  const quartiere = useLiveQuery(() => knownQuartiere(db), [db], [] as string[]);
  const view = useMemo(
    () => (result.value ? buildHoursView(result.value, now, params.view) : null),
    [result.value, now, params.view],
  );

  if (!view) {
    return (
      <p class="muted" role={result.error ? 'alert' : 'status'}>
        {result.error ? t('schedules.error') : t('schedules.loading')}
      </p>
    );
  }

  const noData = (result.value?.length ?? 0) === 0 && !params.quartier;
  const nothing = view.open.length === 0 && view.days.length === 0;
  return (
    <div class="page schedules-page">
      <div>
        <PageHeading title={t('schedules.title')} />
        <p class="schedules-page__intro">{t('schedules.intro')}</p>
      </div>
      <Controls params={params} quartiere={quartiere} />
      {noData ? (
        <NoSchedules state={dataState(0, complete, syncStatus)} />
      ) : (
        <>
          {view.open.length > 0 && (
            <HoursSection
              id="sp-open"
              title={t('schedules.openSection')}
              items={view.open}
              now={now}
            />
          )}
          {view.days.map((day) => (
            <HoursSection
              key={day.key}
              id={`sp-${day.key}`}
              title={
                params.view === 'heute'
                  ? t('schedules.laterToday')
                  : longDayLabel(day.items[0]?.start ?? now, now)
              }
              items={day.items}
              now={now}
            />
          ))}
          {nothing && (
            <EmptyState>
              <p>{params.view === 'heute' ? t('schedules.noneToday') : t('schedules.noneWeek')}</p>
              {params.view === 'heute' && (
                <p>
                  <a href={schedulesHref({ ...params, view: 'woche' })}>
                    {t('schedules.showWeek')}
                  </a>
                </p>
              )}
            </EmptyState>
          )}
        </>
      )}
    </div>
  );
}
