/**
 * Instants as a person in the Quartier reads them: Europe/Berlin calendar days and clock
 * times, whatever zone the phone is set to. Shared by the list's "nächster Termin" and the
 * Sprechstunden screens so both write a date the same way.
 */
import { berlinDate, TIME_ZONE } from '../schedule/tz';
import { once } from '../util/once';

/** A German formatter for Berlin time, made on first use (see src/util/once.ts). */
export function berlinFormat(
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): () => Intl.DateTimeFormat {
  return once(() => new Intl.DateTimeFormat('de-DE', { ...options, timeZone: TIME_ZONE }));
}

const weekdayDate = berlinFormat({ weekday: 'short', day: 'numeric', month: 'numeric' });
const clock = berlinFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Whole Berlin calendar days from `from` to `to` (0 = the same day, 1 = the next). */
export function berlinDaysBetween(from: Date, to: Date): number {
  const a = Date.parse(`${berlinDate(from)}T00:00:00Z`);
  const b = Date.parse(`${berlinDate(to)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** "Do., 19.11." */
export function berlinWeekdayDate(d: Date): string {
  return weekdayDate().format(d);
}

/** "9:00", "17:30". */
export function berlinClock(d: Date): string {
  return clock()
    .format(d)
    .replace(/^0(\d)/, '$1');
}
