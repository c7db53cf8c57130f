import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  holidaysOfYear,
  isOpenAt,
  nextOccurrences,
  occurrences,
  occurrencesWithCancellations,
  openOccurrenceAt,
  type RecurrenceInput,
  upcomingWithCancellations,
} from '../../src/schedule';
import { dayFromCivil, isoOfDay, parseIsoDay, parseWallTime } from '../../src/schedule/days';
import { intlOffsetMinutes, offsetAt, wallToInstant } from '../../src/schedule/tz';

const berlin = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** "2026-03-29 03:30" in Berlin. */
const wall = (d: Date) => berlin.format(d);
const starts = (list: { start: Date }[]) => list.map((o) => wall(o.start));

type Rule = Partial<RecurrenceInput> & Pick<RecurrenceInput, 'freq'>;
const rule = (r: Rule): RecurrenceInput => ({ opens_at: '09:00', closes_at: '12:00', ...r });
const at = (iso: string) => new Date(iso);

describe('parsing the recurrence fields', () => {
  // The engine takes plain objects that never went through zod, so it rejects junk itself.
  it('reads ISO days and wall-clock times, and nothing else', () => {
    expect(parseIsoDay('2026-12-24')).toBe(dayFromCivil(2026, 12, 24));
    expect(parseIsoDay('2028-02-29')).toBe(dayFromCivil(2028, 2, 29));
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-01', '2026/12/24', '']) {
      expect(parseIsoDay(bad)).toBeNull();
    }
    expect(parseIsoDay(null)).toBeNull();
    expect(parseWallTime('09:30')).toBe(570);
    expect(parseWallTime('9:05')).toBe(545);
    expect(parseWallTime('00:00')).toBe(0);
    for (const bad of ['0930', '9:5', '123:00', '09:3x', 'a9:30', ':30', '']) {
      expect(parseWallTime(bad)).toBeNaN();
    }
  });
});

describe('Europe/Berlin time', () => {
  it('agrees with Intl on the offset, around every change from 1996 to 2040', () => {
    for (let year = 1996; year <= 2040; year++) {
      for (let m = 0; m < 12; m++) {
        for (const hour of [0, 0.99, 1, 1.01, 2, 12]) {
          const t = Date.UTC(year, m, m === 2 || m === 9 ? 25 + (year % 7) : 15) + hour * 3_600_000;
          expect(offsetAt(t)).toBe(intlOffsetMinutes(t));
        }
      }
    }
  });

  it('switches at 01:00 UTC on the last Sundays of March and October', () => {
    expect(offsetAt(Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
    expect(offsetAt(Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(offsetAt(Date.UTC(2026, 9, 25, 0, 59))).toBe(120);
    expect(offsetAt(Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
  });

  it('reads a time in the spring gap with the offset before it, and the first of a doubled hour', () => {
    const spring = dayFromCivil(2026, 3, 29);
    expect(new Date(wallToInstant(spring, 2 * 60 + 30)).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(wall(new Date(wallToInstant(spring, 2 * 60 + 30)))).toBe('2026-03-29 03:30');
    const autumn = dayFromCivil(2026, 10, 25);
    expect(new Date(wallToInstant(autumn, 2 * 60 + 30)).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(wallToInstant(autumn, 3 * 60)).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('holidays', () => {
  it('computes Easter Sunday', () => {
    const easter = (y: number) => isoOfDay(easterSunday(y));
    expect(easter(2000)).toBe('2000-04-23');
    expect(easter(2024)).toBe('2024-03-31');
    expect(easter(2025)).toBe('2025-04-20');
    expect(easter(2026)).toBe('2026-04-05');
    expect(easter(2027)).toBe('2027-03-28');
    expect(easter(2038)).toBe('2038-04-25');
  });

  it('lists the eleven holidays of NRW in 2026', () => {
    const days = [...holidaysOfYear(2026, 'NW')].map(([d, k]) => `${isoOfDay(d)} ${k}`).sort();
    expect(days).toEqual([
      '2026-01-01 neujahr',
      '2026-04-03 karfreitag',
      '2026-04-06 ostermontag',
      '2026-05-01 tagDerArbeit',
      '2026-05-14 himmelfahrt',
      '2026-05-25 pfingstmontag',
      '2026-06-04 fronleichnam',
      '2026-10-03 einheit',
      '2026-11-01 allerheiligen',
      '2026-12-25 weihnachten1',
      '2026-12-26 weihnachten2',
    ]);
  });

  it('knows the holidays of other Länder', () => {
    const keys = (land: Parameters<typeof holidaysOfYear>[1], y = 2026) =>
      new Set(holidaysOfYear(y, land).values());
    expect(keys('BY').has('dreikoenige')).toBe(true);
    expect(keys('NI').has('fronleichnam')).toBe(false);
    expect(keys('NI').has('reformationstag')).toBe(true);
    expect(keys('NI', 2016).has('reformationstag')).toBe(false);
    expect(keys('BE').has('frauentag')).toBe(true);
    expect(keys('SL').has('mariaeHimmelfahrt')).toBe(true);
    expect(keys('TH').has('weltkindertag')).toBe(true);
    const sn = [...holidaysOfYear(2026, 'SN')].find(([, k]) => k === 'bussUndBettag');
    expect(sn && isoOfDay(sn[0])).toBe('2026-11-18');
    const sn2022 = [...holidaysOfYear(2022, 'SN')].find(([, k]) => k === 'bussUndBettag');
    expect(sn2022 && isoOfDay(sn2022[0])).toBe('2022-11-16');
  });
});

describe('occurrences', () => {
  it('puts "last Wednesday of the month" on a different calendar day each month', () => {
    const list = occurrences(
      rule({ freq: 'MONTHLY', byday: '-1WE', opens_at: '15:00', closes_at: '17:00' }),
      at('2026-01-01T00:00:00Z'),
      at('2026-07-01T00:00:00Z'),
    );
    expect(starts(list)).toEqual([
      '2026-01-28 15:00',
      '2026-02-25 15:00',
      '2026-03-25 15:00',
      '2026-04-29 15:00',
      '2026-05-27 15:00',
      '2026-06-24 15:00',
    ]);
    // Real instants: 15:00 CET is 14:00 UTC, 15:00 CEST is 13:00 UTC.
    expect(list[0]?.start.toISOString()).toBe('2026-01-28T14:00:00.000Z');
    expect(list[3]?.start.toISOString()).toBe('2026-04-29T13:00:00.000Z');
    expect(list[3]?.end.toISOString()).toBe('2026-04-29T15:00:00.000Z');
  });

  it('keeps 9:00 on the wall clock across both DST changes', () => {
    const list = occurrences(
      rule({ freq: 'WEEKLY', byday: 'SU', closed_on_holidays: false }),
      at('2026-03-21T00:00:00Z'),
      at('2026-11-02T00:00:00Z'),
    );
    expect(list.every((o) => wall(o.start).endsWith(' 09:00'))).toBe(true);
    const offsets = list.map((o) => (o.start.getUTCHours() === 8 ? 'CET' : 'CEST'));
    expect(offsets[0]).toBe('CET');
    expect(offsets[1]).toBe('CEST');
    expect(offsets[offsets.length - 1]).toBe('CET');
  });

  it('"14-täglich" follows the week of dtstart', () => {
    const list = occurrences(
      rule({ freq: 'WEEKLY', interval: 2, byday: 'TU', dtstart: '2026-11-03' }),
      at('2026-11-01T00:00:00Z'),
      at('2026-12-20T00:00:00Z'),
    );
    expect(starts(list)).toEqual([
      '2026-11-03 09:00',
      '2026-11-17 09:00',
      '2026-12-01 09:00',
      '2026-12-15 09:00',
    ]);
  });

  it('applies exdates, rdates, validity and holidays (NW by default)', () => {
    const s = rule({
      freq: 'WEEKLY',
      byday: 'TH',
      exdates: ['2026-12-24'],
      rdates: ['2026-12-28'],
      valid_from: '2026-05-01',
      valid_to: '2027-01-08',
    });
    const days = starts(occurrences(s, at('2026-04-01T00:00:00Z'), at('2027-02-01T00:00:00Z')));
    expect(days[0]).toBe('2026-05-07 09:00');
    expect(days).not.toContain('2026-05-14 09:00'); // Christi Himmelfahrt
    expect(days).not.toContain('2026-06-04 09:00'); // Fronleichnam (NW)
    expect(days).not.toContain('2026-12-24 09:00'); // exdate
    expect(days).toContain('2026-12-28 09:00'); // rdate (a Monday)
    expect(days[days.length - 1]).toBe('2027-01-07 09:00');
    // Fronleichnam is no holiday in Niedersachsen.
    const ni = starts(
      occurrences(s, at('2026-06-01T00:00:00Z'), at('2026-06-10T00:00:00Z'), { land: 'NI' }),
    );
    expect(ni).toEqual(['2026-06-04 09:00']);
    // And holidays count only when the schedule closes on them.
    const open = starts(
      occurrences(
        { ...s, closed_on_holidays: false },
        at('2026-06-01T00:00:00Z'),
        at('2026-06-10T00:00:00Z'),
      ),
    );
    expect(open).toEqual(['2026-06-04 09:00']);
  });

  it('ends on the next day when closes_at is at or before opens_at', () => {
    const night = occurrences(
      rule({ freq: 'WEEKLY', byday: 'FR', opens_at: '21:00', closes_at: '02:00' }),
      at('2026-10-01T00:00:00Z'),
      at('2026-10-03T00:00:00Z'),
    );
    expect(night.map((o) => [wall(o.start), wall(o.end)])).toEqual([
      ['2026-10-02 21:00', '2026-10-03 02:00'],
    ]);
    const day = occurrences(
      rule({ freq: 'DAILY', opens_at: '08:00', closes_at: '08:00', closed_on_holidays: false }),
      at('2026-10-24T00:00:00Z'),
      at('2026-10-24T12:00:00Z'),
    );
    // 24 wall-clock hours across the autumn change are 25 real hours.
    expect(day[0] && (day[0].end.getTime() - day[0].start.getTime()) / 3_600_000).toBe(25);
  });

  it('handles bymonthday: negatives, missing days, intersection with byday', () => {
    const last = occurrences(
      rule({ freq: 'MONTHLY', bymonthday: '-1', closed_on_holidays: false }),
      at('2027-01-01T00:00:00Z'),
      at('2027-05-01T00:00:00Z'),
    );
    expect(starts(last)).toEqual([
      '2027-01-31 09:00',
      '2027-02-28 09:00',
      '2027-03-31 09:00',
      '2027-04-30 09:00',
    ]);
    const thirtieth = occurrences(
      rule({ freq: 'MONTHLY', bymonthday: '30', closed_on_holidays: false }),
      at('2028-01-01T00:00:00Z'),
      at('2028-04-01T00:00:00Z'),
    );
    expect(starts(thirtieth)).toEqual(['2028-01-30 09:00', '2028-03-30 09:00']);
    const friday13 = occurrences(
      rule({ freq: 'MONTHLY', byday: 'FR', bymonthday: '13' }),
      at('2026-01-01T00:00:00Z'),
      at('2027-01-01T00:00:00Z'),
    );
    expect(starts(friday13)).toEqual(['2026-02-13 09:00', '2026-03-13 09:00', '2026-11-13 09:00']);
  });

  it('counts COUNT from dtstart even when the window starts later', () => {
    const s = rule({ freq: 'WEEKLY', byday: 'MO', dtstart: '2026-01-05', count: 5 });
    const all = occurrences(s, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(starts(all)).toEqual([
      '2026-01-05 09:00',
      '2026-01-12 09:00',
      '2026-01-19 09:00',
      '2026-01-26 09:00',
      '2026-02-02 09:00',
    ]);
    const later = occurrences(s, at('2026-01-20T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(starts(later)).toEqual(['2026-01-26 09:00', '2026-02-02 09:00']);
  });

  it('treats until as an inclusive date, and supports DAILY and YEARLY', () => {
    const daily = occurrences(
      rule({ freq: 'DAILY', byday: 'MO,TU,WE,TH,FR', until: '2026-10-14' }),
      at('2026-10-08T00:00:00Z'),
      at('2026-11-01T00:00:00Z'),
    );
    expect(starts(daily)).toEqual([
      '2026-10-08 09:00',
      '2026-10-09 09:00',
      '2026-10-12 09:00',
      '2026-10-13 09:00',
      '2026-10-14 09:00',
    ]);
    const yearly = occurrences(
      rule({ freq: 'YEARLY', dtstart: '2024-02-29', closed_on_holidays: false }),
      at('2024-01-01T00:00:00Z'),
      at('2029-01-01T00:00:00Z'),
    );
    expect(starts(yearly)).toEqual(['2024-02-29 09:00', '2028-02-29 09:00']);
  });

  it('returns nothing for an empty or inverted window', () => {
    const s = rule({ freq: 'DAILY' });
    expect(occurrences(s, at('2026-10-14T00:00:00Z'), at('2026-10-14T00:00:00Z'))).toEqual([]);
    expect(occurrences(s, at('2026-10-15T00:00:00Z'), at('2026-10-14T00:00:00Z'))).toEqual([]);
    expect(occurrences(s, new Date(Number.NaN), at('2026-10-14T00:00:00Z'))).toEqual([]);
  });

  it('marks cancelled dates instead of dropping them when asked', () => {
    const s = rule({ freq: 'WEEKLY', byday: 'TH', exdates: ['2026-12-24'] });
    const list = occurrencesWithCancellations(
      s,
      at('2026-12-20T00:00:00Z'),
      at('2027-01-05T00:00:00Z'),
    );
    expect(list.map((o) => [wall(o.start).slice(0, 10), o.cancelled])).toEqual([
      ['2026-12-24', { reason: 'exdate' }],
      ['2026-12-31', null],
    ]);
    const holiday = occurrencesWithCancellations(
      rule({ freq: 'WEEKLY', byday: 'FR' }),
      at('2026-12-21T00:00:00Z'),
      at('2026-12-27T00:00:00Z'),
    );
    expect(holiday[0]?.cancelled).toEqual({ reason: 'holiday', holiday: 'weihnachten1' });
  });
});

describe('compiled rules', () => {
  it('are built anew when a record is changed in place, and work on frozen records', () => {
    const s = rule({ freq: 'WEEKLY', byday: 'WE' });
    const from = at('2026-12-01T00:00:00Z');
    const to = at('2026-12-31T00:00:00Z');
    expect(starts(occurrences(s, from, to))[0]).toBe('2026-12-02 09:00');
    s.opens_at = '10:30';
    expect(starts(occurrences(s, from, to))[0]).toBe('2026-12-02 10:30');
    const exdates = ['2026-12-02'];
    s.exdates = exdates;
    expect(starts(occurrences(s, from, to))[0]).toBe('2026-12-09 10:30');
    exdates.push('2026-12-09');
    expect(starts(occurrences(s, from, to))[0]).toBe('2026-12-16 10:30');
    const frozen = Object.freeze({ ...s, byday: 'TH' });
    expect(starts(occurrences(frozen, from, to))[0]).toBe('2026-12-03 10:30');
  });
});

describe('open now and next dates', () => {
  const hours = [
    rule({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opens_at: '09:00', closes_at: '12:00' }),
    rule({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opens_at: '14:00', closes_at: '16:00' }),
  ];

  it('is open inside the hours, closed between and after', () => {
    expect(isOpenAt(hours, at('2026-10-14T09:00:00+02:00'))).toBe(true);
    expect(isOpenAt(hours, at('2026-10-14T11:59:00+02:00'))).toBe(true);
    expect(isOpenAt(hours, at('2026-10-14T12:00:00+02:00'))).toBe(false);
    expect(isOpenAt(hours, at('2026-10-14T15:00:00+02:00'))).toBe(true);
    expect(isOpenAt(hours, at('2026-10-16T10:00:00+02:00'))).toBe(false); // Friday
    expect(isOpenAt(hours, at('2026-10-03T10:00:00+02:00'))).toBe(false); // Saturday + holiday
    expect(isOpenAt(hours, at('2026-06-04T10:00:00+02:00'))).toBe(false); // Fronleichnam
    expect(isOpenAt([], at('2026-06-04T10:00:00+02:00'))).toBe(false);
  });

  it('sees an overnight occurrence from yesterday', () => {
    const night = [rule({ freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '03:00' })];
    expect(isOpenAt(night, at('2026-10-17T02:30:00+02:00'))).toBe(true);
    expect(isOpenAt(night, at('2026-10-17T03:00:00+02:00'))).toBe(false);
    const open = openOccurrenceAt(night, at('2026-10-17T01:00:00+02:00'));
    expect(open && wall(open.end)).toBe('2026-10-17 03:00');
  });

  it('merges the next dates of several schedules', () => {
    const next = nextOccurrences(hours, at('2026-10-15T13:00:00+02:00'), 3);
    expect(next.map((o) => wall(o.start))).toEqual([
      '2026-10-15 14:00',
      '2026-10-19 09:00',
      '2026-10-19 14:00',
    ]);
    expect(next[0]?.schedule).toBe(hours[1]);
    expect(nextOccurrences(hours, at('2026-10-15T14:00:00+02:00'), 1)[0]?.start).toEqual(
      at('2026-10-15T14:00:00+02:00'),
    );
  });

  it('finds dates far ahead and stops at the end of a rule', () => {
    const later = rule({ freq: 'WEEKLY', byday: 'MO', valid_from: '2028-03-01' });
    expect(
      nextOccurrences([later], at('2026-10-14T00:00:00Z'), 1).map((o) => wall(o.start)),
    ).toEqual(['2028-03-06 09:00']);
    const ended = rule({ freq: 'WEEKLY', byday: 'MO', valid_to: '2026-01-01' });
    expect(nextOccurrences([ended], at('2026-10-14T00:00:00Z'), 3)).toEqual([]);
  });

  it('lists upcoming dates with the cancelled ones before them', () => {
    const s = rule({ freq: 'WEEKLY', byday: 'TH', exdates: ['2026-12-24', '2026-12-31'] });
    const list = upcomingWithCancellations([s], at('2026-12-20T00:00:00Z'), 2);
    expect(list.map((o) => [wall(o.start).slice(0, 10), o.cancelled?.reason ?? 'ok'])).toEqual([
      ['2026-12-24', 'exdate'],
      ['2026-12-31', 'exdate'],
      ['2027-01-07', 'ok'],
      ['2027-01-14', 'ok'],
    ]);
    // A running occurrence comes first.
    const running = upcomingWithCancellations(hours, at('2026-10-14T10:00:00+02:00'), 1);
    expect(running.map((o) => wall(o.start))).toEqual(['2026-10-14 09:00']);
  });
});
