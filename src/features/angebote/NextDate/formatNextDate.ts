import { berlinClock, berlinDaysBetween, berlinWeekdayDate } from '../../../components/berlinTime';
import { currentLanguage, t } from '../../../i18n';
import { clockTime, timeSpan } from '../../../i18n/clock';
import type { NextOrCurrent } from '../../../schedule';

/** A full hour without ":00", as in "9–12 Uhr". */
const SHORT = { short: true };

/**
 * "heute, 14–16 Uhr", "morgen, 9–12 Uhr", "Mi., 12.11., 15–17 Uhr" (Berlin time). Paper
 * kept for weeks gets no "heute": `relative: false`.
 */
export function formatNextDate(start: Date, end: Date, now: Date, relative = true): string {
  const diff = relative ? berlinDaysBetween(now, start) : -1;
  const day =
    diff === 0 ? t('results.today') : diff === 1 ? t('results.tomorrow') : berlinWeekdayDate(start);
  const time = timeSpan(currentLanguage(), berlinClock(start), berlinClock(end), SHORT);
  return t('nextDate.dayTime', { day, time });
}

/** "bis 12 Uhr", "bis 12:30 Uhr". */
export function formatUntil(until: Date): string {
  return t('schedules.openUntil', {
    time: clockTime(currentLanguage(), berlinClock(until), SHORT),
  });
}

/** "jetzt geöffnet bis 12:30 Uhr", else as formatNextDate. */
export function formatNextOrCurrent(date: NextOrCurrent<unknown>, now: Date): string {
  return date.kind === 'open-now'
    ? `${t('nextDate.openNow')} ${formatUntil(date.until)}`
    : formatNextDate(date.start, date.end, now);
}
