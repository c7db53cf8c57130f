import { GERMAN_CONTENT } from '../../../components/germanContent';
import type { Location, Schedule } from '../../../model';
import { describeExtras, describeRhythm, describeTime } from '../../sprechstunden/summary';
import './ScheduleList.css';

interface Props {
  schedules: Schedule[];
  /** Locations of the offer, to name where a consultation hour takes place. */
  locations: Location[];
}

/** Consultation hours of one offer as readable lines; dates come with the schedule engine. */
export function ScheduleList({ schedules, locations }: Props) {
  const placeOf = new Map(locations.map((l) => [l.id, l]));
  const sorted = [...schedules].sort((a, b) => a.opens_at.localeCompare(b.opens_at));
  return (
    <ul class="schedule-list">
      {sorted.map((s) => {
        const place = s.location_id ? placeOf.get(s.location_id) : undefined;
        const extras = describeExtras(s);
        return (
          <li key={s.id} class="schedule-list__item">
            <p class="schedule-list__when">
              <span class="schedule-list__rhythm">{describeRhythm(s)}</span>{' '}
              <span>{describeTime(s)}</span>
            </p>
            {place && locations.length > 1 && (
              <p class="schedule-list__place muted">
                {place.name}, {place.quartier}
              </p>
            )}
            {s.notes && (
              <p class="schedule-list__notes pre-line" {...GERMAN_CONTENT}>
                {s.notes}
              </p>
            )}
            {extras.length > 0 && <p class="schedule-list__extras muted">{extras.join(' · ')}</p>}
          </li>
        );
      })}
    </ul>
  );
}
