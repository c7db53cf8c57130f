/**
 * Public holidays (gesetzliche Feiertage) per Bundesland, computed: nine nationwide days,
 * the Easter-based ones from the Gregorian computus, and each Land's own. Only Land-wide
 * holidays count; holidays of single municipalities (Augsburger Friedensfest, Fronleichnam
 * in parts of Sachsen/Thüringen, Mariä Himmelfahrt in parts of Bayern) and one-off days
 * are left out.
 */
import { civilFromDay, dayFromCivil } from './days';

export const BUNDESLAENDER = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type Bundesland = (typeof BUNDESLAENDER)[number];

export type HolidayKey =
  | 'neujahr'
  | 'dreikoenige'
  | 'frauentag'
  | 'karfreitag'
  | 'ostersonntag'
  | 'ostermontag'
  | 'tagDerArbeit'
  | 'himmelfahrt'
  | 'pfingstsonntag'
  | 'pfingstmontag'
  | 'fronleichnam'
  | 'mariaeHimmelfahrt'
  | 'weltkindertag'
  | 'einheit'
  | 'reformationstag'
  | 'allerheiligen'
  | 'bussUndBettag'
  | 'weihnachten1'
  | 'weihnachten2';

/** Easter Sunday (Gregorian; anonymous algorithm of Meeus/Jones/Butcher) as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromCivil(year, month, day);
}

const has = (lands: readonly Bundesland[], land: Bundesland) => lands.includes(land);

function compute(year: number, land: Bundesland): Map<number, HolidayKey> {
  const out = new Map<number, HolidayKey>();
  const add = (day: number, key: HolidayKey) => out.set(day, key);
  const date = (m: number, d: number) => dayFromCivil(year, m, d);
  const easter = easterSunday(year);

  add(date(1, 1), 'neujahr');
  if (has(['BW', 'BY', 'ST'], land)) add(date(1, 6), 'dreikoenige');
  if ((land === 'BE' && year >= 2019) || (land === 'MV' && year >= 2023)) {
    add(date(3, 8), 'frauentag');
  }
  add(easter - 2, 'karfreitag');
  if (land === 'BB') add(easter, 'ostersonntag');
  add(easter + 1, 'ostermontag');
  add(date(5, 1), 'tagDerArbeit');
  add(easter + 39, 'himmelfahrt');
  if (land === 'BB') add(easter + 49, 'pfingstsonntag');
  add(easter + 50, 'pfingstmontag');
  if (has(['BW', 'BY', 'HE', 'NW', 'RP', 'SL'], land)) add(easter + 60, 'fronleichnam');
  if (land === 'SL') add(date(8, 15), 'mariaeHimmelfahrt');
  if (land === 'TH' && year >= 2019) add(date(9, 20), 'weltkindertag');
  add(date(10, 3), 'einheit');
  if (
    has(['BB', 'MV', 'SN', 'ST', 'TH'], land) ||
    (has(['HB', 'HH', 'NI', 'SH'], land) && year >= 2018) ||
    year === 2017
  ) {
    add(date(10, 31), 'reformationstag');
  }
  if (has(['BW', 'BY', 'NW', 'RP', 'SL'], land)) add(date(11, 1), 'allerheiligen');
  if (land === 'SN') {
    // The Wednesday before 23 November: 23.11. minus 1–7 days.
    const nov23 = date(11, 23);
    const wd = (((nov23 + 3) % 7) + 7) % 7; // 0 = Monday
    add(nov23 - ((wd - 2 + 7) % 7 || 7), 'bussUndBettag');
  }
  add(date(12, 25), 'weihnachten1');
  add(date(12, 26), 'weihnachten2');
  return out;
}

const cache = new Map<string, Map<number, HolidayKey>>();

/** Holidays of one year in a Land: day number → key (name in i18n `schedule.holiday.<key>`). */
export function holidaysOfYear(year: number, land: Bundesland): Map<number, HolidayKey> {
  const id = `${land}${year}`;
  let map = cache.get(id);
  if (!map) {
    map = compute(year, land);
    cache.set(id, map);
  }
  return map;
}

let last: { land: Bundesland; from: number; to: number; map: Map<number, HolidayKey> } | null =
  null;

/** The holiday on a day (day number), if any; hot path of "open now" for thousands of hours. */
export function holidayOn(day: number, land: Bundesland): HolidayKey | undefined {
  if (!last || last.land !== land || day < last.from || day > last.to) {
    const year = civilFromDay(day).year;
    last = {
      land,
      from: dayFromCivil(year, 1, 1),
      to: dayFromCivil(year, 12, 31),
      map: holidaysOfYear(year, land),
    };
  }
  return last.map.get(day);
}
