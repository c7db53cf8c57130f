import { GERMAN_CONTENT } from '../../../components/germanContent';
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
        return (
          <li key={s.id} class="hours-list__item">
            <p class="hours-list__when">{describe(s)}</p>
            {place && (
              <p class="hours-list__place">
                <a href={placeHoursHref(place.id)}>{place.name}</a>, {place.quartier}
              </p>
            )}
            {s.notes && (
              <p class="hours-list__notes pre-line" {...GERMAN_CONTENT}>
                {s.notes}
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
