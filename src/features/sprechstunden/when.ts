/**
 * How a date reads on the screens, in Europe/Berlin whatever the phone's zone is:
 * "heute", "morgen", "Do., 19.11."; "15:00–17:00 Uhr"; "noch 40 Min.".
 */
import { t } from '../../i18n';
import { TIME_ZONE } from '../../schedule';

const MINUTE = 60_000;

const dayKey = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const weekdayDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
});
const longDate = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const clock = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-19": the Berlin calendar day of an instant. */
export function berlinDayKey(d: Date): string {
  return dayKey.format(d);
}

function dayDiff(d: Date, now: Date): number {
  const a = Date.parse(`${berlinDayKey(d)}T00:00:00Z`);
  const b = Date.parse(`${berlinDayKey(now)}T00:00:00Z`);
  return Math.round((a - b) / 86_400_000);
}

/** "heute", "morgen", else "Do., 19.11.". */
export function dayLabel(d: Date, now: Date): string {
  const diff = dayDiff(d, now);
  if (diff === 0) return t('schedules.today');
  if (diff === 1) return t('schedules.tomorrow');
  return weekdayDate.format(d);
}

/** "Heute", "Morgen", "Donnerstag, 19. November" for day headings. */
export function longDayLabel(d: Date, now: Date): string {
  const diff = dayDiff(d, now);
  if (diff === 0) return t('schedules.todayTitle');
  if (diff === 1) return t('schedules.tomorrowTitle');
  return longDate.format(d);
}

/** "9:00". */
export function clockTime(d: Date): string {
  return clock.format(d).replace(/^0(\d)/, '$1');
}

/** "15:00–17:00 Uhr" from real instants (so a DST-shifted start shows as it is). */
export function timeRange(start: Date, end: Date): string {
  return t('schedule.time', { from: clockTime(start), to: clockTime(end) });
}

/** "noch 40 Min." up to 90 minutes, else "bis 17:00 Uhr". */
export function remaining(end: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((end.getTime() - now.getTime()) / MINUTE));
  return minutes <= 90
    ? t('schedules.minutesLeft', { n: minutes })
    : t('schedules.openUntil', { time: clockTime(end) });
}

/** "öffnet in 20 Min." within the hour, else null. */
export function opensSoon(start: Date, now: Date): string | null {
  const minutes = Math.ceil((start.getTime() - now.getTime()) / MINUTE);
  return minutes > 0 && minutes <= 60 ? t('schedules.opensIn', { n: minutes }) : null;
}
