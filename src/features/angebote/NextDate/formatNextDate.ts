import { berlinClock, berlinDaysBetween, berlinWeekdayDate } from '../../../components/berlinTime';
import { t } from '../../../i18n';

/**
 * "heute, 14–16 Uhr", "morgen, 9–12 Uhr", "Mi., 12.11., 15–17 Uhr" (Berlin time). Paper
 * kept for weeks gets no "heute": `relative: false`.
 */
export function formatNextDate(start: Date, end: Date, now: Date, relative = true): string {
  const diff = relative ? berlinDaysBetween(now, start) : -1;
  const day =
    diff === 0 ? t('results.today') : diff === 1 ? t('results.tomorrow') : berlinWeekdayDate(start);
  const time = t('schedule.time', {
    from: berlinClock(start).replace(':00', ''),
    to: berlinClock(end).replace(':00', ''),
  });
  return `${day}, ${time}`;
}
