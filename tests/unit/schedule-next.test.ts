import { describe, expect, it } from 'vitest';
import { formatNextOrCurrent } from '../../src/features/angebote/NextDate/formatNextDate';
import { datesFrom, nextOrCurrent, type RecurrenceInput } from '../../src/schedule';
import { matchesOpenFilter } from '../../src/schedule/filters';

type Rule = Partial<RecurrenceInput> & Pick<RecurrenceInput, 'freq'>;
const rule = (r: Rule): RecurrenceInput => ({ opens_at: '09:00', closes_at: '12:00', ...r });
const at = (iso: string) => new Date(iso);

// The Ausländerbehörde: first Thursday of the month, 9–12. 3 Dec 2026 is one.
const firstThursday = rule({ freq: 'MONTHLY', byday: '1TH', dtstart: '2026-01-01' });
// The Jobcenter: weekdays 8–12:30 and 14–17:30.
const jobcenter = [
  rule({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '12:30' }),
  rule({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '14:00', closes_at: '17:30' }),
];

describe('nextOrCurrent: a running consultation comes first', () => {
  it('Thursday 10:20 in Berlin, first Thursday 9–12: open now until 12', () => {
    const now = at('2026-12-03T09:20:00Z'); // 10:20 CET
    const date = nextOrCurrent([firstThursday], now);
    expect(date).toMatchObject({ kind: 'open-now', until: at('2026-12-03T11:00:00Z') });
    expect(formatNextOrCurrent(date!, now)).toBe('jetzt geöffnet bis 12 Uhr');
  });

  it('Jobcenter at 10:00: open now until 12:30, not "heute 14–17:30"', () => {
    const now = at('2026-12-03T09:00:00Z');
    const date = nextOrCurrent(jobcenter, now);
    expect(date).toMatchObject({ kind: 'open-now', until: at('2026-12-03T11:30:00Z') });
    expect(formatNextOrCurrent(date!, now)).toBe('jetzt geöffnet bis 12:30 Uhr');
  });

  it('in the lunch break: the afternoon, as the next date', () => {
    const now = at('2026-12-03T12:00:00Z'); // 13:00
    const date = nextOrCurrent(jobcenter, now);
    expect(date).toMatchObject({ kind: 'next', start: at('2026-12-03T13:00:00Z') });
    expect(formatNextOrCurrent(date!, now)).toBe('heute, 14–17:30 Uhr');
  });

  it('just before opening it is the next date; at opening time it is open', () => {
    const before = at('2026-12-03T07:59:59Z'); // 8:59:59
    expect(nextOrCurrent([firstThursday], before)).toMatchObject({
      kind: 'next',
      start: at('2026-12-03T08:00:00Z'),
    });
    expect(nextOrCurrent([firstThursday], at('2026-12-03T08:00:00Z'))?.kind).toBe('open-now');
  });

  it('exactly at closing time it is not open any more', () => {
    const closing = at('2026-12-03T11:00:00Z'); // 12:00
    const date = nextOrCurrent([firstThursday], closing);
    expect(date).toMatchObject({ kind: 'next', start: at('2027-01-07T08:00:00Z') });
    expect(formatNextOrCurrent(date!, closing)).toBe('Do., 7.1., 9–12 Uhr');
    expect(nextOrCurrent([firstThursday], at('2026-12-03T10:59:59Z'))?.kind).toBe('open-now');
  });

  it('keeps Berlin wall-clock times on the days the clocks change', () => {
    const sunday = rule({ freq: 'WEEKLY', byday: 'SU' });
    // 29 March 2026: 10:00 CEST is 08:00 UTC; closing 12:00 CEST is 10:00 UTC.
    expect(nextOrCurrent([sunday], at('2026-03-29T08:00:00Z'))).toMatchObject({
      kind: 'open-now',
      until: at('2026-03-29T10:00:00Z'),
    });
    // 25 October 2026: 10:00 CET is 09:00 UTC; closing 12:00 CET is 11:00 UTC.
    const autumn = nextOrCurrent([sunday], at('2026-10-25T09:00:00Z'));
    expect(autumn).toMatchObject({ kind: 'open-now', until: at('2026-10-25T11:00:00Z') });
    expect(formatNextOrCurrent(autumn!, at('2026-10-25T09:00:00Z'))).toBe(
      'jetzt geöffnet bis 12 Uhr',
    );
    // Night hours 01:00–04:00 on the spring day: at 03:30 CEST (01:30 UTC) still open.
    const night = rule({ freq: 'WEEKLY', byday: 'SU', opens_at: '01:00', closes_at: '04:00' });
    expect(nextOrCurrent([night], at('2026-03-29T01:30:00Z'))).toMatchObject({
      kind: 'open-now',
      until: at('2026-03-29T02:00:00Z'),
    });
  });

  it('none without schedules or without any date to come', () => {
    expect(nextOrCurrent([], at('2026-12-03T09:00:00Z'))).toBeNull();
    const over = rule({ freq: 'WEEKLY', byday: 'TH', until: '2026-01-01' });
    expect(nextOrCurrent([over], at('2026-12-03T09:00:00Z'))).toBeNull();
  });
});

describe('datesFrom: the running date, then the later ones', () => {
  it('lists the running consultation first and never twice', () => {
    const now = at('2026-12-03T08:00:00Z'); // 9:00, the very start
    const dates = datesFrom([firstThursday], now, 3).map((o) => o.start.toISOString());
    expect(dates).toEqual([
      '2026-12-03T08:00:00.000Z',
      '2027-01-07T08:00:00.000Z',
      '2027-02-04T08:00:00.000Z',
    ]);
  });

  it('the Jobcenter at 10:00: this morning, this afternoon, tomorrow morning', () => {
    const dates = datesFrom(jobcenter, at('2026-12-03T09:00:00Z'), 3).map((o) =>
      o.start.toISOString(),
    );
    expect(dates).toEqual([
      '2026-12-03T07:00:00.000Z',
      '2026-12-03T13:00:00.000Z',
      '2026-12-04T07:00:00.000Z',
    ]);
  });

  it('the "jetzt geöffnet" filter agrees with it', () => {
    expect(matchesOpenFilter(jobcenter, 'jetzt', at('2026-12-03T09:00:00Z'))).toBe(true);
    expect(matchesOpenFilter(jobcenter, 'jetzt', at('2026-12-03T11:30:00Z'))).toBe(false);
    expect(matchesOpenFilter(jobcenter, 'heute', at('2026-12-03T11:30:00Z'))).toBe(true);
  });
});
