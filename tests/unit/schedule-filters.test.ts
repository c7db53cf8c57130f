import { describe, expect, it } from 'vitest';
import type { RecurrenceInput } from '../../src/schedule';
import { matchesOpenFilter, openFilterEnd, parseOpenFilter } from '../../src/schedule/filters';

const rule = (r: Partial<RecurrenceInput>): RecurrenceInput => ({
  freq: 'WEEKLY',
  opens_at: '09:00',
  closes_at: '12:00',
  ...r,
});
// Wednesday 14 Oct 2026, 10:00 in Berlin.
const NOW = new Date('2026-10-14T10:00:00+02:00');

describe('open filters', () => {
  it('reads only the three known values', () => {
    expect(parseOpenFilter('jetzt')).toBe('jetzt');
    expect(parseOpenFilter('woche')).toBe('woche');
    expect(parseOpenFilter('morgen')).toBeNull();
    expect(parseOpenFilter(null)).toBeNull();
  });

  it('ends "heute" at Berlin midnight and "woche" after seven days', () => {
    expect(openFilterEnd('heute', NOW).toISOString()).toBe('2026-10-14T22:00:00.000Z');
    // Across the autumn change: 21 Oct 00:00 CEST.
    expect(openFilterEnd('woche', NOW).toISOString()).toBe('2026-10-20T22:00:00.000Z');
  });

  it('tells open now, today and this week apart', () => {
    const wednesdayMorning = [rule({ byday: 'WE' })];
    const wednesdayAfternoon = [rule({ byday: 'WE', opens_at: '14:00', closes_at: '16:00' })];
    const friday = [rule({ byday: 'FR' })];
    const monthly = [rule({ freq: 'MONTHLY', byday: '-1WE' })];
    expect(matchesOpenFilter(wednesdayMorning, 'jetzt', NOW)).toBe(true);
    expect(matchesOpenFilter(wednesdayAfternoon, 'jetzt', NOW)).toBe(false);
    expect(matchesOpenFilter(wednesdayAfternoon, 'heute', NOW)).toBe(true);
    expect(matchesOpenFilter(friday, 'heute', NOW)).toBe(false);
    expect(matchesOpenFilter(friday, 'woche', NOW)).toBe(true);
    expect(matchesOpenFilter(monthly, 'woche', NOW)).toBe(false); // 28 Oct
    expect(matchesOpenFilter([], 'woche', NOW)).toBe(false);
    // Closed on a holiday: 3 Oct 2026 is Tag der Deutschen Einheit.
    const saturday = [rule({ byday: 'SA' })];
    expect(matchesOpenFilter(saturday, 'jetzt', new Date('2026-10-03T10:00:00+02:00'))).toBe(false);
  });
});
