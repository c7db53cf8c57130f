/**
 * A schedule's recurrence fields, parsed once into numbers and cached (see compile()), so
 * repeated questions ("open now?" every minute, for thousands of offers) do not re-parse
 * strings.
 */
import type { ScheduleRule } from '../model';
import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  monthIndexOfDay,
  parseIsoDay,
  parseWallTime,
  weekdayOf,
} from './days';

/** What the engine reads: the recurrence fields; every other Schedule field is optional. */
export type RecurrenceInput = ScheduleRule;

export type Freq = ScheduleRule['freq'];

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * Anchor for INTERVAL (and COUNT) when a rule has neither dtstart nor valid_from: a fixed
 * Monday, 1 January, so that "every 2 weeks/months/years" stays stable across devices.
 * Rules with interval > 1 should carry a dtstart; the editor asks for one.
 */
export const EPOCH_DAY = dayFromCivil(2024, 1, 1);

/*
 * Open ends as day numbers millions of years away rather than ±Infinity: small integers
 * stay unboxed in the compiled rule, where a double would cost an allocation per rule.
 */
export const NO_FIRST_DAY = -(2 ** 30);
export const NO_LAST_DAY = 2 ** 30 - 1;

/** How far COUNT is followed before giving up on a rule that hardly ever matches. */
const COUNT_HORIZON_DAYS = 100 * 366;

export interface CompiledRule {
  freq: Freq;
  interval: number;
  hasByday: boolean;
  /** Bit per weekday (Mo = bit 0) of BYDAY parts without an ordinal. */
  plainMask: number;
  /** Bit per weekday of all BYDAY parts; DAILY and WEEKLY ignore ordinals. */
  anyMask: number;
  /** BYDAY parts with an ordinal, as [n, weekday]. */
  ordinals: readonly [number, number][];
  monthdays: readonly number[] | null;
  /** Weekday that starts a week for WEEKLY periods (RFC 5545 WKST), Mo = 0. */
  wkst: number;
  /** dtstart, else valid_from; null if the rule has neither. */
  anchor: number | null;
  dtstart: number | null;
  /** Last day of the RRULE (UNTIL and, once worked out, COUNT); NO_LAST_DAY if open-ended. */
  until: number;
  count: number | null;
  countResolved: boolean;
  validFrom: number;
  validTo: number;
  exdates: ReadonlySet<number>;
  /** Sorted, unique. */
  rdates: readonly number[];
  open: number;
  close: number;
  /** closes_at at or before opens_at: the occurrence ends on the next day. */
  overnight: boolean;
  closedOnHolidays: boolean;
  /** False if the times cannot be read; such a rule yields nothing. */
  ok: boolean;
  /** The fields it was compiled from, kept inline (no array per rule; see compile()). */
  srcFreq: unknown;
  srcInterval: unknown;
  srcByday: unknown;
  srcBymonthday: unknown;
  srcDtstart: unknown;
  srcUntil: unknown;
  srcCount: unknown;
  srcWkst: unknown;
  srcOpensAt: unknown;
  srcClosesAt: unknown;
  srcValidFrom: unknown;
  srcValidTo: unknown;
  srcClosedOnHolidays: unknown;
  srcExdates: unknown;
  srcExdatesLength: unknown;
  srcRdates: unknown;
  srcRdatesLength: unknown;
}

interface ParsedByday {
  hasByday: boolean;
  plainMask: number;
  anyMask: number;
  ordinals: [number, number][];
}

/*
 * The same few BYDAY/BYMONTHDAY strings ("MO,TU,WE,TH", "-1WE") recur in thousands of
 * records, so their parsed forms are memoised (dates and times are parsed directly, which
 * is cheaper than a lookup). The maps are cleared when they grow large, which only costs
 * re-parsing.
 */
const MEMO_LIMIT = 5000;
const bydayMemo = new Map<string, ParsedByday>();
const monthdayMemo = new Map<string, number[] | null>();

function memo<V>(map: Map<string, V>, key: string, make: (k: string) => V): V {
  let v = map.get(key);
  if (v === undefined && !map.has(key)) {
    if (map.size >= MEMO_LIMIT) map.clear();
    v = make(key);
    map.set(key, v);
  }
  return v as V;
}

const NO_BYDAY: ParsedByday = { hasByday: false, plainMask: 0, anyMask: 0, ordinals: [] };

function parseByday(byday: string): ParsedByday {
  const out: ParsedByday = { hasByday: false, plainMask: 0, anyMask: 0, ordinals: [] };
  for (const raw of byday.split(',')) {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(raw.trim());
    if (!m) continue;
    const wd = WEEKDAY_CODES.indexOf(m[2] as (typeof WEEKDAY_CODES)[number]);
    const n = m[1] ? Number(m[1]) : 0;
    out.hasByday = true;
    out.anyMask |= 1 << wd;
    if (n === 0) out.plainMask |= 1 << wd;
    else out.ordinals.push([n, wd]);
  }
  return out;
}

function parseMonthdays(bymonthday: string): number[] | null {
  const days = bymonthday
    .split(',')
    .map((d) => Number(d.trim()))
    .filter((d) => Number.isInteger(d) && d !== 0 && d >= -31 && d <= 31);
  return days.length > 0 ? days : null;
}

const dayOf = parseIsoDay;

const EMPTY_SET: ReadonlySet<number> = new Set();
const EMPTY_LIST: readonly number[] = [];

function daySet(list: readonly string[] | undefined): ReadonlySet<number> {
  if (!list || list.length === 0) return EMPTY_SET;
  const out = new Set<number>();
  for (const iso of list) {
    const d = dayOf(iso);
    if (d !== null) out.add(d);
  }
  return out;
}

function compileRule(s: RecurrenceInput): CompiledRule {
  const open = parseWallTime(s.opens_at);
  const close = parseWallTime(s.closes_at);
  const dtstart = dayOf(s.dtstart);
  const validFrom = dayOf(s.valid_from);
  const validTo = dayOf(s.valid_to);
  const until = dayOf(s.until);
  const byday = s.byday ? memo(bydayMemo, s.byday, parseByday) : NO_BYDAY;
  const interval = Math.max(1, Math.floor(s.interval ?? 1) || 1);
  const count = s.count && s.count > 0 ? Math.floor(s.count) : null;
  return {
    freq: s.freq,
    interval,
    hasByday: byday.hasByday,
    plainMask: byday.plainMask,
    anyMask: byday.anyMask,
    ordinals: byday.ordinals,
    monthdays: s.bymonthday ? memo(monthdayMemo, s.bymonthday, parseMonthdays) : null,
    wkst: Math.max(0, WEEKDAY_CODES.indexOf(s.wkst as (typeof WEEKDAY_CODES)[number])),
    anchor: dtstart ?? validFrom,
    dtstart,
    until: until ?? NO_LAST_DAY,
    count,
    countResolved: count === null,
    validFrom: validFrom ?? NO_FIRST_DAY,
    validTo: validTo ?? NO_LAST_DAY,
    exdates: daySet(s.exdates),
    rdates:
      s.rdates && s.rdates.length > 0 ? [...daySet(s.rdates)].sort((a, b) => a - b) : EMPTY_LIST,
    open,
    close,
    overnight: close <= open,
    closedOnHolidays: s.closed_on_holidays !== false,
    ok: Number.isFinite(open) && Number.isFinite(close),
    srcFreq: s.freq,
    srcInterval: s.interval,
    srcByday: s.byday,
    srcBymonthday: s.bymonthday,
    srcDtstart: s.dtstart,
    srcUntil: s.until,
    srcCount: s.count,
    srcWkst: s.wkst,
    srcOpensAt: s.opens_at,
    srcClosesAt: s.closes_at,
    srcValidFrom: s.valid_from,
    srcValidTo: s.valid_to,
    srcClosedOnHolidays: s.closed_on_holidays,
    srcExdates: s.exdates,
    srcExdatesLength: s.exdates?.length,
    srcRdates: s.rdates,
    srcRdatesLength: s.rdates?.length,
  };
}

/**
 * Compiled rules by record. A WeakMap rather than a property on the record: a property
 * would give every record read from IndexedDB a new hidden class, and when those records
 * die, all code optimised for them is thrown away. The fields a rule was built from are
 * kept and compared on every use, so an object changed in place is compiled anew.
 */
const compiled = new WeakMap<RecurrenceInput, CompiledRule>();

function sameSource(c: CompiledRule, s: RecurrenceInput): boolean {
  return (
    c.srcFreq === s.freq &&
    c.srcInterval === s.interval &&
    c.srcByday === s.byday &&
    c.srcBymonthday === s.bymonthday &&
    c.srcDtstart === s.dtstart &&
    c.srcUntil === s.until &&
    c.srcCount === s.count &&
    c.srcWkst === s.wkst &&
    c.srcOpensAt === s.opens_at &&
    c.srcClosesAt === s.closes_at &&
    c.srcValidFrom === s.valid_from &&
    c.srcValidTo === s.valid_to &&
    c.srcClosedOnHolidays === s.closed_on_holidays &&
    c.srcExdates === s.exdates &&
    c.srcExdatesLength === s.exdates?.length &&
    c.srcRdates === s.rdates &&
    c.srcRdatesLength === s.rdates?.length
  );
}

export function compile(s: RecurrenceInput): CompiledRule {
  let c = compiled.get(s);
  if (!c || !sameSource(c, s)) {
    c = compileRule(s);
    compiled.set(s, c);
  }
  if (!c.countResolved) resolveCount(c);
  return c;
}

// ---------------------------------------------------------------------------------------
// Periods: one day (DAILY), week from WKST (WEEKLY), month (MONTHLY), year (YEARLY).

export function periodOf(c: CompiledRule, day: number): number {
  switch (c.freq) {
    case 'DAILY':
      return day;
    case 'WEEKLY':
      // Day 0 (1970-01-01) was a Thursday: day + 3 counts from a Monday.
      return Math.floor((day + 3 - c.wkst) / 7);
    case 'MONTHLY':
      return monthIndexOfDay(day);
    default:
      return Math.floor(monthIndexOfDay(day) / 12);
  }
}

export function periodStart(c: CompiledRule, p: number): number {
  switch (c.freq) {
    case 'DAILY':
      return p;
    case 'WEEKLY':
      return p * 7 - 3 + c.wkst;
    case 'MONTHLY': {
      const year = Math.floor(p / 12);
      return dayFromCivil(year, p - year * 12 + 1, 1);
    }
    default:
      return dayFromCivil(p, 1, 1);
  }
}

/** The first period at or after `p` that INTERVAL lets through. */
export function alignPeriod(c: CompiledRule, p: number): number {
  if (c.interval === 1) return p;
  const anchorP = periodOf(c, c.anchor ?? EPOCH_DAY);
  return anchorP + Math.ceil((p - anchorP) / c.interval) * c.interval;
}

export function isActivePeriod(c: CompiledRule, p: number): boolean {
  if (c.interval === 1) return true;
  const anchorP = periodOf(c, c.anchor ?? EPOCH_DAY);
  return (((p - anchorP) % c.interval) + c.interval) % c.interval === 0;
}

function monthdayMatches(monthdays: readonly number[], dom: number, dim: number): boolean {
  for (const md of monthdays) {
    if (md > 0 ? md === dom : dim + md + 1 === dom) return true;
  }
  return false;
}

/** Days of the month (ascending) that BYDAY/BYMONTHDAY select; `first` = day number of the 1st. */
function daysInMonthPeriod(c: CompiledRule, first: number, dim: number, out: number[]): void {
  const last = first + dim - 1;
  const start = out.length;
  if (c.hasByday) {
    const wdFirst = weekdayOf(first);
    for (let wd = 0; wd < 7; wd++) {
      if (!(c.plainMask & (1 << wd))) continue;
      for (let d = first + ((wd - wdFirst + 7) % 7); d <= last; d += 7) out.push(d);
    }
    for (const [n, wd] of c.ordinals) {
      const d =
        n > 0
          ? first + ((wd - wdFirst + 7) % 7) + (n - 1) * 7
          : last - ((weekdayOf(last) - wd + 7) % 7) + (n + 1) * 7;
      if (d >= first && d <= last) out.push(d);
    }
    if (c.monthdays) {
      const md = c.monthdays;
      let w = start;
      for (let i = start; i < out.length; i++) {
        const d = out[i] as number;
        if (monthdayMatches(md, d - first + 1, dim)) out[w++] = d;
      }
      out.length = w;
    }
  } else if (c.monthdays) {
    for (const md of c.monthdays) {
      const dom = md > 0 ? md : dim + md + 1;
      // Days that do not exist in this month (30 February, -31 in April) are skipped.
      if (dom >= 1 && dom <= dim) out.push(first + dom - 1);
    }
  } else if (c.anchor !== null) {
    const dom = civilFromDay(c.anchor).day;
    if (dom <= dim) out.push(first + dom - 1);
  }
  sortUnique(out, start);
}

/** Sorts out[start..] ascending and drops repeats, in place (a handful of days). */
function sortUnique(out: number[], start: number): void {
  const end = out.length;
  for (let i = start + 1; i < end; i++) {
    const v = out[i] as number;
    let j = i - 1;
    while (j >= start && (out[j] as number) > v) {
      out[j + 1] = out[j] as number;
      j--;
    }
    out[j + 1] = v;
  }
  let w = start + 1;
  for (let i = start + 1; i < end; i++) if (out[i] !== out[w - 1]) out[w++] = out[i] as number;
  if (end > start && w < end) out.length = w;
}

/** Candidate days of period `p` (ascending), before dtstart/until/count and exceptions. */
export function periodDays(c: CompiledRule, p: number, out: number[]): void {
  switch (c.freq) {
    case 'DAILY': {
      if (c.hasByday && !(c.anyMask & (1 << weekdayOf(p)))) return;
      if (c.monthdays) {
        const { year, month, day } = civilFromDay(p);
        if (!monthdayMatches(c.monthdays, day, daysInMonth(year, month))) return;
      }
      out.push(p);
      return;
    }
    case 'WEEKLY': {
      const start = p * 7 - 3 + c.wkst;
      const mask = c.hasByday ? c.anyMask : c.anchor !== null ? 1 << weekdayOf(c.anchor) : 0;
      for (let k = 0; k < 7; k++) {
        if (!(mask & (1 << ((c.wkst + k) % 7)))) continue;
        const d = start + k;
        if (c.monthdays) {
          const { year, month, day } = civilFromDay(d);
          if (!monthdayMatches(c.monthdays, day, monthLength(year, month))) continue;
        }
        out.push(d);
      }
      return;
    }
    case 'MONTHLY': {
      const year = Math.floor(p / 12);
      const month = p - year * 12 + 1;
      daysInMonthPeriod(c, dayFromCivil(year, month, 1), monthLength(year, month), out);
      return;
    }
    default:
      yearDays(c, p, out);
  }
}

const monthLength = daysInMonth;

function yearDays(c: CompiledRule, year: number, out: number[]): void {
  const jan1 = dayFromCivil(year, 1, 1);
  const dec31 = dayFromCivil(year, 12, 31);
  const start = out.length;
  if (c.hasByday) {
    const wdFirst = weekdayOf(jan1);
    for (let wd = 0; wd < 7; wd++) {
      if (!(c.plainMask & (1 << wd))) continue;
      for (let d = jan1 + ((wd - wdFirst + 7) % 7); d <= dec31; d += 7) out.push(d);
    }
    for (const [n, wd] of c.ordinals) {
      const d =
        n > 0
          ? jan1 + ((wd - wdFirst + 7) % 7) + (n - 1) * 7
          : dec31 - ((weekdayOf(dec31) - wd + 7) % 7) + (n + 1) * 7;
      if (d >= jan1 && d <= dec31) out.push(d);
    }
    if (c.monthdays) {
      const md = c.monthdays;
      let w = start;
      for (let i = start; i < out.length; i++) {
        const d = out[i] as number;
        const civil = civilFromDay(d);
        if (monthdayMatches(md, civil.day, monthLength(civil.year, civil.month))) out[w++] = d;
      }
      out.length = w;
    }
    sortUnique(out, start);
  } else if (c.monthdays) {
    for (let m = 1; m <= 12; m++)
      daysInMonthPeriod(c, dayFromCivil(year, m, 1), monthLength(year, m), out);
  } else if (c.anchor !== null) {
    const { month, day } = civilFromDay(c.anchor);
    // 29 February only in leap years (RFC 5545: invalid dates are ignored).
    if (day <= monthLength(year, month)) out.push(dayFromCivil(year, month, day));
  }
}

/** Does the RRULE's pattern (ignoring dtstart/until/count/exceptions) produce `day`? */
export function patternHas(c: CompiledRule, day: number): boolean {
  const p = periodOf(c, day);
  if (!isActivePeriod(c, p)) return false;
  switch (c.freq) {
    case 'DAILY':
    case 'WEEKLY': {
      const wd = weekdayOf(day);
      if (c.freq === 'WEEKLY' && !c.hasByday) {
        if (c.anchor === null || weekdayOf(c.anchor) !== wd) return false;
      } else if (c.hasByday && !(c.anyMask & (1 << wd))) return false;
      if (c.monthdays) {
        const civil = civilFromDay(day);
        return monthdayMatches(c.monthdays, civil.day, monthLength(civil.year, civil.month));
      }
      return true;
    }
    case 'MONTHLY': {
      const { year, month, day: dom } = civilFromDay(day);
      const dim = monthLength(year, month);
      if (c.hasByday) {
        const wd = weekdayOf(day);
        let hit = (c.plainMask & (1 << wd)) !== 0;
        for (let i = 0; !hit && i < c.ordinals.length; i++) {
          const [n, owd] = c.ordinals[i] as [number, number];
          if (owd !== wd) continue;
          hit = n > 0 ? Math.ceil(dom / 7) === n : -Math.ceil((dim - dom + 1) / 7) === n;
        }
        if (!hit) return false;
        return c.monthdays ? monthdayMatches(c.monthdays, dom, dim) : true;
      }
      if (c.monthdays) return monthdayMatches(c.monthdays, dom, dim);
      return c.anchor !== null && civilFromDay(c.anchor).day === dom;
    }
    default: {
      const out: number[] = [];
      yearDays(c, p, out);
      return out.includes(day);
    }
  }
}

/**
 * COUNT is counted from dtstart (RFC 5545); once the count-th day is known it works like
 * UNTIL, so later windows need not start counting from the beginning again.
 */
function resolveCount(c: CompiledRule): void {
  c.countResolved = true;
  const count = c.count;
  if (count === null) return;
  const from = c.dtstart ?? c.anchor ?? EPOCH_DAY;
  const horizon = Math.min(c.until, from + COUNT_HORIZON_DAYS);
  const days: number[] = [];
  let seen = 0;
  for (let p = alignPeriod(c, periodOf(c, from)); periodStart(c, p) <= horizon; p += c.interval) {
    days.length = 0;
    periodDays(c, p, days);
    for (const d of days) {
      if (d < from || d > horizon) continue;
      if (++seen === count) {
        c.until = Math.min(c.until, d);
        return;
      }
    }
  }
}

/** RRULE days in [fromDay, toDay], ascending; dtstart, until, count and validity applied. */
export function ruleDays(c: CompiledRule, fromDay: number, toDay: number, out: number[]): void {
  const lo = Math.max(fromDay, c.dtstart ?? NO_FIRST_DAY, c.validFrom);
  const hi = Math.min(toDay, c.until, c.validTo);
  if (!(lo <= hi)) return;
  for (let p = alignPeriod(c, periodOf(c, lo)); periodStart(c, p) <= hi; p += c.interval) {
    const from = out.length;
    periodDays(c, p, out);
    // Keep only the days inside [lo, hi], in place (no temporary array on the hot path).
    let w = from;
    for (let i = from; i < out.length; i++) {
      const d = out[i] as number;
      if (d >= lo && d <= hi) out[w++] = d;
    }
    if (w < out.length) out.length = w;
  }
}

/** Is `day` produced by the RRULE, with dtstart, until, count and validity applied? */
export function ruleHas(c: CompiledRule, day: number): boolean {
  if (day < c.validFrom || day > c.validTo || day > c.until) return false;
  if (c.dtstart !== null && day < c.dtstart) return false;
  return patternHas(c, day);
}
