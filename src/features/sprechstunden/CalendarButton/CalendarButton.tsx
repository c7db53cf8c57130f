import { useState } from 'preact/hooks';
import { useAppDeps } from '../../../app/deps';
import { currentLanguage, t } from '../../../i18n';
import type { Location, Schedule } from '../../../model';
import { offerHoursHref } from '../links';
import './CalendarButton.css';

interface Props {
  name: string;
  serviceId: string;
  schedules: readonly Schedule[];
  locations: readonly Location[];
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
 * "In Kalender übernehmen": an .ics file of the next 12 months in the UI language. The
 * generator is loaded on the first click only (its own chunk, precached for offline use).
 */
export function CalendarButton({ name, serviceId, schedules, locations }: Props) {
  const { now } = useAppDeps();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  if (schedules.length === 0) return null;

  const onClick = async () => {
    setState('busy');
    try {
      const { offerCalendar } = await import('./offerCalendar');
      const { text, fileName } = offerCalendar({
        name,
        schedules,
        locations,
        link: `${window.location.origin}${offerHoursHref(serviceId)}`,
        from: now(),
        lang: currentLanguage(),
      });
      download(text, fileName);
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
