import { formatIsoDate, formatTime, joinGerman } from '../../components/format';
import { t } from '../../i18n';
import type { Schedule } from '../../model';

/**
 * A plain reading of a schedule's recurrence fields for the Foundation screens. It does
 * not compute dates; the recurrence engine (src/schedule/) will replace this wording.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

type Rule = Pick<
  Schedule,
  | 'freq'
  | 'interval'
  | 'byday'
  | 'bymonthday'
  | 'dtstart'
  | 'opens_at'
  | 'closes_at'
  | 'valid_from'
  | 'valid_to'
  | 'exdates'
  | 'closed_on_holidays'
>;

export interface BydayPart {
  /** Ordinal within the month (1, 2, -1 …) or null for "every". */
  nth: number | null;
  day: Weekday;
}

export function parseByday(byday: string | null | undefined): BydayPart[] {
  if (!byday) return [];
  const parts: BydayPart[] = [];
  for (const raw of byday.split(',')) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(raw.trim());
    if (!m) continue;
    parts.push({ nth: m[1] ? Number(m[1]) : null, day: m[2] as Weekday });
  }
  return parts;
}

function weekdayOfIsoDate(iso: string): Weekday | null {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  return WEEKDAYS[(d.getUTCDay() + 6) % 7] ?? null;
}

/** The weekdays a schedule can fall on, in week order; empty if that depends on the month. */
export function weekdaysOf(
  rule: Pick<Rule, 'freq' | 'byday' | 'bymonthday' | 'dtstart'>,
): Weekday[] {
  if (rule.freq === 'DAILY' && !rule.byday) return [...WEEKDAYS];
  const days = new Set(parseByday(rule.byday).map((p) => p.day));
  if (days.size === 0 && rule.freq === 'WEEKLY' && rule.dtstart) {
    const d = weekdayOfIsoDate(rule.dtstart);
    if (d) days.add(d);
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

/** "montags bis donnerstags", "dienstags und freitags". Runs of three or more are ranges. */
function adverbs(days: Weekday[]): string {
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  const groups: Weekday[][] = [];
  for (const d of sorted) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && WEEKDAYS.indexOf(d) === WEEKDAYS.indexOf(prev) + 1) last.push(d);
    else groups.push([d]);
  }
  const words = groups.flatMap((g) => {
    const first = g[0];
    const last = g[g.length - 1];
    if (g.length >= 3 && first && last) {
      return [
        t('schedule.range', { from: t(`weekdayAdverb.${first}`), to: t(`weekdayAdverb.${last}`) }),
      ];
    }
    return g.map((d) => t(`weekdayAdverb.${d}`));
  });
  return joinGerman(words, t('schedule.and'));
}

function nthWord(n: number): string {
  const key = `schedule.nth${n}`;
  const word = t(key);
  return word === key ? `${n}.` : word;
}

function monthlyByday(parts: BydayPart[]): string {
  const byDay = new Map<Weekday, number[]>();
  for (const p of parts) {
    if (p.nth === null) continue;
    byDay.set(p.day, [...(byDay.get(p.day) ?? []), p.nth]);
  }
  const phrases = [...byDay].map(([day, nths]) =>
    t('schedule.monthlyNth', {
      nth: joinGerman(nths.map(nthWord), t('schedule.and')),
      day: t(`weekday.${day}`),
    }),
  );
  const plain = parts.filter((p) => p.nth === null).map((p) => p.day);
  if (plain.length > 0) phrases.push(adverbs(plain));
  return joinGerman(phrases, t('schedule.and'));
}

function monthDays(bymonthday: string): string {
  const days = bymonthday
    .split(',')
    .map((d) => Number(d.trim()))
    .filter((d) => Number.isInteger(d) && d !== 0);
  const positive = days.filter((d) => d > 0).map((d) => `${d}.`);
  const phrases: string[] = [];
  if (positive.length > 0) {
    phrases.push(t('schedule.monthlyDays', { days: joinGerman(positive, t('schedule.and')) }));
  }
  if (days.some((d) => d < 0)) phrases.push(t('schedule.monthlyLastDay'));
  return joinGerman(phrases, t('schedule.and'));
}

/** "jeden letzten Mittwoch im Monat", "14-täglich dienstags", "montags bis donnerstags". */
export function describeRhythm(rule: Rule): string {
  const interval = rule.interval ?? 1;
  const parts = parseByday(rule.byday);
  switch (rule.freq) {
    case 'DAILY':
      if (parts.length > 0) return adverbs(parts.map((p) => p.day));
      return interval > 1 ? t('schedule.everyNDays', { n: interval }) : t('schedule.daily');
    case 'WEEKLY': {
      const days = weekdaysOf(rule);
      if (days.length === 0) return t('schedule.weeklyPlain');
      const text = adverbs(days);
      if (interval === 2) return t('schedule.fortnightly', { days: text });
      if (interval > 2) return t('schedule.everyNWeeks', { n: interval, days: text });
      return text;
    }
    case 'MONTHLY': {
      let text = '';
      if (parts.length > 0) text = monthlyByday(parts);
      else if (rule.bymonthday) text = monthDays(rule.bymonthday);
      if (!text) text = t('schedule.monthly');
      return interval > 1 ? `${t('schedule.everyNMonths', { n: interval })}: ${text}` : text;
    }
    case 'YEARLY':
      return t('schedule.yearly');
    default:
      return '';
  }
}

/** "9:00–12:00 Uhr". */
export function describeTime(rule: Pick<Rule, 'opens_at' | 'closes_at'>): string {
  return t('schedule.time', { from: formatTime(rule.opens_at), to: formatTime(rule.closes_at) });
}

/** Validity, cancelled dates and holidays, one short line each. */
export function describeExtras(rule: Rule): string[] {
  const out: string[] = [];
  if (rule.valid_from) out.push(t('schedule.validFrom', { date: formatIsoDate(rule.valid_from) }));
  if (rule.valid_to) out.push(t('schedule.validTo', { date: formatIsoDate(rule.valid_to) }));
  if (rule.exdates && rule.exdates.length > 0) {
    out.push(t('schedule.exdates', { dates: rule.exdates.map(formatIsoDate).join(', ') }));
  }
  if (rule.closed_on_holidays !== false) out.push(t('schedule.holidays'));
  return out;
}
