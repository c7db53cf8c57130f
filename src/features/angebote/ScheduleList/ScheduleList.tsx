import { contentAttrs, shown } from '../../../components/Content/Content';
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
        const notes = shown(s, 'notes');
        const placeName = place ? shown(place, 'name') : null;
        return (
          <li key={s.id} class="schedule-list__item">
            <p class="schedule-list__when">
              <span class="schedule-list__rhythm">{describeRhythm(s)}</span>{' '}
              <span>{describeTime(s)}</span>
            </p>
            {place && placeName && locations.length > 1 && (
              <p class="schedule-list__place muted">
                <span {...contentAttrs(placeName)}>{placeName.text}</span>, {place.quartier}
              </p>
            )}
            {notes.text && (
              <p class="schedule-list__notes pre-line" {...contentAttrs(notes)}>
                {notes.text}
              </p>
            )}
            {extras.length > 0 && <p class="schedule-list__extras muted">{extras.join(' · ')}</p>}
          </li>
        );
      })}
    </ul>
  );
}
