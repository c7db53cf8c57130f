import { describe, expect, it } from 'vitest';
import { berlinDaysBetween } from '../../src/components/berlinTime';
import { berlinDate, TIME_ZONE } from '../../src/schedule/tz';

const at = (iso: string) => new Date(iso);

describe('berlinDate', () => {
  it.each([
    // Winter (CET, UTC+1): the day turns at 23:00 UTC.
    ['2026-01-14T22:59:59.999Z', '2026-01-14'],
    ['2026-01-14T23:00:00.000Z', '2026-01-15'],
    // Summer (CEST, UTC+2): at 22:00 UTC.
    ['2026-07-14T21:59:59.999Z', '2026-07-14'],
    ['2026-07-14T22:00:00.000Z', '2026-07-15'],
    // The night clocks spring forward (29 March 2026, 02:00 → 03:00).
    ['2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-03-29T00:59:59.999Z', '2026-03-29'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29'],
    ['2026-03-29T21:59:59.999Z', '2026-03-29'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30'],
    // The night clocks fall back (25 October 2026, 03:00 → 02:00): a 25-hour day.
    ['2026-10-24T21:59:59.999Z', '2026-10-24'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
    ['2026-10-25T00:30:00.000Z', '2026-10-25'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25'],
    ['2026-10-25T22:59:59.999Z', '2026-10-25'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26'],
    // New Year's Eve.
    ['2026-12-31T22:59:59.999Z', '2026-12-31'],
    ['2026-12-31T23:00:00.000Z', '2027-01-01'],
  ])('%s is %s in Berlin', (iso, day) => {
    expect(berlinDate(at(iso))).toBe(day);
    expect(berlinDate(at(iso).getTime())).toBe(day);
  });

  it('agrees with the platform zone data every 37 minutes through a year', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const start = Date.UTC(2027, 0, 1);
    const mismatches: string[] = [];
    for (let t = start; t < start + 366 * 86_400_000; t += 37 * 60_000) {
      if (berlinDate(t) !== fmt.format(t)) mismatches.push(new Date(t).toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses an invalid date', () => {
    expect(() => berlinDate(new Date('nonsense'))).toThrow(RangeError);
  });

  it('counts calendar days in Berlin across the fall-back night', () => {
    expect(berlinDaysBetween(at('2026-10-24T21:59:00Z'), at('2026-10-25T22:59:00Z'))).toBe(1);
    expect(berlinDaysBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(1);
    expect(berlinDaysBetween(at('2026-10-24T21:59:00Z'), at('2026-10-25T23:00:00Z'))).toBe(2);
  });
});
