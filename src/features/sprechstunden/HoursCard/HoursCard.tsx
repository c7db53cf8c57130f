import { berlinClock } from '../../../components/berlinTime';
import { GERMAN_CONTENT } from '../../../components/germanContent';
import { currentLanguage, t } from '../../../i18n';
import { clockTime } from '../../../i18n/clock';
import { offerHoursHref, placeHoursHref } from '../links';
import { cancelledText } from '../NextDates/NextDates';
import type { HoursItem } from '../view';
import { remaining, timeRange } from '../when';
import './HoursCard.css';

/** One consultation hour in the resident view: time first, large; then offer and place. */
export function HoursCard({ item, now }: { item: HoursItem; now: Date }) {
  const { schedule, service, location } = item.entry;
  const running = !item.cancelled && item.start <= now;
  const when = timeRange(item.start, item.end);
  return (
    <li class={`hours-card${item.cancelled ? ' hours-card--cancelled' : ''}`}>
      <p class="hours-card__time">
        {item.cancelled ? <del>{when}</del> : when}
        {running && (
          <span class="hours-card__open">
            {' '}
            <span class="hours-card__pill">{t('schedules.openNow')}</span>{' '}
            {remaining(item.end, now)}
          </span>
        )}
        {!running && !item.cancelled && (
          <span class="visually-hidden">
            {' '}
            {t('schedules.from', { time: clockTime(currentLanguage(), berlinClock(item.start)) })}
          </span>
        )}
      </p>
      {item.cancelled && <p class="hours-card__cancelled">{cancelledText(item.cancelled)}</p>}
      <p class="hours-card__offer">
        <a href={offerHoursHref(service.id)}>{service.name}</a>
      </p>
      {location && (
        <p class="hours-card__place">
          <a href={placeHoursHref(location.id)}>{location.name}</a>, {location.quartier}
        </p>
      )}
      {schedule.notes && (
        <p class="hours-card__notes muted" {...GERMAN_CONTENT}>
          {schedule.notes}
        </p>
      )}
    </li>
  );
}
