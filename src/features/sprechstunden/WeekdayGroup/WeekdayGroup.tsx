import { useState } from 'preact/hooks';
import { formatNumber } from '../../../components/format';
import { countText } from '../../../components/plural';
import { t } from '../../../i18n';
import { detailHref } from '../../angebote/params';
import type { WeekdayGroupData } from '../group';
import { describeRhythm, describeTime } from '../summary';
import './WeekdayGroup.css';

const INITIAL = 40;

/** One weekday's consultation hours; long days render in steps to stay fast. */
export function WeekdayGroup({ group }: { group: WeekdayGroupData }) {
  const [limit, setLimit] = useState(INITIAL);
  const title = group.day === 'other' ? t('schedules.other') : t(`weekday.${group.day}`);
  const id = `wd-${group.day}`;
  const shown = group.entries.slice(0, limit);
  return (
    <section class="weekday-group" aria-labelledby={id}>
      <h2 id={id} class="weekday-group__title">
        {title}{' '}
        <span class="weekday-group__count">
          ({countText('schedules.count', group.entries.length)})
        </span>
      </h2>
      <ul class="weekday-group__list">
        {shown.map(({ schedule, service, location }) => {
          const rhythm = describeRhythm(schedule);
          const plainWeekly =
            schedule.freq === 'WEEKLY' && (schedule.interval ?? 1) === 1 && group.day !== 'other';
          return (
            <li key={`${schedule.id}`} class="weekday-group__item">
              <span class="weekday-group__time">{describeTime(schedule)}</span>
              <a class="weekday-group__service" href={detailHref(service.id)}>
                {service.name}
              </a>
              {!plainWeekly && <span class="weekday-group__rhythm">{rhythm}</span>}
              {location && (
                <span class="weekday-group__place muted">
                  {location.name}, {location.quartier}
                </span>
              )}
              {schedule.notes && <span class="weekday-group__notes">{schedule.notes}</span>}
            </li>
          );
        })}
      </ul>
      {group.entries.length > limit && (
        <button
          type="button"
          class="btn btn--secondary weekday-group__more"
          onClick={() => setLimit((l) => l + 200)}
        >
          {t('list.more')}{' '}
          <span class="visually-hidden">
            ({title},{' '}
            {t('list.shown', {
              shown: formatNumber(shown.length),
              total: formatNumber(group.entries.length),
            })}
            )
          </span>
        </button>
      )}
    </section>
  );
}
