import { contentAttrs, shown } from '../../../components/Content/Content';
import { t } from '../../../i18n';
import type { Location, Schedule } from '../../../model';
import { describe, describeExtras } from '../../../schedule';
import { berlinDate } from '../../../schedule/tz';
import { placeHoursHref } from '../links';
import './HoursList.css';

interface Props {
  schedules: readonly Schedule[];
  /** Cancelled dates before this day are not listed any more. */
  now: Date;
  /** Locations to name a schedule's place by; omit to leave places out. */
  locations?: readonly Location[];
}

/** Each schedule in plain words: "jeden letzten Mittwoch im Monat, 15:00–17:00 Uhr". */
export function HoursList({ schedules, now, locations }: Props) {
  const today = berlinDate(now);
  const placeOf = new Map((locations ?? []).map((l) => [l.id, l]));
  const sorted = [...schedules].sort((a, b) => a.opens_at.localeCompare(b.opens_at));
  return (
    <ul class="hours-list">
      {sorted.map((s) => {
        const place = s.location_id ? placeOf.get(s.location_id) : undefined;
        const extras = describeExtras(s, undefined, today);
        const notes = shown(s, 'notes');
        const placeName = place ? shown(place, 'name') : null;
        return (
          <li key={s.id} class="hours-list__item">
            <p class="hours-list__when">{describe(s)}</p>
            {place && placeName && (
              <p class="hours-list__place">
                <a href={placeHoursHref(place.id)} {...contentAttrs(placeName)}>
                  {placeName.text}
                </a>
                , {place.quartier}
              </p>
            )}
            {notes.text && (
              <p class="hours-list__notes pre-line" {...contentAttrs(notes)}>
                {notes.text}
              </p>
            )}
            {extras.length > 0 && (
              <p class="hours-list__extras muted">
                <span class="visually-hidden">{t('schedules.extras')}: </span>
                {extras.join(' · ')}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
