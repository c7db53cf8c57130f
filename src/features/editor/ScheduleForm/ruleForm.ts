/**
 * The hours form thinks in what notices say ("jeden 1. und 3. Montag", "Mo–Do",
 * "14-täglich dienstags"); the record stores HSDS/RFC 5545 fields (freq, interval, byday,
 * bymonthday). These two pure functions translate; anything the form cannot show in its
 * simple shape stays editable as raw fields ('custom'), so no rule is ever mangled.
 */
import { WEEKDAY_CODES, type WeekdayCode } from '../../../schedule';

export type RuleKind = 'weekly' | 'monthlyNth' | 'monthlyDays' | 'daily' | 'custom';

export interface RuleForm {
  kind: RuleKind;
  weekdays: WeekdayCode[];
  /** 1–4 or -1 (last). */
  nths: number[];
}

const PLAIN = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const ORDINAL = /^([+-]?\d{1,2})(MO|TU|WE|TH|FR|SA|SU)$/;
export const NTHS = [1, 2, 3, 4, -1] as const;

function parts(byday: unknown): string[] {
  return typeof byday === 'string' && byday.trim()
    ? byday.split(',').map((p) => p.trim().toUpperCase())
    : [];
}

const sortDays = (days: Iterable<WeekdayCode>) => WEEKDAY_CODES.filter((d) => new Set(days).has(d));

export function formOf(rule: { freq?: unknown; byday?: unknown; bymonthday?: unknown }): RuleForm {
  const by = parts(rule.byday);
  const hasMonthdays = typeof rule.bymonthday === 'string' && rule.bymonthday.trim() !== '';
  const custom: RuleForm = { kind: 'custom', weekdays: [], nths: [] };
  if (rule.freq === 'DAILY' && by.length === 0 && !hasMonthdays) {
    return { kind: 'daily', weekdays: [], nths: [] };
  }
  if (rule.freq === 'WEEKLY' && !hasMonthdays && by.every((p) => PLAIN.test(p))) {
    return { kind: 'weekly', weekdays: sortDays(by as WeekdayCode[]), nths: [] };
  }
  if (rule.freq === 'MONTHLY' && by.length === 0 && hasMonthdays) {
    return { kind: 'monthlyDays', weekdays: [], nths: [] };
  }
  if (rule.freq === 'MONTHLY' && by.length > 0 && !hasMonthdays) {
    const pairs = by.map((p) => ORDINAL.exec(p));
    if (pairs.some((m) => !m)) return custom;
    const nths = [...new Set(pairs.map((m) => Number(m?.[1])))];
    const days = sortDays(pairs.map((m) => m?.[2] as WeekdayCode));
    // Only a full product (every nth × every day) is what the two checkbox rows can show.
    if (
      nths.some((n) => !(NTHS as readonly number[]).includes(n)) ||
      nths.length * days.length !== by.length
    ) {
      return custom;
    }
    return { kind: 'monthlyNth', weekdays: days, nths: NTHS.filter((n) => nths.includes(n)) };
  }
  return custom;
}

/** The record fields for a form state (raw fields kept as they are for 'custom'). */
export function fieldsOf(form: RuleForm): Record<string, unknown> {
  switch (form.kind) {
    case 'daily':
      return { freq: 'DAILY', byday: null, bymonthday: null };
    case 'weekly':
      return {
        freq: 'WEEKLY',
        byday: form.weekdays.length ? sortDays(form.weekdays).join(',') : null,
        bymonthday: null,
      };
    case 'monthlyNth': {
      const byday = form.nths.flatMap((n) => sortDays(form.weekdays).map((d) => `${n}${d}`));
      return { freq: 'MONTHLY', byday: byday.length ? byday.join(',') : null, bymonthday: null };
    }
    case 'monthlyDays':
      return { freq: 'MONTHLY', byday: null };
    default:
      return {};
  }
}
