/**
 * RFC 5545 §3.8.5.3 "Recurrence Rule" examples for WEEKLY and MONTHLY, with the dates the
 * RFC lists. The RFC's DTSTART is 09:00 America/New_York; our engine reads times in
 * Europe/Berlin, so the comparison is on calendar days at 9:00 Berlin time. UNTIL in the
 * RFC is a UTC instant (e.g. 19971224T000000Z); as HSDS `until` is an inclusive date, the
 * day before is given. WKST is passed where the RFC gives it (HSDS `wkst`). The two
 * examples that need BYSETPOS are left out: HSDS has no such field, so no schedule can
 * carry it. Public holidays are switched off because the RFC knows none.
 */
import { describe, expect, it } from 'vitest';
import { occurrences, type RecurrenceInput } from '../../src/schedule';

const FROM = new Date('1997-01-01T00:00:00Z');
const TO = new Date('2000-12-31T00:00:00Z');

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const berlinTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});

type Rule = Partial<RecurrenceInput> & Pick<RecurrenceInput, 'freq'>;

function days(rule: Rule, limit?: number): string[] {
  const list = occurrences(
    { opens_at: '09:00', closes_at: '10:00', closed_on_holidays: false, ...rule },
    FROM,
    TO,
  );
  for (const o of list) expect(berlinTime.format(o.start)).toBe('09:00');
  return list.slice(0, limit).map((o) => berlinDay.format(o.start));
}

/** "1997", [9, [2, 9, 16]], [10, [7]] → ISO dates. */
function dates(year: number, ...months: [number, number[]][]): string[] {
  return months.flatMap(([m, ds]) =>
    ds.map((d) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  );
}

describe('RFC 5545 §3.8.5.3 WEEKLY', () => {
  it('Weekly for 10 occurrences (FREQ=WEEKLY;COUNT=10)', () => {
    expect(days({ freq: 'WEEKLY', dtstart: '1997-09-02', count: 10 })).toEqual(
      dates(1997, [9, [2, 9, 16, 23, 30]], [10, [7, 14, 21, 28]], [11, [4]]),
    );
  });

  it('Weekly until December 24, 1997 (UNTIL=19971224T000000Z)', () => {
    expect(days({ freq: 'WEEKLY', dtstart: '1997-09-02', until: '1997-12-23' })).toEqual(
      dates(
        1997,
        [9, [2, 9, 16, 23, 30]],
        [10, [7, 14, 21, 28]],
        [11, [4, 11, 18, 25]],
        [12, [2, 9, 16, 23]],
      ),
    );
  });

  it('Every other week - forever (FREQ=WEEKLY;INTERVAL=2;WKST=SU)', () => {
    expect(days({ freq: 'WEEKLY', interval: 2, wkst: 'SU', dtstart: '1997-09-02' }, 13)).toEqual([
      ...dates(1997, [9, [2, 16, 30]], [10, [14, 28]], [11, [11, 25]], [12, [9, 23]]),
      ...dates(1998, [1, [6, 20]], [2, [3, 17]]),
    ]);
  });

  it('Weekly on Tuesday and Thursday for five weeks (UNTIL and COUNT forms)', () => {
    const expected = dates(1997, [9, [2, 4, 9, 11, 16, 18, 23, 25, 30]], [10, [2]]);
    expect(
      days({
        freq: 'WEEKLY',
        wkst: 'SU',
        dtstart: '1997-09-02',
        until: '1997-10-06',
        byday: 'TU,TH',
      }),
    ).toEqual(expected);
    expect(
      days({ freq: 'WEEKLY', wkst: 'SU', dtstart: '1997-09-02', count: 10, byday: 'TU,TH' }),
    ).toEqual(expected);
  });

  it('Every other week on Monday, Wednesday, and Friday until December 24, 1997', () => {
    expect(
      days({
        freq: 'WEEKLY',
        interval: 2,
        wkst: 'SU',
        dtstart: '1997-09-01',
        until: '1997-12-23',
        byday: 'MO,WE,FR',
      }),
    ).toEqual(
      dates(
        1997,
        [9, [1, 3, 5, 15, 17, 19, 29]],
        [10, [1, 3, 13, 15, 17, 27, 29, 31]],
        [11, [10, 12, 14, 24, 26, 28]],
        [12, [8, 10, 12, 22]],
      ),
    );
  });

  it('Every other week on Tuesday and Thursday, for 8 occurrences', () => {
    expect(
      days({
        freq: 'WEEKLY',
        interval: 2,
        wkst: 'SU',
        dtstart: '1997-09-02',
        count: 8,
        byday: 'TU,TH',
      }),
    ).toEqual(dates(1997, [9, [2, 4, 16, 18, 30]], [10, [2, 14, 16]]));
  });

  describe('where WKST makes a difference: FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU', () => {
    const rule: Rule = {
      freq: 'WEEKLY',
      interval: 2,
      dtstart: '1997-08-05',
      count: 4,
      byday: 'TU,SU',
    };

    it('WKST=MO, and without WKST (weeks start on Monday, the RFC default)', () => {
      expect(days({ ...rule, wkst: 'MO' })).toEqual(dates(1997, [8, [5, 10, 19, 24]]));
      expect(days(rule)).toEqual(dates(1997, [8, [5, 10, 19, 24]]));
    });

    it('WKST=SU', () => {
      expect(days({ ...rule, wkst: 'SU' })).toEqual(dates(1997, [8, [5, 17, 19, 31]]));
    });
  });
});

describe('RFC 5545 §3.8.5.3 MONTHLY', () => {
  it('Monthly on the first Friday for 10 occurrences (COUNT=10;BYDAY=1FR)', () => {
    expect(days({ freq: 'MONTHLY', dtstart: '1997-09-05', count: 10, byday: '1FR' })).toEqual([
      ...dates(1997, [9, [5]], [10, [3]], [11, [7]], [12, [5]]),
      ...dates(1998, [1, [2]], [2, [6]], [3, [6]], [4, [3]], [5, [1]], [6, [5]]),
    ]);
  });

  it('Monthly on the first Friday until December 24, 1997', () => {
    expect(
      days({ freq: 'MONTHLY', dtstart: '1997-09-05', until: '1997-12-23', byday: '1FR' }),
    ).toEqual(dates(1997, [9, [5]], [10, [3]], [11, [7]], [12, [5]]));
  });

  it('Every other month on the first and last Sunday of the month for 10 occurrences', () => {
    expect(
      days({ freq: 'MONTHLY', interval: 2, dtstart: '1997-09-07', count: 10, byday: '1SU,-1SU' }),
    ).toEqual([
      ...dates(1997, [9, [7, 28]], [11, [2, 30]]),
      ...dates(1998, [1, [4, 25]], [3, [1, 29]], [5, [3, 31]]),
    ]);
  });

  it('Monthly on the second-to-last Monday of the month for 6 months', () => {
    expect(days({ freq: 'MONTHLY', dtstart: '1997-09-22', count: 6, byday: '-2MO' })).toEqual([
      ...dates(1997, [9, [22]], [10, [20]], [11, [17]], [12, [22]]),
      ...dates(1998, [1, [19]], [2, [16]]),
    ]);
  });

  it('Monthly on the third-to-the-last day of the month, forever', () => {
    expect(days({ freq: 'MONTHLY', dtstart: '1997-09-28', bymonthday: '-3' }, 6)).toEqual([
      ...dates(1997, [9, [28]], [10, [29]], [11, [28]], [12, [29]]),
      ...dates(1998, [1, [29]], [2, [26]]),
    ]);
  });

  it('Monthly on the 2nd and 15th of the month for 10 occurrences', () => {
    expect(days({ freq: 'MONTHLY', dtstart: '1997-09-02', count: 10, bymonthday: '2,15' })).toEqual(
      [
        ...dates(1997, [9, [2, 15]], [10, [2, 15]], [11, [2, 15]], [12, [2, 15]]),
        ...dates(1998, [1, [2, 15]]),
      ],
    );
  });

  it('Monthly on the first and last day of the month for 10 occurrences', () => {
    expect(days({ freq: 'MONTHLY', dtstart: '1997-09-30', count: 10, bymonthday: '1,-1' })).toEqual(
      [
        ...dates(1997, [9, [30]], [10, [1, 31]], [11, [1, 30]], [12, [1, 31]]),
        ...dates(1998, [1, [1, 31]], [2, [1]]),
      ],
    );
  });

  it('Every 18 months on the 10th thru 15th of the month for 10 occurrences', () => {
    expect(
      days({
        freq: 'MONTHLY',
        interval: 18,
        dtstart: '1997-09-10',
        count: 10,
        bymonthday: '10,11,12,13,14,15',
      }),
    ).toEqual([
      ...dates(1997, [9, [10, 11, 12, 13, 14, 15]]),
      ...dates(1999, [3, [10, 11, 12, 13]]),
    ]);
  });

  it('Every Tuesday, every other month', () => {
    expect(days({ freq: 'MONTHLY', interval: 2, dtstart: '1997-09-02', byday: 'TU' }, 18)).toEqual([
      ...dates(1997, [9, [2, 9, 16, 23, 30]], [11, [4, 11, 18, 25]]),
      ...dates(1998, [1, [6, 13, 20, 27]], [3, [3, 10, 17, 24, 31]]),
    ]);
  });

  it('Every Friday the 13th, forever (with EXDATE of the unsynchronised DTSTART)', () => {
    expect(
      days(
        {
          freq: 'MONTHLY',
          dtstart: '1997-09-02',
          exdates: ['1997-09-02'],
          byday: 'FR',
          bymonthday: '13',
        },
        5,
      ),
    ).toEqual([
      ...dates(1998, [2, [13]], [3, [13]], [11, [13]]),
      ...dates(1999, [8, [13]]),
      ...dates(2000, [10, [13]]),
    ]);
  });

  it('The first Saturday that follows the first Sunday of the month, forever', () => {
    expect(
      days(
        {
          freq: 'MONTHLY',
          dtstart: '1997-09-13',
          byday: 'SA',
          bymonthday: '7,8,9,10,11,12,13',
        },
        10,
      ),
    ).toEqual([
      ...dates(1997, [9, [13]], [10, [11]], [11, [8]], [12, [13]]),
      ...dates(1998, [1, [10]], [2, [7]], [3, [7]], [4, [11]], [5, [9]], [6, [13]]),
    ]);
  });

  it('An invalid date (February 30) is ignored: FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5', () => {
    const list = occurrences(
      {
        freq: 'MONTHLY',
        dtstart: '2007-01-15',
        count: 5,
        bymonthday: '15,30',
        opens_at: '09:00',
        closes_at: '10:00',
        closed_on_holidays: false,
      },
      new Date('2007-01-01T00:00:00Z'),
      new Date('2008-01-01T00:00:00Z'),
    );
    expect(list.map((o) => berlinDay.format(o.start))).toEqual(
      dates(2007, [1, [15, 30]], [2, [15]], [3, [15, 30]]),
    );
  });
});
