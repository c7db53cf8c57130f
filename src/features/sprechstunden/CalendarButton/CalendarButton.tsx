import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { t } from '../../../i18n';
import type { Location, Schedule } from '../../../model';
import { describe } from '../../../schedule';
import { offerHoursHref } from '../links';
import './CalendarButton.css';

interface Props {
  name: string;
  serviceId: string;
  schedules: readonly Schedule[];
  locations: readonly Location[];
}

function address(l: Location): string {
  return `${l.name}, ${l.address_1}, ${l.postal_code} ${l.city}`;
}

/** Hands the file to the browser as a download; a phone offers to open it in its calendar. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "In Kalender übernehmen": an .ics file of the next 12 months. The generator is loaded on
 * the first click only (its own chunk, precached for offline use).
 */
export function CalendarButton({ name, serviceId, schedules, locations }: Props) {
  const { now } = useAppDeps();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  if (schedules.length === 0) return null;

  const onClick = async () => {
    setState('busy');
    try {
      const { buildIcs, icsFileName } = await import('../../../schedule/ics');
      const placeOf = new Map(locations.map((l) => [l.id, l]));
      const link = `${window.location.origin}${offerHoursHref(serviceId)}`;
      const text = buildIcs({
        name,
        from: now(),
        entries: schedules.map((schedule) => {
          const place = placeOf.get(schedule.location_id ?? '') ?? locations[0];
          return {
            schedule,
            summary: name,
            location: place ? address(place) : null,
            description: [describe(schedule), schedule.notes, link].filter(Boolean).join('\n'),
            url: link,
          };
        }),
      });
      download(text, icsFileName(name));
      setState('done');
    } catch {
      setState('error');
    }
  };

  return (
    <div class="calendar-button">
      <button
        type="button"
        class="btn btn--secondary"
        onClick={onClick}
        disabled={state === 'busy'}
      >
        {t('schedules.calendar')}
      </button>
      <p class="calendar-button__status muted" role="status">
        {state === 'done'
          ? t('schedules.calendarDone')
          : state === 'error'
            ? t('schedules.calendarError')
            : ''}
      </p>
    </div>
  );
}
