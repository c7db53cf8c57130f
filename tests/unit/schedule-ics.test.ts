/**
 * The calendar export, read back by an independent parser (ical.js, Mozilla's): every
 * VEVENT with its RRULE/EXDATE/RDATE must expand to exactly the dates occurrences() gives
 * for the next 12 months — for the whole demo directory and for generated schedules.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { offerCalendar } from '../../src/features/sprechstunden/CalendarButton/offerCalendar';
import { currentLanguage, loadLanguage, provideCatalogues } from '../../src/i18n';
import { catalogueLoaders } from '../../src/i18n/catalogues';
import type { UiLanguage } from '../../src/i18n/languages';
import type { Location, Schedule } from '../../src/model';
import { occurrences, type RecurrenceInput } from '../../src/schedule';
import { dayFromCivil } from '../../src/schedule/days';
import { BERLIN_VTIMEZONE, buildIcs, icsFileName } from '../../src/schedule/ics';
import { offsetAt, wallToInstant } from '../../src/schedule/tz';

const FROM = new Date('2026-11-02T08:00:00Z');
const TO = new Date('2027-11-02T08:00:00Z');
const DAY = 86_400_000;

interface Parsed {
  uid: string;
  starts: number[];
  ends: number[];
}

function parse(text: string): Parsed[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const it = event.iterator();
    const starts: number[] = [];
    const ends: number[] = [];
    for (let next = it.next(); next; next = it.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toJSDate().getTime();
      if (start >= TO.getTime()) break;
      starts.push(start);
      ends.push(details.endDate.toJSDate().getTime());
      if (starts.length > 2000) throw new Error('runaway expansion');
    }
    return { uid: String(event.uid), starts, ends };
  });
}

/** Expands the whole export and groups it by schedule id (an RDATE-only one may be split). */
function expand(text: string): Map<string, { starts: number[]; ends: number[] }> {
  const out = new Map<string, { starts: number[]; ends: number[] }>();
  for (const p of parse(text)) {
    const id = p.uid.replace(/@.*$/, '').replace(/-\d{8}$/, '');
    const entry = out.get(id) ?? { starts: [], ends: [] };
    entry.starts.push(...p.starts);
    entry.ends.push(...p.ends);
    out.set(id, entry);
  }
  for (const e of out.values()) {
    const order = e.starts
      .map((s, i) => [s, e.ends[i] as number] as const)
      .sort((a, b) => a[0] - b[0]);
    e.starts = order.map((o) => o[0]);
    e.ends = order.map((o) => o[1]);
  }
  return out;
}

function exportOf(schedules: (RecurrenceInput & { id: string })[]): string {
  return buildIcs({
    name: 'Test',
    from: FROM,
    stamp: FROM,
    entries: schedules.map((schedule) => ({ schedule, summary: 'Sprechstunde' })),
  });
}

describe('ICS export', () => {
  it('matches occurrences() for 12 months for every demo schedule', () => {
    const demo = demoDataset().schedules;
    const got = expand(exportOf(demo));
    let compared = 0;
    for (const s of demo) {
      const expected = occurrences(s, FROM, TO);
      const actual = got.get(s.id) ?? { starts: [], ends: [] };
      expect(
        actual.starts.map((t) => new Date(t).toISOString()),
        s.id,
      ).toEqual(expected.map((o) => o.start.toISOString()));
      expect(actual.ends, s.id).toEqual(expected.map((o) => o.end.getTime()));
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('matches occurrences() for generated schedules', () => {
    const iso = fc
      .integer({ min: Date.UTC(2026, 0, 1) / DAY, max: Date.UTC(2028, 0, 1) / DAY })
      .map((n) => new Date(n * DAY).toISOString().slice(0, 10));
    const time = fc
      .integer({ min: 5 * 60, max: 20 * 60 })
      .map(
        (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
      );
    const schedule = fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY').chain((freq) =>
      fc.record({
        id: fc.constant('s1'),
        freq: fc.constant(freq),
        interval: fc.integer({ min: 1, max: 3 }),
        byday: fc.option(
          fc.constantFrom(
            'MO',
            'TU,TH',
            'MO,TU,WE,TH,FR',
            ...(freq === 'MONTHLY' ? ['-1WE', '1MO', '2TU,4TU', '1SU,-1SU', 'FR'] : []),
          ),
          { nil: null },
        ),
        bymonthday: fc.option(fc.constantFrom('1', '15', '1,15', '-1', '30', '31', '13'), {
          nil: null,
          freq: 4,
        }),
        dtstart: fc.option(iso, { nil: null }),
        until: fc.option(iso, { nil: null, freq: 3 }),
        count: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null, freq: 4 }),
        wkst: fc.option(fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'), { nil: null }),
        opens_at: time,
        closes_at: time,
        valid_from: fc.option(iso, { nil: null, freq: 3 }),
        valid_to: fc.option(iso, { nil: null, freq: 3 }),
        exdates: fc.array(iso, { maxLength: 6 }),
        rdates: fc.array(iso, { maxLength: 3 }),
        closed_on_holidays: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(schedule, (s) => {
        const got = expand(exportOf([s])).get('s1') ?? { starts: [], ends: [] };
        const expected = occurrences(s, FROM, TO);
        expect(got.starts).toEqual(expected.map((o) => o.start.getTime()));
        // Hours that run through the night of a DST switch end at closes_at on the wall
        // clock here, and after the first instance's exact length in iCalendar
        // (RFC 5545 §3.8.5.3); only those may differ.
        expected.forEach((o, i) => {
          if (offsetAt(o.start.getTime()) === offsetAt(o.end.getTime())) {
            expect(got.ends[i]).toBe(o.end.getTime());
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes TZID, VTIMEZONE, RRULE, EXDATE (incl. holidays) and RDATE', () => {
    const text = buildIcs({
      name: 'Sprachcafé; Hüttenfeld',
      from: new Date('2026-11-01T10:00:00Z'),
      stamp: new Date('2026-11-01T10:00:00Z'),
      entries: [
        {
          schedule: {
            id: 'abc',
            freq: 'WEEKLY',
            byday: 'TU,TH',
            opens_at: '09:00',
            closes_at: '12:00',
            exdates: ['2026-12-24'],
            rdates: ['2026-12-28'],
          },
          summary: 'Sprachcafé, offen',
          location: 'Stadtteilzentrum, Hauptstr. 1',
        },
      ],
    });
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(unfolded).toContain('DTSTART;TZID=Europe/Berlin:20261103T090000');
    expect(unfolded).toContain('DTEND;TZID=Europe/Berlin:20261103T120000');
    expect(unfolded).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=TU,TH;WKST=MO;UNTIL=\d{8}T\d{6}Z/);
    // 24.12. by hand; Christi Himmelfahrt and Fronleichnam 2027 as holidays (NW).
    expect(unfolded).toContain(
      'EXDATE;TZID=Europe/Berlin:20261224T090000,20270506T090000,20270527T090000',
    );
    expect(unfolded).toContain('RDATE;TZID=Europe/Berlin:20261228T090000');
    expect(unfolded).toContain('SUMMARY:Sprachcafé\\, offen');
    expect(unfolded).toMatch(/DTSTAMP:20261101T100000Z/);
    // Lines are folded at 75 octets.
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('has a VTIMEZONE that agrees with the platform zone data until 2040', () => {
    const root = new ICAL.Component(
      ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${BERLIN_VTIMEZONE}\r\nEND:VCALENDAR`),
    );
    const tz = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    let checked = 0;
    for (let year = 2026; year <= 2040; year++) {
      for (const month of [1, 3, 4, 7, 10, 11]) {
        for (let day = 1; day <= 31; day += month === 3 || month === 10 ? 1 : 10) {
          // 02:00–02:59 is missing or doubled on switch days; the engine's rule for those
          // is tested elsewhere.
          for (const minute of [0, 60, 119, 180, 720, 1439]) {
            const local = new ICAL.Time(
              { year, month, day, hour: Math.floor(minute / 60), minute: minute % 60, second: 0 },
              tz,
            );
            expect(local.toUnixTime() * 1000).toBe(
              wallToInstant(dayFromCivil(year, month, day), minute),
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('makes a safe file name', () => {
    expect(icsFileName('Sprachcafé „Miteinander“ – Hüttenfeld/Süd')).toBe(
      'sprechstunden-sprachcafe-miteinander-huttenfeld-sud.ics',
    );
    expect(icsFileName('')).toBe('sprechstunden.ics');
  });
});

describe('ICS export in the chosen language', () => {
  const demo = demoDataset();
  const schedule = demo.schedules[0] as Schedule; // last Wednesday, 15–17, not on 30.12.2026
  const place = demo.locations.find((l) => l.id === schedule.location_id) as Location;
  const link = 'https://wegweiser.example/sprechstunden/angebot/x';

  async function fileIn(lang: UiLanguage) {
    provideCatalogues(catalogueLoaders);
    await loadLanguage(lang);
    const { text } = offerCalendar({
      name: 'Sprachcafé; offen, für alle',
      schedules: [schedule],
      locations: [place],
      link,
      from: FROM,
      stamp: FROM,
      lang,
    });
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component,
    );
    return { text, summary: event.summary, description: event.description };
  }

  /** Folded at 75 octets without cutting a character in two (RFC 5545 §3.1). */
  function expectValidLines(text: string) {
    const bytes = new TextEncoder().encode(text);
    const lines: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        lines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => strict.decode(line)).not.toThrow();
    }
  }

  it('writes SUMMARY and DESCRIPTION in English while the UI is German', async () => {
    const { text, summary, description } = await fileIn('en');
    expect(currentLanguage()).toBe('de');
    expect(summary).toBe('Opening hours: Sprachcafé; offen, für alle');
    expect(description).toBe(
      [
        'on the last Wednesday of the month, 3–5\u202fpm',
        'cancelled on: 30/12/2026 · closed on public holidays',
        'Im Dezember 2026 entfällt der Termin (30.12.).',
        link,
      ].join('\n'),
    );
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Opening hours: Sprachcafé\\; offen\\, für alle');
    expect(unfolded).toContain(
      'DESCRIPTION:on the last Wednesday of the month\\, 3–5\u202fpm\\ncancelled',
    );
    expect(unfolded).toMatch(/PRODID:-\/\/Quartier-Wegweiser\/\/Sprechstunden\/\/EN/);
    expectValidLines(text);
  });

  it('writes SUMMARY and DESCRIPTION in Arabic, folded between characters', async () => {
    const { text, summary, description } = await fileIn('ar');
    expect(summary).toBe('موعد الاستقبال: Sprachcafé; offen, für alle');
    expect(description).toBe(
      [
        'يوم الأربعاء الأخير من كل شهر، من الساعة 15:00 إلى 17:00',
        'مُلغى في: 30\u200f/12\u200f/2026 · مغلق في أيام العطل الرسمية',
        'Im Dezember 2026 entfällt der Termin (30.12.).',
        link,
      ].join('\n'),
    );
    expect(text).toMatch(/PRODID:-\/\/Quartier-Wegweiser\/\/Sprechstunden\/\/AR/);
    // The times of the event stay what they are, whatever the language.
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261125T150000');
    expectValidLines(text);
  });
});
