import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/components/format';
import {
  describeExtras,
  describeRhythm,
  describeTime,
  weekdaysOf,
} from '../../../src/features/sprechstunden/summary';
import { schedule } from './helpers';

describe('schedule wording (Foundation)', () => {
  it.each([
    [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH' }, 'montags bis donnerstags'],
    [{ freq: 'WEEKLY', byday: 'TU,FR' }, 'dienstags und freitags'],
    [{ freq: 'WEEKLY', byday: 'MO,WE,FR' }, 'montags, mittwochs und freitags'],
    [{ freq: 'WEEKLY', interval: 2, byday: 'TU' }, '14-täglich dienstags'],
    [{ freq: 'WEEKLY', interval: 3, byday: 'TH' }, 'alle 3 Wochen donnerstags'],
    [{ freq: 'MONTHLY', byday: '-1WE' }, 'jeden letzten Mittwoch im Monat'],
    [{ freq: 'MONTHLY', byday: '1SU,-1SU' }, 'jeden ersten und letzten Sonntag im Monat'],
    [{ freq: 'MONTHLY', byday: null, bymonthday: '1,15' }, 'am 1. und 15. des Monats'],
    [{ freq: 'MONTHLY', byday: null, bymonthday: '-1' }, 'am letzten Tag des Monats'],
    [{ freq: 'DAILY', byday: null }, 'täglich'],
  ] as const)('%j → %s', (over, text) => {
    expect(describeRhythm(schedule(1, over))).toBe(text);
  });

  it('writes times the German way', () => {
    expect(describeTime({ opens_at: '09:00', closes_at: '12:30' })).toBe('9:00–12:30 Uhr');
  });

  it('lists validity, cancelled dates and holidays', () => {
    const s = schedule(1, { valid_to: '2026-12-31', exdates: ['2026-12-24'] });
    expect(describeExtras(s)).toEqual([
      'bis 31.12.2026',
      'fällt aus: 24.12.2026',
      'an Feiertagen geschlossen',
    ]);
  });

  it('knows the weekdays for grouping', () => {
    expect(weekdaysOf(schedule(1, { freq: 'MONTHLY', byday: '-1WE' }))).toEqual(['WE']);
    expect(weekdaysOf(schedule(1, { byday: null, dtstart: '2026-10-13' }))).toEqual(['TU']);
    expect(weekdaysOf(schedule(1, { freq: 'MONTHLY', byday: null, bymonthday: '15' }))).toEqual([]);
  });

  it('formats ISO dates in German without shifting the day', () => {
    expect(formatIsoDate('2026-10-12')).toBe('12.10.2026');
    expect(formatIsoDate('2026-03-29')).toBe('29.03.2026');
  });
});
