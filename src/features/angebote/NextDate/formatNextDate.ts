import { berlinClock, berlinDaysBetween, berlinWeekdayDate } from '../../../components/berlinTime';
import { t } from '../../../i18n';
import type { NextOrCurrent } from '../../../schedule';

/** "12", "12:30": a full hour without ":00", as in "9–12 Uhr". */
function shortClock(d: Date): string {
  return berlinClock(d).replace(/:00$/, '');
}

/**
 * "heute, 14–16 Uhr", "morgen, 9–12 Uhr", "Mi., 12.11., 15–17 Uhr" (Berlin time). Paper
 * kept for weeks gets no "heute": `relative: false`.
 */
export function formatNextDate(start: Date, end: Date, now: Date, relative = true): string {
  const diff = relative ? berlinDaysBetween(now, start) : -1;
  const day =
    diff === 0 ? t('results.today') : diff === 1 ? t('results.tomorrow') : berlinWeekdayDate(start);
  const time = t('schedule.time', { from: shortClock(start), to: shortClock(end) });
  return t('nextDate.dayTime', { day, time });
}

/** "bis 12 Uhr", "bis 12:30 Uhr". */
export function formatUntil(until: Date): string {
  return t('schedules.openUntil', { time: shortClock(until) });
}

/** "jetzt geöffnet bis 12:30 Uhr", else as formatNextDate. */
export function formatNextOrCurrent(date: NextOrCurrent<unknown>, now: Date): string {
  return date.kind === 'open-now'
    ? `${t('nextDate.openNow')} ${formatUntil(date.until)}`
    : formatNextDate(date.start, date.end, now);
}
