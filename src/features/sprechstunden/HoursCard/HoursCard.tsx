import { berlinClock } from '../../../components/berlinTime';
import { contentAttrs, MachineMark, shown } from '../../../components/Content/Content';
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
  const name = shown(service, 'name');
  const place = location ? shown(location, 'name') : null;
  const notes = shown(schedule, 'notes');
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
        <a href={offerHoursHref(service.id)} {...contentAttrs(name)}>
          {name.text}
        </a>
      </p>
      {location && place && (
        <p class="hours-card__place">
          <a href={placeHoursHref(location.id)} {...contentAttrs(place)}>
            {place.text}
          </a>
          , {location.quartier}
        </p>
      )}
      {notes.text && (
        <p class="hours-card__notes muted" {...contentAttrs(notes)}>
          {notes.text}
        </p>
      )}
      <MachineMark texts={[name, notes, ...(place ? [place] : [])]} />
    </li>
  );
}
