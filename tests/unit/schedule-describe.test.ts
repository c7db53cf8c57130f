import { expect, it, describe as suite } from 'vitest';
import { describe, describeExtras, type RecurrenceInput, weekdaysOf } from '../../src/schedule';

type Rule = Partial<RecurrenceInput> & Pick<RecurrenceInput, 'freq'>;
const rule = (r: Rule): RecurrenceInput => ({ opens_at: '09:00', closes_at: '12:00', ...r });

suite('describe()', () => {
  it.each([
    [
      { freq: 'MONTHLY', byday: '-1WE', opens_at: '15:00', closes_at: '17:00' },
      'jeden letzten Mittwoch im Monat, 15:00–17:00 Uhr',
    ],
    [{ freq: 'WEEKLY', interval: 2, byday: 'TU' }, '14-täglich dienstags, 9:00–12:00 Uhr'],
    [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH' }, 'Mo–Do, 9:00–12:00 Uhr'],
    [{ freq: 'WEEKLY', byday: 'MO,TU,WE,FR' }, 'Mo–Mi und Fr, 9:00–12:00 Uhr'],
    [{ freq: 'WEEKLY', byday: 'TU,FR' }, 'dienstags und freitags, 9:00–12:00 Uhr'],
    [{ freq: 'WEEKLY', byday: 'MO,WE,FR' }, 'montags, mittwochs und freitags, 9:00–12:00 Uhr'],
    [{ freq: 'WEEKLY', byday: 'TH' }, 'donnerstags, 9:00–12:00 Uhr'],
    [{ freq: 'WEEKLY', dtstart: '2026-10-13' }, 'dienstags, 9:00–12:00 Uhr'],
    [{ freq: 'WEEKLY', interval: 3, byday: 'TH' }, 'alle 3 Wochen donnerstags, 9:00–12:00 Uhr'],
    [
      { freq: 'MONTHLY', byday: '1SU,-1SU' },
      'jeden ersten und letzten Sonntag im Monat, 9:00–12:00 Uhr',
    ],
    [
      { freq: 'MONTHLY', byday: '2TU,4TU' },
      'jeden zweiten und vierten Dienstag im Monat, 9:00–12:00 Uhr',
    ],
    [
      { freq: 'MONTHLY', interval: 2, byday: '1MO' },
      'alle 2 Monate, jeden ersten Montag im Monat, 9:00–12:00 Uhr',
    ],
    [{ freq: 'MONTHLY', bymonthday: '1,15' }, 'am 1. und 15. des Monats, 9:00–12:00 Uhr'],
    [{ freq: 'MONTHLY', bymonthday: '-1' }, 'am letzten Tag des Monats, 9:00–12:00 Uhr'],
    [
      { freq: 'MONTHLY', byday: 'FR', bymonthday: '13' },
      'freitags – nur am 13. des Monats, 9:00–12:00 Uhr',
    ],
    [{ freq: 'DAILY' }, 'täglich, 9:00–12:00 Uhr'],
    [{ freq: 'DAILY', interval: 2 }, 'alle 2 Tage, 9:00–12:00 Uhr'],
    [{ freq: 'YEARLY', dtstart: '2026-10-03' }, 'jedes Jahr am 3. Oktober, 9:00–12:00 Uhr'],
    [
      { freq: 'WEEKLY', byday: 'FR', opens_at: '21:00', closes_at: '02:00' },
      'freitags, 21:00–2:00 Uhr',
    ],
  ] as const)('%j → %s', (over, text) => {
    expect(describe(rule(over), 'de')).toBe(text);
  });

  it('lists cancelled dates, from a day on if asked', () => {
    const s = rule({
      freq: 'WEEKLY',
      byday: 'TH',
      exdates: ['2026-12-31', '2026-10-01', '2026-12-24'],
    });
    expect(describeExtras(s)).toEqual([
      'fällt aus: 01.10.2026, 24.12.2026, 31.12.2026',
      'an Feiertagen geschlossen',
    ]);
    expect(describeExtras(s, 'de', '2026-10-14')[0]).toBe('fällt aus: 24.12.2026, 31.12.2026');
  });

  it('lists validity, the end and holidays', () => {
    expect(
      describeExtras(
        rule({
          freq: 'WEEKLY',
          byday: 'MO',
          valid_from: '2027-04-01',
          valid_to: '2027-10-31',
          until: '2027-09-30',
        }),
      ),
    ).toEqual(['ab 01.04.2027', 'bis 30.09.2027', 'an Feiertagen geschlossen']);
    expect(
      describeExtras(rule({ freq: 'WEEKLY', byday: 'MO', closed_on_holidays: false, count: 6 })),
    ).toEqual(['6 Termine insgesamt']);
  });

  it('knows the weekdays a schedule falls on', () => {
    expect(weekdaysOf(rule({ freq: 'MONTHLY', byday: '-1WE' }))).toEqual(['WE']);
    expect(weekdaysOf(rule({ freq: 'WEEKLY', dtstart: '2026-10-13' }))).toEqual(['TU']);
    expect(weekdaysOf(rule({ freq: 'MONTHLY', bymonthday: '15' }))).toEqual([]);
    expect(weekdaysOf(rule({ freq: 'DAILY' }))).toHaveLength(7);
  });
});
