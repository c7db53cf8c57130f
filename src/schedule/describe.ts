/**
 * Plain-language wording of a schedule, as a paper notice would say it:
 * "jeden letzten Mittwoch im Monat, 15:00–17:00 Uhr", "14-täglich dienstags, 9:00–12:00 Uhr",
 * "Mo–Do, 9:00–12:00 Uhr". Each function writes in the UI language or in the language it is
 * given, with that language's catalogue (namespace `schedule`), plural rules, list words,
 * date formats and clock (../i18n/clock). The catalogue of a language other than the UI's
 * must be loaded first (`await loadLanguage(lang)`); before that they throw
 * LanguageNotLoaded rather than write another language's words.
 */
import { currentLanguage, type Translate, translator } from '../i18n';
import { timeSpan } from '../i18n/clock';
import { joinList } from '../i18n/format';
import { languageInfo, type UiLanguage } from '../i18n/languages';
import { civilFromDay, parseIsoDay } from './days';
import { compile, type RecurrenceInput } from './rule';

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** What every phrase needs: the language's messages and its lists ("a, b und c"). */
interface Words {
  t: Translate;
  join: (parts: string[]) => string;
  locale: string;
}

function wordsOf(lang: UiLanguage): Words {
  const locale = languageInfo(lang).intl;
  return { t: translator(lang), join: (parts) => joinList(parts, locale), locale };
}

function maskDays(mask: number): number[] {
  const out: number[] = [];
  for (let wd = 0; wd < 7; wd++) if (mask & (1 << wd)) out.push(wd);
  return out;
}

/**
 * "dienstags", "dienstags und freitags", "Mo–Do", "Mo–Mi und Fr". Runs of three or more
 * days are written as a short range; then the other days are short as well.
 */
function weekdayList({ t, join }: Words, days: number[]): string {
  const runs: number[][] = [];
  for (const d of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === d - 1) run.push(d);
    else runs.push([d]);
  }
  const short = runs.some((r) => r.length >= 3);
  const code = (d: number) => WEEKDAY_CODES[d] as WeekdayCode;
  if (!short) return join(days.map((d) => t(`weekdayAdverb.${code(d)}`)));
  return join(
    runs.flatMap((r) =>
      r.length >= 3
        ? [
            t('schedule.shortRange', {
              from: t(`schedule.short.${code(r[0] as number)}`),
              to: t(`schedule.short.${code(r[r.length - 1] as number)}`),
            }),
          ]
        : r.map((d) => t(`schedule.short.${code(d)}`)),
    ),
  );
}

/** 1, 2, …, then -2 (vorletzter), -1 (letzter): the order they come in a month. */
const inMonthOrder = (n: number) => (n > 0 ? n : 100 + n);

function nthWord(t: Translate, n: number): string {
  const key = `schedule.nth${n}`;
  const word = t(key);
  return word === key ? t('schedule.dayOfMonth', { n }) : word;
}

/** "jeden ersten und letzten Sonntag im Monat" (or "im Jahr"). */
function ordinalPhrase(
  words: Words,
  ordinals: readonly [number, number][],
  plainMask: number,
  unit: 'Month' | 'Year',
) {
  const { t, join } = words;
  const byDay = new Map<number, number[]>();
  for (const [n, wd] of ordinals) byDay.set(wd, [...(byDay.get(wd) ?? []), n]);
  const phrases = [...byDay]
    .sort((a, b) => a[0] - b[0])
    .map(([wd, nths]) =>
      t(`schedule.nthIn${unit}`, {
        nth: join(nths.sort((a, b) => inMonthOrder(a) - inMonthOrder(b)).map((x) => nthWord(t, x))),
        day: t(`weekday.${WEEKDAY_CODES[wd] as WeekdayCode}`),
      }),
    );
  const plain = maskDays(plainMask);
  if (plain.length > 0) phrases.push(weekdayList(words, plain));
  return join(phrases);
}

/** "am 1. und 15. des Monats", "am letzten Tag des Monats". */
function monthdayPhrase({ t, join }: Words, monthdays: readonly number[]): string {
  const sorted = [...new Set(monthdays)].sort((a, b) => a - b);
  const positive = sorted.filter((d) => d > 0).map((n) => t('schedule.dayOfMonth', { n }));
  const phrases: string[] = [];
  if (positive.length > 0) phrases.push(t('schedule.monthlyDays', { days: join(positive) }));
  for (const d of sorted.filter((x) => x < 0)) {
    phrases.push(t('schedule.monthlyFromEnd', { nth: nthWord(t, d) }));
  }
  return join(phrases);
}

/** The rhythm alone: "jeden letzten Mittwoch im Monat", "14-täglich dienstags", "Mo–Do". */
export function describeRhythm(rule: RecurrenceInput, lang = currentLanguage()): string {
  const words = wordsOf(lang);
  const { t } = words;
  const c = compile(rule);
  const n = c.interval;
  switch (c.freq) {
    case 'DAILY': {
      if (c.hasByday) return weekdayList(words, maskDays(c.anyMask));
      return n > 1 ? t('schedule.everyNDays', { n }) : t('schedule.daily');
    }
    case 'WEEKLY': {
      const mask = c.hasByday ? c.anyMask : c.anchor !== null ? 1 << weekdayOfDay(c.anchor) : 0;
      if (mask === 0)
        return n > 1 ? t('schedule.everyNWeeksPlain', { n }) : t('schedule.weeklyPlain');
      const days = weekdayList(words, maskDays(mask));
      if (n === 2) return t('schedule.fortnightly', { days });
      if (n > 2) return t('schedule.everyNWeeks', { n, days });
      return days;
    }
    case 'MONTHLY': {
      let text: string;
      if (c.hasByday) {
        text = ordinalPhrase(words, c.ordinals, c.plainMask, 'Month');
        if (c.monthdays)
          text = t('schedule.onlyOn', { rhythm: text, days: monthdayPhrase(words, c.monthdays) });
      } else if (c.monthdays) {
        text = monthdayPhrase(words, c.monthdays);
      } else if (c.anchor !== null) {
        text = monthdayPhrase(words, [civilFromDay(c.anchor).day]);
      } else {
        text = t('schedule.monthly');
      }
      return n > 1 ? t('schedule.everyNMonths', { n, rhythm: text }) : text;
    }
    default: {
      let text: string;
      if (c.hasByday) {
        text = ordinalPhrase(words, c.ordinals, c.plainMask, 'Year');
      } else if (c.monthdays) {
        text = monthdayPhrase(words, c.monthdays);
      } else if (c.anchor !== null) {
        const { year, month, day } = civilFromDay(c.anchor);
        const date = new Intl.DateTimeFormat(words.locale, {
          day: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        }).format(new Date(Date.UTC(year, month - 1, day)));
        text = t('schedule.yearlyOn', { date });
      } else {
        text = t('schedule.yearly');
      }
      return n > 1 ? t('schedule.everyNYears', { n, rhythm: text }) : text;
    }
  }
}

function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** "9:00–12:00 Uhr", "9 am–12 pm". */
export function describeTime(
  rule: Pick<RecurrenceInput, 'opens_at' | 'closes_at'>,
  lang = currentLanguage(),
): string {
  return timeSpan(lang, rule.opens_at, rule.closes_at);
}

/** The whole sentence: "jeden letzten Mittwoch im Monat, 15:00–17:00 Uhr". */
export function describe(rule: RecurrenceInput, lang = currentLanguage()): string {
  return translator(lang)('schedule.sentence', {
    rhythm: describeRhythm(rule, lang),
    time: describeTime(rule, lang),
  });
}

function formatDay(iso: string, locale: string): string {
  const day = parseIsoDay(iso);
  if (day === null) return iso;
  const { year, month, day: d } = civilFromDay(day);
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, d)));
}

/**
 * Validity, end, cancelled dates and holidays, one short phrase each ("ab 01.04.2027",
 * "fällt aus: 24.12.2026", "an Feiertagen geschlossen"). With `fromIso` (YYYY-MM-DD) only
 * cancelled dates from that day on are listed.
 */
export function describeExtras(
  rule: RecurrenceInput,
  lang = currentLanguage(),
  fromIso?: string,
): string[] {
  const { t, locale } = wordsOf(lang);
  const out: string[] = [];
  if (rule.valid_from) {
    out.push(t('schedule.validFrom', { date: formatDay(rule.valid_from, locale) }));
  }
  const ends = [rule.valid_to, rule.until].filter((d): d is string => !!d).sort();
  if (ends[0]) out.push(t('schedule.validTo', { date: formatDay(ends[0], locale) }));
  if (rule.count) out.push(t('schedule.count', { n: rule.count }));
  const cancelled = (rule.exdates ?? []).filter((d) => !fromIso || d >= fromIso).sort();
  if (cancelled.length > 0) {
    const dates = cancelled
      .map((d) => formatDay(d, locale))
      .join(t('localisedOutput.listSeparator'));
    out.push(t('schedule.exdates', { dates }));
  }
  if (rule.closed_on_holidays !== false) out.push(t('schedule.holidays'));
  return out;
}

/** Weekdays (Mo … So) a schedule can fall on, for grouping; empty if that depends on the month. */
export function weekdaysOf(rule: RecurrenceInput): WeekdayCode[] {
  const c = compile(rule);
  if (c.freq === 'DAILY' && !c.hasByday) return [...WEEKDAY_CODES];
  let mask = c.anyMask;
  if (!c.hasByday && c.freq === 'WEEKLY' && c.anchor !== null) mask = 1 << weekdayOfDay(c.anchor);
  if (c.freq === 'YEARLY' && !c.hasByday) mask = 0;
  return maskDays(mask).map((d) => WEEKDAY_CODES[d] as WeekdayCode);
}
