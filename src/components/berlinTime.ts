/**
 * Instants as a person in the Quartier reads them: Europe/Berlin calendar days and clock
 * times, whatever zone the phone is set to. Shared by the list's "nächster Termin" and the
 * Sprechstunden screens so both write a date the same way.
 */
import { intlLocale } from '../i18n';
import { berlinDate, TIME_ZONE } from '../schedule/tz';

/**
 * A formatter for Berlin time in the UI language, made on first use per language: building
 * one loads ICU's locale tables, which a page that shows no date should not pay for.
 */
export function berlinFormat(
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): () => Intl.DateTimeFormat {
  const made = new Map<string, Intl.DateTimeFormat>();
  return () => {
    const locale = intlLocale();
    let format = made.get(locale);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: TIME_ZONE });
      made.set(locale, format);
    }
    return format;
  };
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
