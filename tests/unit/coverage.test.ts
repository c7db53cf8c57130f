import { describe, expect, it } from 'vitest';
import { joinOffers } from '../../src/db/offers';
import {
  computeCoverage,
  DEFAULT_THRESHOLD,
  isGap,
  parseThreshold,
} from '../../src/features/koordination/coverage';
import { toCsv } from '../../src/features/koordination/csv';
import { isEvening, isOutsideOfficeHours, isWeekend } from '../../src/schedule/outsideHours';
import { location, org, schedule, service, uid } from './db.fixtures';

/*
 * Hand-computed fixture. Places: 10 Heckinghausen, 11 Heckinghausen, 12 Oberbarmen.
 *  101 jugendliche+alleinerziehende, places 10+11 (both H), Tue 19–21      → evening
 *  102 jugendliche, place 12 (O), Mon 9–12                                 → office hours
 *  103 alleinerziehende, places 10+12, Sat 10–12                           → weekend
 *  104 jugendliche, place 10, paused                                       → not counted
 *  105 senioren, no place                                                  → no column
 *  106 wohnungslose (not in the given list), place 12, deleted location 13 → extra row
 * Expected:
 *               Heckinghausen (listed/outside)   Oberbarmen
 *  jugendliche        1 / 1                       1 / 0
 *  alleinerz.         2 / 2                       1 / 1
 *  senioren           0 / 0                       0 / 0
 *  wohnungslose       0 / 0                       1 / 0
 */
const H = 'Heckinghausen';
const O = 'Oberbarmen';
const locations = [
  location(10, { quartier: H }),
  location(11, { quartier: H }),
  location(12, { quartier: O }),
  location(13, { quartier: 'Gelöscht', deleted: true }),
];
const weekly = (n: number, svc: number, byday: string, opens: string, closes: string) =>
  schedule(n, {
    service_id: uid(svc),
    freq: 'WEEKLY',
    byday,
    opens_at: opens,
    closes_at: closes,
  });
const services = [
  service(101, {
    target_groups: ['jugendliche', 'alleinerziehende'],
    location_ids: [uid(10), uid(11)],
  }),
  service(102, { target_groups: ['jugendliche'], location_ids: [uid(12)] }),
  service(103, { target_groups: ['alleinerziehende'], location_ids: [uid(10), uid(12)] }),
  service(104, { target_groups: ['jugendliche'], location_ids: [uid(10)], status: 'paused' }),
  service(105, { target_groups: ['senioren'] }),
  service(106, { target_groups: ['wohnungslose'], location_ids: [uid(12), uid(13)] }),
];
const schedules = [
  weekly(201, 101, 'TU', '19:00', '21:00'),
  weekly(202, 102, 'MO', '09:00', '12:00'),
  weekly(203, 103, 'SA', '10:00', '12:00'),
  weekly(204, 104, 'SU', '10:00', '12:00'),
];
const offers = joinOffers(services, {
  organizations: [org(1)],
  locations,
  schedules,
  contacts: [],
});

describe('computeCoverage', () => {
  it('counts listed offers per Zielgruppe and Quartier against the hand-computed table', () => {
    const c = computeCoverage(offers, ['jugendliche', 'alleinerziehende', 'senioren'], [H]);
    expect(c.quartiere).toEqual([H, O]);
    const table = c.rows.map((r) => [
      r.targetGroup,
      ...r.cells.map((cell) => `${cell.listed}/${cell.outsideHours}`),
    ]);
    expect(table).toEqual([
      ['jugendliche', '1/1', '1/0'],
      ['alleinerziehende', '2/2', '1/1'],
      ['senioren', '0/0', '0/0'],
      ['wohnungslose', '0/0', '1/0'],
    ]);
  });

  it('lists the listed offers that no Quartier counts: no place, or only a deleted one', () => {
    const gone = joinOffers([service(107, { location_ids: [uid(13)] })], {
      organizations: [org(1)],
      locations,
      schedules: [],
      contacts: [],
    });
    expect(computeCoverage([...offers, ...gone], [], []).withoutQuartier.map((o) => o.id)).toEqual([
      uid(105),
      uid(107),
    ]);
  });

  it('has an empty row for a group without offers and no column for a tombstoned place', () => {
    const c = computeCoverage([], ['senioren'], []);
    expect(c).toEqual({
      quartiere: [],
      rows: [{ targetGroup: 'senioren', cells: [] }],
      withoutQuartier: [],
    });
    expect(computeCoverage(offers, [], []).quartiere).not.toContain('Gelöscht');
  });
});

describe('gaps and threshold', () => {
  it('is a gap below the threshold only', () => {
    expect(isGap(1, 2)).toBe(true);
    expect(isGap(2, 2)).toBe(false);
    expect(isGap(0, 1)).toBe(true);
  });
  it('takes a whole number from 1 to 99, else the default', () => {
    expect(parseThreshold('3')).toBe(3);
    expect(parseThreshold('0')).toBe(DEFAULT_THRESHOLD);
    expect(parseThreshold('2.5')).toBe(DEFAULT_THRESHOLD);
    expect(parseThreshold(null)).toBe(DEFAULT_THRESHOLD);
    expect(parseThreshold('100')).toBe(DEFAULT_THRESHOLD);
  });
});

describe('outside office hours', () => {
  const rule = (over: Partial<Parameters<typeof isWeekend>[0]>) => ({
    ...weekly(1, 1, 'MO', '09:00', '12:00'),
    ...over,
  });
  it('evening: closes after 18:00 or runs past midnight', () => {
    expect(isEvening({ opens_at: '16:00', closes_at: '18:00' })).toBe(false);
    expect(isEvening({ opens_at: '16:00', closes_at: '18:30' })).toBe(true);
    expect(isEvening({ opens_at: '22:00', closes_at: '02:00' })).toBe(true);
  });
  it('weekend: a Saturday or Sunday, also as "last Saturday of the month"', () => {
    expect(isWeekend(rule({ byday: 'MO,FR' }))).toBe(false);
    expect(isWeekend(rule({ byday: 'FR,SA' }))).toBe(true);
    expect(isWeekend(rule({ freq: 'MONTHLY', byday: '-1SU' }))).toBe(true);
    expect(isOutsideOfficeHours(rule({ byday: 'MO' }))).toBe(false);
  });
});

describe('toCsv', () => {
  it('writes ; separated rows with quoting, a BOM and no live formulas', () => {
    expect(
      toCsv([
        ['a;b', 'x"y', 3],
        ['=SUM(A1)', 'ok', -1],
      ]),
    ).toBe('\uFEFF"a;b";"x""y";3\r\n\'=SUM(A1);ok;-1\r\n');
  });
});
