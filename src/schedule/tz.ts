/**
 * Europe/Berlin wall clock ↔ instants, with the platform's time zone data (Intl) instead
 * of a bundled tz library. Intl is slow per call, so each year's UTC offset changes are
 * found once (a handful of Intl calls) and every later lookup is arithmetic.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from './days';
import { TIME_ZONE } from './zone';

export { TIME_ZONE };

let formatter: Intl.DateTimeFormat | null = null;

/** UTC offset of Berlin in minutes at an instant, straight from Intl (slow; for setup and tests). */
export function intlOffsetMinutes(ms: number): number {
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const minute = Math.floor(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
  const p: Record<string, number> = {};
  for (const part of formatter.formatToParts(minute)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    (p.hour ?? 0) % 24,
    p.minute ?? 0,
  );
  return Math.round((wall - minute) / MS_PER_MINUTE);
}

interface YearZone {
  start: number;
  end: number;
  startOffset: number;
  /** Offset changes inside the year: from `at` on, `offset` applies. */
  changes: { at: number; offset: number }[];
}

const years = new Map<number, YearZone>();
let last: YearZone | null = null;

const SAMPLE_STEP = 7 * MS_PER_DAY;

function buildYear(year: number): YearZone {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const startOffset = intlOffsetMinutes(start);
  const changes: YearZone['changes'] = [];
  let prevT = start;
  let prevO = startOffset;
  // Weekly samples find every change (zones do not flip twice within a week); a binary
  // search then pins each one to the minute.
  for (let t = Math.min(start + SAMPLE_STEP, end); ; t = Math.min(t + SAMPLE_STEP, end)) {
    const o = intlOffsetMinutes(t);
    if (o !== prevO) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > MS_PER_MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
        if (intlOffsetMinutes(mid) === prevO) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, offset: o });
    }
    prevT = t;
    prevO = o;
    if (t >= end) break;
  }
  // A change exactly at the next new year belongs to that year.
  const inYear = changes.filter((c) => c.at < end);
  return { start, end, startOffset, changes: inYear };
}

let other: YearZone | null = null;

function yearZone(ms: number): YearZone {
  if (last && ms >= last.start && ms < last.end) return last;
  // Two slots: windows around New Year alternate between two years.
  if (other && ms >= other.start && ms < other.end) {
    const z = other;
    other = last;
    last = z;
    return z;
  }
  const year = new Date(ms).getUTCFullYear();
  let zone = years.get(year);
  if (!zone) {
    zone = buildYear(year);
    years.set(year, zone);
  }
  other = last;
  last = zone;
  return zone;
}

/** UTC offset of Berlin in minutes (60 or 120) at an instant. */
export function offsetAt(ms: number): number {
  const zone = yearZone(ms);
  let offset = zone.startOffset;
  for (const c of zone.changes) {
    if (ms >= c.at) offset = c.offset;
    else break;
  }
  return offset;
}

/**
 * The instant of a Berlin wall-clock time (day number + minutes after midnight).
 * RFC 5545 §3.3.5: a time in the spring-forward gap is read with the offset before the
 * gap (02:30 → 03:30 CEST); a time that occurs twice in autumn means the first one.
 */
export function wallToInstant(day: number, minute: number): number {
  const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
  // Fast path: no offset change within a day either side, as on all but two days a year.
  const zone = yearZone(wall);
  if (wall - MS_PER_DAY >= zone.start && wall + MS_PER_DAY < zone.end) {
    let offset = zone.startOffset;
    let near = false;
    for (const c of zone.changes) {
      if (Math.abs(c.at - wall) <= 2 * MS_PER_DAY) near = true;
      if (wall >= c.at) offset = c.offset;
    }
    if (!near) return wall - offset * MS_PER_MINUTE;
  }
  const before = offsetAt(wall - MS_PER_DAY);
  const after = offsetAt(wall + MS_PER_DAY);
  const a = wall - before * MS_PER_MINUTE;
  if (before === after) return a;
  const b = wall - after * MS_PER_MINUTE;
  const aValid = offsetAt(a) === before;
  const bValid = offsetAt(b) === after;
  if (aValid && bValid) return Math.min(a, b);
  if (bValid) return b;
  return a;
}

export interface Wall {
  day: number;
  minute: number;
}

/** Berlin calendar day and minute of an instant. */
export function instantToWall(ms: number): Wall {
  const wall = ms + offsetAt(ms) * MS_PER_MINUTE;
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, minute: Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE) };
}

/** Berlin calendar day of an instant. */
export function dayOfInstant(ms: number): number {
  return Math.floor((ms + offsetAt(ms) * MS_PER_MINUTE) / MS_PER_DAY);
}

/**
 * The Berlin calendar day of an instant as "2026-11-19" (pass `now` for today), whatever
 * zone the phone is set to: opening days, hand-overs and "geprüft am" refer to the place.
 */
export function berlinDate(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
  return new Date(dayOfInstant(ms) * MS_PER_DAY).toISOString().slice(0, 10);
}
