/**
 * How a date reads on the screens, in Europe/Berlin whatever the phone's zone is:
 * "heute", "morgen", "Do., 19.11."; "15:00–17:00 Uhr"; "noch 40 Min.".
 */
import {
  berlinClock,
  berlinDaysBetween,
  berlinFormat,
  berlinWeekdayDate,
} from '../../components/berlinTime';
import { currentLanguage, t } from '../../i18n';
import { clockTime, timeSpan } from '../../i18n/clock';

const MINUTE = 60_000;

const longDate = berlinFormat({ weekday: 'long', day: 'numeric', month: 'long' });

/** "heute", "morgen", else "Do., 19.11.". */
export function dayLabel(d: Date, now: Date): string {
  const diff = berlinDaysBetween(now, d);
  if (diff === 0) return t('schedules.today');
  if (diff === 1) return t('schedules.tomorrow');
  return berlinWeekdayDate(d);
}

/** "Heute", "Morgen", "Donnerstag, 19. November" for day headings. */
export function longDayLabel(d: Date, now: Date): string {
  const diff = berlinDaysBetween(now, d);
  if (diff === 0) return t('schedules.todayTitle');
  if (diff === 1) return t('schedules.tomorrowTitle');
  return longDate().format(d);
}

/** "15:00–17:00 Uhr" from real instants (so a DST-shifted start shows as it is). */
export function timeRange(start: Date, end: Date): string {
  return timeSpan(currentLanguage(), berlinClock(start), berlinClock(end));
}

/** "noch 40 Min." up to 90 minutes, else "bis 17:00 Uhr". */
export function remaining(end: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((end.getTime() - now.getTime()) / MINUTE));
  return minutes <= 90
    ? t('schedules.minutesLeft', { n: minutes })
    : t('schedules.openUntil', { time: clockTime(currentLanguage(), berlinClock(end)) });
}

/** "öffnet in 20 Min." within the hour, else null. */
export function opensSoon(start: Date, now: Date): string | null {
  const minutes = Math.ceil((start.getTime() - now.getTime()) / MINUTE);
  return minutes > 0 && minutes <= 60 ? t('schedules.opensIn', { n: minutes }) : null;
}
