/**
 * Wall-clock times as a language writes them on a notice. The catalogue decides the clock
 * (`localisedOutput.clock`): "24" writes "9:00" and "17:30" into the catalogue's own frame
 * (`schedule.time`, "{from}–{to} Uhr"), the same digits in every language; "12" takes
 * hours and the day period from `Intl` in that language ("3–5 pm", "9:30 am–12 pm"), which
 * CLDR would not choose for en-GB by itself.
 */
import { tFor } from '.';
import { languageInfo, type UiLanguage } from './languages';

export interface ClockOptions {
  /** A full hour without ":00" ("9–12 Uhr"), as next dates write it. */
  short?: boolean;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function twelveHour(locale: string, minutes: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${minutes}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      hour: 'numeric',
      ...(minutes ? { minute: '2-digit' } : {}),
      hourCycle: 'h12',
      timeZone: 'UTC',
    });
    formats.set(key, format);
  }
  return format;
}

function parse(hhmm: string): [number, number] {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return [h, m];
}

function usesTwelveHours(lang: UiLanguage): boolean {
  return tFor(lang, 'localisedOutput.clock') === '12';
}

/** Parts of one time on the 12-hour clock; a full hour has no minutes ("3 pm"). */
function twelveHourParts(lang: UiLanguage, hhmm: string): Intl.DateTimeFormatPart[] {
  const [h, m] = parse(hhmm);
  return twelveHour(languageInfo(lang).intl, m !== 0).formatToParts(
    new Date(Date.UTC(2000, 0, 1, h, m)),
  );
}

const text = (parts: Intl.DateTimeFormatPart[]) => parts.map((p) => p.value).join('');

/** Everything but the day period and the space next to it: "3" of "3 pm". */
function withoutPeriod(parts: Intl.DateTimeFormatPart[]): string {
  const i = parts.findIndex((p) => p.type === 'dayPeriod');
  if (i === -1) return text(parts);
  const rest = [...parts];
  const next = rest[i + 1];
  const before = rest[i - 1];
  if (next?.type === 'literal' && !next.value.trim()) rest.splice(i, 2);
  else if (before?.type === 'literal' && !before.value.trim()) rest.splice(i - 1, 2);
  else rest.splice(i, 1);
  return text(rest);
}

/** "HH:MM" wall time → "9:00" ("9" with `short` for a full hour). */
function twentyFourHour(hhmm: string, short: boolean): string {
  const time = hhmm.replace(/^0(\d):/, '$1:');
  return short ? time.replace(/:00$/, '') : time;
}

/** One time of day in `lang`: "9:00", "9" (short), "3 pm". */
export function clockTime(lang: UiLanguage, hhmm: string, options: ClockOptions = {}): string {
  if (usesTwelveHours(lang)) return text(twelveHourParts(lang, hhmm));
  return twentyFourHour(hhmm, options.short ?? false);
}

/**
 * A span of the day in `lang`'s frame: "9:00–12:00 Uhr", "9–12 Uhr" (short), "3–5 pm",
 * "9 am–5 pm". On the 12-hour clock the day period is written once when both share it.
 */
export function timeSpan(
  lang: UiLanguage,
  from: string,
  to: string,
  options: ClockOptions = {},
): string {
  if (!usesTwelveHours(lang)) {
    const short = options.short ?? false;
    return tFor(lang, 'schedule.time', {
      from: twentyFourHour(from, short),
      to: twentyFourHour(to, short),
    });
  }
  const start = twelveHourParts(lang, from);
  const end = twelveHourParts(lang, to);
  const period = (parts: Intl.DateTimeFormatPart[]) =>
    parts.find((p) => p.type === 'dayPeriod')?.value;
  const same = period(start) !== undefined && period(start) === period(end);
  return tFor(lang, 'schedule.time', {
    from: same ? withoutPeriod(start) : text(start),
    to: text(end),
  });
}
