import type { ComponentChildren } from 'preact';
import { berlinWeekdayDate } from '../../../components/berlinTime';
import { contentAttrs, shown } from '../../../components/Content/Content';
import { t } from '../../../i18n';
import type { Location, Schedule } from '../../../model';
import { type Cancellation, upcomingWithCancellations } from '../../../schedule';
import { dayLabel, timeRange } from '../when';
import './NextDates.css';

interface Props<S extends Schedule> {
  schedules: readonly S[];
  now: Date;
  /** How many dates that take place (cancelled ones before them are shown too). */
  count?: number;
  /** Extra line per date, e.g. the place or the offer. */
  labelOf?: (schedule: S) => ComponentChildren;
  /** "heute", "jetzt offen" (screens); false for paper that hangs for weeks. */
  relative?: boolean;
}

/**
 * For an offer held at several places: each date names its place ("Stadtteilzentrum,
 * Heckinghausen"). With one place the page already says where, so no label.
 */
export function placeLabels(
  locations: readonly Pick<Location, 'id' | 'name' | 'quartier' | 'translations'>[],
): ((schedule: Schedule) => ComponentChildren) | undefined {
  if (locations.length <= 1) return undefined;
  const placeOf = new Map(locations.map((l) => [l.id, l]));
  return (s) => {
    const place = placeOf.get(s.location_id ?? '');
    if (!place) return null;
    const name = shown(place, 'name');
    return (
      <>
        <span {...contentAttrs(name)}>{name.text}</span>, {place.quartier}
      </>
    );
  };
}

export function cancelledText(c: Cancellation): string {
  return c.reason === 'holiday'
    ? t('schedule.cancelledHoliday', { holiday: t(`schedule.holiday.${c.holiday}`) })
    : t('schedule.cancelled');
}

/**
 * The next dates, in order; a cancelled date is struck through and says "fällt aus", so a
 * resident does not stand in front of a closed door on 24.12.
 */
export function NextDates<S extends Schedule>({
  schedules,
  now,
  count = 3,
  labelOf,
  relative = true,
}: Props<S>) {
  const dates = upcomingWithCancellations(schedules, now, count);
  if (dates.length === 0) return <p class="muted">{t('schedules.noDates')}</p>;
  return (
    <ol class="next-dates">
      {dates.map((o) => {
        const day = relative ? dayLabel(o.start, now) : berlinWeekdayDate(o.start);
        const when = t('nextDate.dayTime', { day, time: timeRange(o.start, o.end) });
        const running = relative && !o.cancelled && o.start <= now;
        return (
          <li
            key={`${o.schedule.id}-${o.start.getTime()}`}
            class={`next-dates__item${o.cancelled ? ' next-dates__item--cancelled' : ''}`}
          >
            <time class="next-dates__when" dateTime={o.start.toISOString()}>
              {o.cancelled ? <del>{when}</del> : when}
            </time>
            {o.cancelled && <span class="next-dates__note">{cancelledText(o.cancelled)}</span>}
            {running && (
              <span class="next-dates__note next-dates__note--open">{t('schedules.openNow')}</span>
            )}
            {labelOf && <span class="next-dates__label">{labelOf(o.schedule)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
