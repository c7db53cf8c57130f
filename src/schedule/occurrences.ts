/**
 * The instant-level API: occurrences as real start/end instants, "open now", the next
 * dates across several schedules, and cancelled dates for the UI and the calendar export.
 */
import { type EngineOptions, getDefaultLand } from './config';
import { MS_PER_MINUTE } from './days';
import { type Bundesland, type HolidayKey, holidayOn } from './holidays';
import {
  alignPeriod,
  type CompiledRule,
  compile,
  periodDays,
  periodOf,
  periodStart,
  type RecurrenceInput,
  ruleDays,
  ruleHas,
} from './rule';
import { dayOfInstant, instantToWall, wallToInstant } from './tz';

export interface Occurrence {
  start: Date;
  end: Date;
}

/** Why a date the schedule would otherwise have does not take place. */
export type Cancellation = { reason: 'exdate' } | { reason: 'holiday'; holiday: HolidayKey };

export interface ScheduledOccurrence<S> extends Occurrence {
  schedule: S;
}

export interface DatedOccurrence<S> extends ScheduledOccurrence<S> {
  /** Set for a date that is struck out: "fällt aus". */
  cancelled: Cancellation | null;
}

const landOf = (opts?: EngineOptions): Bundesland => opts?.land ?? getDefaultLand();

export function startOf(c: CompiledRule, day: number): number {
  return wallToInstant(day, c.open);
}

/**
 * closes_at read on the wall clock ("bis 17 Uhr"). Only when the spring-forward gap moved
 * the start past it (02:30–02:50 → 03:30) does the length of the hours apply instead.
 */
export function endOf(c: CompiledRule, day: number): number {
  const end = wallToInstant(c.overnight ? day + 1 : day, c.close);
  const start = startOf(c, day);
  if (end > start) return end;
  const minutes = c.overnight ? c.close + 1440 - c.open : c.close - c.open;
  return start + minutes * MS_PER_MINUTE;
}

const EXDATE: Cancellation = Object.freeze({ reason: 'exdate' });

function cancellationOf(c: CompiledRule, day: number, land: Bundesland): Cancellation | null {
  if (c.exdates.has(day)) return EXDATE;
  if (c.closedOnHolidays) {
    const holiday = holidayOn(day, land);
    if (holiday) return { reason: 'holiday', holiday };
  }
  return null;
}

/**
 * Days in [fromDay, toDay] from the RRULE and RDATEs, ascending, clipped to the validity;
 * `visit` gets each with its cancellation (EXDATE or holiday) or null, and may return
 * true to stop; the result says whether it did.
 */
const scratch: number[] = [];

export function visitDays(
  c: CompiledRule,
  fromDay: number,
  toDay: number,
  land: Bundesland,
  visit: (day: number, cancelled: Cancellation | null) => boolean | undefined,
): boolean {
  // One scratch array for all calls: visitors never call back into the engine.
  const days = scratch;
  days.length = 0;
  ruleDays(c, fromDay, toDay, days);
  if (c.rdates.length > 0) {
    const lo = Math.max(fromDay, c.validFrom);
    const hi = Math.min(toDay, c.validTo);
    let added = false;
    for (const d of c.rdates) {
      if (d >= lo && d <= hi && !days.includes(d)) {
        days.push(d);
        added = true;
      }
    }
    if (added) days.sort((a, b) => a - b);
  }
  for (const day of days) {
    if (visit(day, cancellationOf(c, day, land))) return true;
  }
  return false;
}

/**
 * Occurrences that start in [from, to), sorted, as real instants. opens_at/closes_at are
 * Berlin wall-clock times; closes_at at or before opens_at ends on the next day.
 */
export function occurrences(
  schedule: RecurrenceInput,
  from: Date,
  to: Date,
  opts?: EngineOptions,
): Occurrence[] {
  const c = compile(schedule);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const out: Occurrence[] = [];
  if (!c.ok || !(fromMs < toMs)) return out;
  visitDays(c, dayOfInstant(fromMs), dayOfInstant(toMs), landOf(opts), (day, cancelled) => {
    if (cancelled) return;
    const start = startOf(c, day);
    if (start >= fromMs && start < toMs) {
      out.push({ start: new Date(start), end: new Date(endOf(c, day)) });
    }
  });
  return out;
}

/** Like occurrences(), but cancelled dates stay in, marked. */
export function occurrencesWithCancellations<S extends RecurrenceInput>(
  schedule: S,
  from: Date,
  to: Date,
  opts?: EngineOptions,
): DatedOccurrence<S>[] {
  const c = compile(schedule);
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const out: DatedOccurrence<S>[] = [];
  if (!c.ok || !(fromMs < toMs)) return out;
  visitDays(c, dayOfInstant(fromMs), dayOfInstant(toMs), landOf(opts), (day, cancelled) => {
    const start = startOf(c, day);
    if (start >= fromMs && start < toMs) {
      out.push({ start: new Date(start), end: new Date(endOf(c, day)), schedule, cancelled });
    }
  });
  return out;
}

/** Does the schedule take place on `day` (RRULE or RDATE, not cancelled, within validity)? */
function takesPlace(c: CompiledRule, day: number, land: Bundesland): boolean {
  if (day < c.validFrom || day > c.validTo) return false;
  if (!ruleHas(c, day) && !c.rdates.includes(day)) return false;
  return cancellationOf(c, day, land) === null;
}

/** The occurrence of these schedules running at `at` (the one ending last), or null. */
export function openOccurrenceAt<S extends RecurrenceInput>(
  schedules: readonly S[],
  at: Date,
  opts?: EngineOptions,
): ScheduledOccurrence<S> | null {
  const ms = at.getTime();
  if (Number.isNaN(ms)) return null;
  const land = landOf(opts);
  const today = instantToWall(ms).day;
  let best: { start: number; end: number; schedule: S } | null = null;
  for (const schedule of schedules) {
    const c = compile(schedule);
    if (!c.ok) continue;
    // An occurrence that started yesterday can still run if it goes past midnight.
    for (let day = c.overnight ? today - 1 : today; day <= today; day++) {
      if (!takesPlace(c, day, land)) continue;
      const start = startOf(c, day);
      if (start > ms) continue;
      const end = endOf(c, day);
      if (ms < end && (!best || end > best.end)) best = { start, end, schedule };
    }
  }
  return best && { start: new Date(best.start), end: new Date(best.end), schedule: best.schedule };
}

export function isOpenAt(
  schedules: readonly RecurrenceInput[],
  at: Date,
  opts?: EngineOptions,
): boolean {
  return openOccurrenceAt(schedules, at, opts) !== null;
}

/** How far ahead a next date is looked for: ~5.6 years. */
const HORIZON_DAYS = 2048;

type DayVisitor<T> = (ctx: T, day: number, cancelled: Cancellation | null) => boolean | undefined;

/** One period's candidate days; scanAhead is never re-entered from a visitor. */
const periodScratch: number[] = [];

/**
 * Walks one schedule's days (RRULE and RDATEs, ascending, within validity) from `fromDay`
 * on, period by period, until `visit` says stop, the rule can have no more dates, or the
 * horizon is reached. Visitors get a context instead of being closures: the next date of
 * thousands of offers is asked for on every list render, and garbage there means GC pauses.
 */
function scanAhead<T>(
  c: CompiledRule,
  fromDay: number,
  land: Bundesland,
  visit: DayVisitor<T>,
  ctx: T,
): void {
  const lo = Math.max(fromDay, c.validFrom);
  const hi = Math.min(fromDay + HORIZON_DAYS - 1, c.validTo);
  const ruleLo = c.dtstart === null ? lo : Math.max(lo, c.dtstart);
  const ruleHi = Math.min(hi, c.until);
  const rdates = c.rdates;
  let r = 0;
  while (r < rdates.length && (rdates[r] as number) < lo) r++;
  if (ruleLo <= ruleHi) {
    const days = periodScratch;
    for (
      let p = alignPeriod(c, periodOf(c, ruleLo));
      periodStart(c, p) <= ruleHi;
      p += c.interval
    ) {
      // Appended, not cleared per period: truncating to zero drops the backing store.
      if (days.length > 512) days.length = 0;
      const first = days.length;
      periodDays(c, p, days);
      for (let i = first; i < days.length; i++) {
        const day = days[i] as number;
        if (day < ruleLo) continue;
        if (day > ruleHi) break;
        // RDATEs before this day come first; one on the same day is the same date.
        for (; r < rdates.length && (rdates[r] as number) <= day; r++) {
          const rd = rdates[r] as number;
          if (rd < day && visit(ctx, rd, cancellationOf(c, rd, land))) return;
        }
        if (visit(ctx, day, cancellationOf(c, day, land))) return;
      }
    }
  }
  for (; r < rdates.length && (rdates[r] as number) <= hi; r++) {
    const rd = rdates[r] as number;
    if (visit(ctx, rd, cancellationOf(c, rd, land))) return;
  }
}

/**
 * The best `n` dates found so far, ascending by start, then by schedule order. The arrays
 * are reused across calls and only grow; `size` says how much of them is in use.
 */
interface NextSearch {
  ms: number;
  n: number;
  size: number;
  c: CompiledRule | null;
  index: number;
  taken: number;
  starts: number[];
  days: number[];
  owners: number[];
  rules: (CompiledRule | null)[];
}

/** Reused by every call (the engine is synchronous and never re-entered). */
const nextSearch: NextSearch = {
  ms: 0,
  n: 0,
  size: 0,
  c: null,
  index: 0,
  taken: 0,
  starts: [],
  days: [],
  owners: [],
  rules: [],
};

function takeNext(s: NextSearch, day: number, cancelled: Cancellation | null): boolean {
  if (cancelled) return false;
  const c = s.c as CompiledRule;
  const start = startOf(c, day);
  if (start < s.ms) return false;
  const { starts, days, owners, rules } = s;
  let i = s.size;
  while (i > 0 && (starts[i - 1] as number) > start) i--;
  // A schedule's later dates start later still: once one misses the list, all do.
  if (i >= s.n) return true;
  if (s.size < s.n) s.size++;
  for (let j = s.size - 1; j > i; j--) {
    starts[j] = starts[j - 1] as number;
    days[j] = days[j - 1] as number;
    owners[j] = owners[j - 1] as number;
    rules[j] = rules[j - 1] as CompiledRule;
  }
  starts[i] = start;
  days[i] = day;
  owners[i] = s.index;
  rules[i] = c;
  return ++s.taken >= s.n;
}

/** The next `n` occurrences starting at or after `after`, merged across the schedules. */
export function nextOccurrences<S extends RecurrenceInput>(
  schedules: readonly S[],
  after: Date,
  n: number,
  opts?: EngineOptions,
): ScheduledOccurrence<S>[] {
  const ms = after.getTime();
  if (Number.isNaN(ms) || n <= 0) return [];
  const land = landOf(opts);
  const fromDay = dayOfInstant(ms);
  // Plain numbers in reused arrays while searching; Date objects only for the results.
  const search = nextSearch;
  search.ms = ms;
  search.n = n;
  search.size = 0;
  for (let index = 0; index < schedules.length; index++) {
    const c = compile(schedules[index] as S);
    if (!c.ok) continue;
    search.c = c;
    search.index = index;
    search.taken = 0;
    scanAhead(c, fromDay, land, takeNext, search);
  }
  const out = new Array<ScheduledOccurrence<S>>(search.size);
  for (let i = 0; i < search.size; i++) {
    out[i] = {
      start: new Date(search.starts[i] as number),
      end: new Date(endOf(search.rules[i] as CompiledRule, search.days[i] as number)),
      schedule: schedules[search.owners[i] as number] as S,
    };
    search.rules[i] = null;
  }
  search.c = null;
  return out;
}

/**
 * For the screens: occurrences that have not ended at `at` (a running one first), up to
 * `n` that take place, plus the cancelled dates before the last of them ("fällt aus").
 */
export function upcomingWithCancellations<S extends RecurrenceInput>(
  schedules: readonly S[],
  at: Date,
  n: number,
  opts?: EngineOptions,
): DatedOccurrence<S>[] {
  const ms = at.getTime();
  if (Number.isNaN(ms) || n <= 0) return [];
  const land = landOf(opts);
  const fromDay = dayOfInstant(ms) - 1;
  const lists: DatedOccurrence<S>[][] = [];
  for (const schedule of schedules) {
    const c = compile(schedule);
    if (!c.ok) continue;
    const list: DatedOccurrence<S>[] = [];
    let taking = 0;
    scanAhead(
      c,
      fromDay,
      land,
      (_, day, cancelled) => {
        const end = endOf(c, day);
        if (end <= ms) return false;
        list.push({ start: new Date(startOf(c, day)), end: new Date(end), schedule, cancelled });
        if (!cancelled) taking++;
        return taking >= n;
      },
      null,
    );
    lists.push(list);
  }
  const all = lists.flat().sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: DatedOccurrence<S>[] = [];
  let taking = 0;
  for (const o of all) {
    if (taking >= n) break;
    out.push(o);
    if (!o.cancelled) taking++;
  }
  return out;
}
