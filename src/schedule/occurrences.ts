/**
 * The instant-level API: occurrences as real start/end instants, "open now", the next
 * dates across several schedules, and cancelled dates for the UI and the calendar export.
 */
import { type EngineOptions, getDefaultLand } from './config';
import { MS_PER_MINUTE } from './days';
import { type Bundesland, type HolidayKey, holidayOn } from './holidays';
import { type CompiledRule, compile, type RecurrenceInput, ruleDays, ruleHas } from './rule';
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

function cancellationOf(c: CompiledRule, day: number, land: Bundesland): Cancellation | null {
  if (c.exdates.has(day)) return { reason: 'exdate' };
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

/** Days that surely hold one period of the rule: the first window to look in. */
function firstSpan(c: CompiledRule): number {
  const period = c.freq === 'DAILY' ? 1 : c.freq === 'WEEKLY' ? 7 : c.freq === 'MONTHLY' ? 31 : 366;
  return period * c.interval + 1;
}

/**
 * Walks one schedule's days from `fromDay` on in doubling windows, until `visit` says
 * stop, the rule can have no more dates, or the horizon is reached.
 */
function scanAhead(
  c: CompiledRule,
  fromDay: number,
  land: Bundesland,
  visit: (day: number, cancelled: Cancellation | null) => boolean | undefined,
): void {
  const lastRdate = c.rdates[c.rdates.length - 1] ?? Number.NEGATIVE_INFINITY;
  const lastDay = Math.min(Math.max(Math.min(c.until, c.validTo), lastRdate), c.validTo);
  const end = Math.min(lastDay, fromDay + HORIZON_DAYS - 1);
  for (let lo = fromDay, span = firstSpan(c); lo <= end; span *= 2) {
    const hi = Math.min(end, lo + span - 1);
    if (visitDays(c, lo, hi, land, visit)) return;
    lo = hi + 1;
  }
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
  // Plain numbers while searching; Date objects only for the few that are returned.
  const found: { start: number; day: number; index: number; c: CompiledRule }[] = [];
  for (let index = 0; index < schedules.length; index++) {
    const c = compile(schedules[index] as S);
    if (!c.ok) continue;
    let taken = 0;
    scanAhead(c, fromDay, land, (day, cancelled) => {
      if (cancelled) return false;
      const start = startOf(c, day);
      if (start < ms) return false;
      found.push({ start, day, index, c });
      return ++taken >= n;
    });
  }
  // Equal starts keep the order of the schedules.
  found.sort((a, b) => a.start - b.start || a.index - b.index);
  return found.slice(0, n).map(({ start, day, index, c }) => ({
    start: new Date(start),
    end: new Date(endOf(c, day)),
    schedule: schedules[index] as S,
  }));
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
    scanAhead(c, fromDay, land, (day, cancelled) => {
      const end = endOf(c, day);
      if (end <= ms) return false;
      list.push({ start: new Date(startOf(c, day)), end: new Date(end), schedule, cancelled });
      if (!cancelled) taking++;
      return taking >= n;
    });
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
