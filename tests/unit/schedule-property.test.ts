/**
 * Property tests: for any schedule the engine's dates are sorted, inside the window, free
 * of duplicates, never on an exdate or (when closed) a holiday, start at opens_at on the
 * Berlin wall clock (also on DST days), and equal a naive day-by-day oracle written here
 * independently of the engine's period arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  holidaysOfYear,
  isOpenAt,
  nextOccurrences,
  occurrences,
  occurrencesWithCancellations,
  type RecurrenceInput,
  upcomingWithCancellations,
} from '../../src/schedule';

const DAY = 86_400_000;
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** Berlin wall clock via Intl only: ["2026-03-29", "03:30"]. */
function berlin(d: Date): [string, string] {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`];
}

// ---- arbitraries ---------------------------------------------------------------------

/** Dates 2025–2028, with extra weight on the DST Sundays. */
const isoDay = fc.oneof(
  fc
    .integer({ min: Date.UTC(2025, 0, 1) / DAY, max: Date.UTC(2028, 11, 31) / DAY })
    .map((n) => new Date(n * DAY).toISOString().slice(0, 10)),
  fc.constantFrom('2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'),
);

const hhmm = fc
  .oneof(
    fc.integer({ min: 0, max: 23 * 60 + 59 }),
    // The hours around the switch, where a wall-clock time may not exist or exist twice.
    fc.integer({ min: 60, max: 3 * 60 + 59 }),
  )
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

const byday = (ordinals: boolean) =>
  fc
    .uniqueArray(
      fc.record({
        wd: fc.constantFrom(...CODES),
        n: ordinals ? fc.constantFrom(0, 0, 1, 2, 3, 4, 5, -1, -2) : fc.constant(0),
      }),
      { minLength: 1, maxLength: 4, selector: (p) => `${p.n}${p.wd}` },
    )
    .map((ps) => ps.map((p) => `${p.n || ''}${p.wd}`).join(','));

const bymonthday = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -31, max: -1 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((ds) => ds.join(','));

const schedule: fc.Arbitrary<RecurrenceInput> = fc
  .constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY')
  .chain((freq) =>
    fc.record({
      freq: fc.constant(freq),
      interval: fc.integer({ min: 1, max: freq === 'DAILY' ? 10 : 4 }),
      byday: fc.option(byday(freq === 'MONTHLY' || freq === 'YEARLY'), { nil: null }),
      bymonthday: fc.option(bymonthday, { nil: null, freq: 4 }),
      dtstart: fc.option(isoDay, { nil: null, freq: 3 }),
      until: fc.option(isoDay, { nil: null, freq: 3 }),
      count: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 4 }),
      wkst: fc.option(fc.constantFrom(...CODES), { nil: null }),
      opens_at: hhmm,
      closes_at: hhmm,
      valid_from: fc.option(isoDay, { nil: null, freq: 3 }),
      valid_to: fc.option(isoDay, { nil: null, freq: 3 }),
      exdates: fc.array(isoDay, { maxLength: 8 }),
      rdates: fc.array(isoDay, { maxLength: 4 }),
      closed_on_holidays: fc.boolean(),
    }),
  );

/** A window of up to ~15 months somewhere in 2025–2027. */
const window = fc
  .record({
    start: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
    days: fc.integer({ min: 1, max: 450 }),
  })
  .map(({ start, days }) => ({ from: new Date(start), to: new Date(start + days * DAY) }));

// ---- independent oracle ----------------------------------------------------------------

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const weekday = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
/** Start of the week that holds `ms`, weeks starting on weekday `wkst` (Monday = 0). */
const weekStart = (ms: number, wkst: number) => ms - ((weekday(ms) - wkst + 7) % 7) * DAY;
const monthIdx = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();

function matchesOrdinal(ms: number, n: number, unit: 'month' | 'year'): boolean {
  const d = new Date(ms);
  const sameUnit = (x: number) =>
    new Date(x).getUTCFullYear() === d.getUTCFullYear() &&
    (unit === 'year' || new Date(x).getUTCMonth() === d.getUTCMonth());
  let k = 0;
  if (n > 0) {
    for (let x = ms; sameUnit(x); x -= 7 * DAY) k++;
    return k === n;
  }
  for (let x = ms; sameUnit(x); x += 7 * DAY) k++;
  return k === -n;
}

function monthdayOk(ms: number, days: number[]): boolean {
  const d = new Date(ms);
  const dom = d.getUTCDate();
  const dim = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return days.some((md) => (md > 0 ? md === dom : dim + md + 1 === dom));
}

function patternOk(s: RecurrenceInput, ms: number): boolean {
  const anchorIso = s.dtstart ?? s.valid_from ?? null;
  const anchor = utc(anchorIso ?? '2024-01-01');
  const interval = s.interval ?? 1;
  const wkst = s.wkst ? CODES.indexOf(s.wkst) : 0;
  const diff = {
    DAILY: Math.round((ms - anchor) / DAY),
    WEEKLY: Math.round((weekStart(ms, wkst) - weekStart(anchor, wkst)) / (7 * DAY)),
    MONTHLY: monthIdx(ms) - monthIdx(anchor),
    YEARLY: new Date(ms).getUTCFullYear() - new Date(anchor).getUTCFullYear(),
  }[s.freq];
  if (((diff % interval) + interval) % interval !== 0) return false;
  const byday = (s.byday ?? '')
    .split(',')
    .filter(Boolean)
    .map((p) => ({ n: Number(p.slice(0, -2) || 0), wd: CODES.indexOf(p.slice(-2) as never) }));
  const mdays = s.bymonthday ? s.bymonthday.split(',').map(Number) : null;
  const wd = weekday(ms);
  const d = new Date(ms);
  if (s.freq === 'DAILY' || s.freq === 'WEEKLY') {
    if (byday.length > 0) {
      if (!byday.some((p) => p.wd === wd)) return false;
    } else if (s.freq === 'WEEKLY') {
      if (anchorIso === null || weekday(utc(anchorIso)) !== wd) return false;
    }
    return mdays ? monthdayOk(ms, mdays) : true;
  }
  const unit = s.freq === 'MONTHLY' ? 'month' : 'year';
  if (byday.length > 0) {
    const hit = byday.some((p) => p.wd === wd && (p.n === 0 || matchesOrdinal(ms, p.n, unit)));
    return hit && (mdays ? monthdayOk(ms, mdays) : true);
  }
  if (mdays) return monthdayOk(ms, mdays);
  if (anchorIso === null) return false;
  const a = new Date(utc(anchorIso));
  return (
    a.getUTCDate() === d.getUTCDate() && (unit === 'month' || a.getUTCMonth() === d.getUTCMonth())
  );
}

/** Days (ISO) the schedule takes place in [fromIso, toIso], walking day by day. */
function oracle(s: RecurrenceInput, fromIso: string, toIso: string): string[] {
  const from = utc(fromIso);
  const to = utc(toIso);
  const origin = utc(s.dtstart ?? s.valid_from ?? '2024-01-01');
  const until = s.until ? utc(s.until) : Number.POSITIVE_INFINITY;
  const days = new Set<string>();
  let counted = 0;
  for (let ms = Math.min(origin, from); ms <= Math.min(to, until); ms += DAY) {
    if (s.dtstart && ms < utc(s.dtstart)) continue;
    if (s.count && ms < origin) continue;
    if (!patternOk(s, ms)) continue;
    counted++;
    if (s.count && counted > s.count) break;
    if (ms >= from) days.add(isoOf(ms));
  }
  for (const r of s.rdates ?? []) if (utc(r) >= from && utc(r) <= to) days.add(r);
  return [...days]
    .filter((iso) => !(s.valid_from && iso < s.valid_from) && !(s.valid_to && iso > s.valid_to))
    .filter((iso) => !(s.exdates ?? []).includes(iso))
    .filter((iso) => s.closed_on_holidays === false || !isHoliday(iso))
    .sort();
}

function isHoliday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const day = utc(iso) / DAY;
  return holidaysOfYear(year, 'NW').has(day);
}

/** What opens_at becomes on the wall clock: +1 h inside the spring-forward gap. */
function expectedWall(iso: string, opensAt: string): string {
  const springSundays = ['2025-03-30', '2026-03-29', '2027-03-28', '2028-03-26'];
  if (springSundays.includes(iso) && opensAt.startsWith('02:')) return `03:${opensAt.slice(3)}`;
  return opensAt;
}

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS) || 400 };

describe('schedule properties', () => {
  it('sorted, inside the window, no duplicates, end after start', () => {
    fc.assert(
      fc.property(schedule, window, (s, { from, to }) => {
        const list = occurrences(s, from, to);
        for (let i = 0; i < list.length; i++) {
          const o = list[i]!;
          expect(o.start.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(o.start.getTime()).toBeLessThan(to.getTime());
          expect(o.end.getTime()).toBeGreaterThan(o.start.getTime());
          if (i > 0) expect(o.start.getTime()).toBeGreaterThan(list[i - 1]!.start.getTime());
        }
      }),
      RUNS,
    );
  });

  it('nothing on an exdate, nothing on a holiday when closed', () => {
    fc.assert(
      fc.property(schedule, window, (s, { from, to }) => {
        for (const o of occurrences(s, from, to)) {
          const [iso] = berlin(o.start);
          expect(s.exdates).not.toContain(iso);
          if (s.closed_on_holidays !== false) expect(isHoliday(iso)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('starts at opens_at on the Berlin wall clock, also on DST days', () => {
    fc.assert(
      fc.property(schedule, window, (s, { from, to }) => {
        for (const o of occurrences(s, from, to)) {
          const [iso, time] = berlin(o.start);
          expect(time).toBe(expectedWall(iso, s.opens_at));
        }
      }),
      RUNS,
    );
  });

  it('gives the same days as a naive day-by-day oracle', () => {
    fc.assert(
      fc.property(schedule, window, (s, { from, to }) => {
        // Whole days strictly inside the window, so the instant edges do not matter.
        const fromIso = isoOf(from.getTime() + 2 * DAY);
        const toIso = isoOf(to.getTime() - 2 * DAY);
        if (fromIso > toIso) return;
        const got = occurrences(s, from, to)
          .map((o) => berlin(o.start)[0])
          .filter((iso) => iso >= fromIso && iso <= toIso);
        expect(got).toEqual(oracle(s, fromIso, toIso));
      }),
      RUNS,
    );
  });

  it('splitting the window changes nothing', () => {
    fc.assert(
      fc.property(schedule, window, fc.double({ min: 0, max: 1, noNaN: true }), (s, w, f) => {
        const mid = new Date(
          Math.round(w.from.getTime() + f * (w.to.getTime() - w.from.getTime())),
        );
        const whole = occurrences(s, w.from, w.to);
        const split = [...occurrences(s, w.from, mid), ...occurrences(s, mid, w.to)];
        expect(split).toEqual(whole);
      }),
      RUNS,
    );
  });

  it('nextOccurrences and isOpenAt agree with occurrences', () => {
    fc.assert(
      fc.property(schedule, window, (s, { from }) => {
        // nextOccurrences looks ahead ~5.6 years; compare within 2,000 days.
        const horizon = new Date(from.getTime() + 2000 * DAY);
        const ahead = occurrences(s, from, horizon).slice(0, 3);
        const next = nextOccurrences([s], from, 3)
          .filter((o) => o.start < horizon)
          .map(({ start, end }) => ({ start, end }));
        expect(next).toEqual(ahead);
        for (const o of ahead) {
          expect(isOpenAt([s], o.start)).toBe(true);
          expect(isOpenAt([s], new Date(o.end.getTime() - 1))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('upcoming dates with cancellations agree with the marked occurrences', () => {
    fc.assert(
      fc.property(schedule, window, (s, { from }) => {
        const horizon = new Date(from.getTime() + 2000 * DAY);
        // From two days back: an overnight occurrence from yesterday may still be running.
        const marked = occurrencesWithCancellations(s, new Date(from.getTime() - 2 * DAY), horizon)
          .filter((o) => o.end > from)
          .map(({ start, cancelled }) => ({ start, cancelled }));
        const expected: typeof marked = [];
        let taking = 0;
        for (const o of marked) {
          if (taking >= 3) break;
          expected.push(o);
          if (!o.cancelled) taking++;
        }
        const upcoming = upcomingWithCancellations([s], from, 3)
          .filter((o) => o.start < horizon)
          .map(({ start, cancelled }) => ({ start, cancelled }));
        expect(upcoming).toEqual(expected);
      }),
      RUNS,
    );
  });
});
