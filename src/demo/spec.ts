/**
 * Authoring vocabulary for the demo tables: short helpers so that an offer reads like the
 * notice on the door ("jeden letzten Mittwoch 15–17 Uhr"), not like a JSON dump.
 */
import type { Category, ScheduleRule, TargetGroup, Trait } from '../model';
import type { LocKey } from './locations';
import type { OrgKey } from './organizations';

export const DEMO_CITY = 'Emscherhagen';
export const DEMO_UPDATED_AT = '2026-11-01T08:00:00.000Z';
export const DEMO_UPDATED_BY = 'demo';

export const MO_TO_TH = 'MO,TU,WE,TH';
export const MO_TO_FR = 'MO,TU,WE,TH,FR';

/**
 * NRW school holidays used by the demo (assumed dates; the demo only needs them to be
 * plausible and consistent).
 */
export const SCHULFERIEN = {
  weihnachten: { from: '2026-12-23', to: '2027-01-06' },
  ostern: { from: '2027-03-22', to: '2027-04-03' },
  sommer: { from: '2027-07-19', to: '2027-08-31' },
  herbst: { from: '2027-10-25', to: '2027-11-06' },
} as const;

export interface OrganizationSpec {
  name: string;
  description: string;
  email?: string;
  website?: string;
  phone?: string;
}

export interface LocationSpec {
  name: string;
  description?: string;
  address_1: string;
  quartier: QuartierName;
  /** Owner of the building, if one of the demo providers. */
  org?: string;
  /** Offset from the Quartier centre in metres (east, north) — keeps coordinates plausible. */
  offset: readonly [number, number];
  accessibility?: string;
  transportation?: string;
}

export type HoursOptions = Partial<
  Omit<ScheduleRule, 'freq' | 'opens_at' | 'closes_at' | 'byday' | 'bymonthday'>
> & {
  /** Location key; defaults to the offer's first location. */
  at?: LocKey;
  notes?: string;
};

export type HoursSpec = ScheduleRule & { at?: LocKey; notes?: string };

export interface ContactSpec {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  langs?: string[];
  availability?: string;
  /** Direct line for workers only — never shown to residents. */
  internal?: boolean;
}

export interface OfferSpec {
  key: string;
  org: OrgKey;
  name: string;
  alt?: string;
  desc: string;
  tg: TargetGroup[];
  cat: Category[];
  traits?: Trait[];
  langs?: string[];
  legal?: string;
  at: LocKey[];
  hours?: HoursSpec[];
  contacts?: ContactSpec[];
  internal?: boolean;
  status?: 'paused' | 'ended';
  /** "Zuletzt geprüft"; omitted = never checked. */
  assured?: string;
  url?: string;
  email?: string;
  phone?: string;
  fees?: string;
  eligibility?: string;
  application?: string;
}

export const QUARTIERE = {
  'Hüttenfeld-Nord': { postal_code: '44871', lat: 51.5318, lon: 7.2152 },
  Schachtheide: { postal_code: '44873', lat: 51.5186, lon: 7.2481 },
  Morgensonne: { postal_code: '44875', lat: 51.5072, lon: 7.1984 },
  'Emscherau-Süd': { postal_code: '44879', lat: 51.5241, lon: 7.1817 },
} as const;

export type QuartierName = keyof typeof QUARTIERE;
export const QUARTIER_NAMES = Object.keys(QUARTIERE) as QuartierName[];

export function weekly(
  byday: string,
  opens_at: string,
  closes_at: string,
  opts: HoursOptions = {},
): HoursSpec {
  return { freq: 'WEEKLY', byday, opens_at, closes_at, ...opts };
}

/** "14-täglich": the dtstart anchors which of the two weeks is the active one. */
export function fortnightly(
  byday: string,
  dtstart: string,
  opens_at: string,
  closes_at: string,
  opts: HoursOptions = {},
): HoursSpec {
  return { freq: 'WEEKLY', interval: 2, byday, dtstart, opens_at, closes_at, ...opts };
}

/** Nth (or, negative, nth-last) weekday of the month, e.g. "1TU", "-1WE". */
export function monthly(
  byday: string,
  opens_at: string,
  closes_at: string,
  opts: HoursOptions = {},
): HoursSpec {
  return { freq: 'MONTHLY', byday, opens_at, closes_at, ...opts };
}

/** Fixed days of the month, e.g. "1,15". */
export function monthlyOn(
  bymonthday: string,
  opens_at: string,
  closes_at: string,
  opts: HoursOptions = {},
): HoursSpec {
  return { freq: 'MONTHLY', bymonthday, opens_at, closes_at, ...opts };
}

export function daily(opens_at: string, closes_at: string, opts: HoursOptions = {}): HoursSpec {
  return { freq: 'DAILY', opens_at, closes_at, ...opts };
}

/** Once a year on the dtstart's calendar day (RFC 5545 default for YEARLY). */
export function yearly(
  dtstart: string,
  opens_at: string,
  closes_at: string,
  opts: HoursOptions = {},
): HoursSpec {
  return { freq: 'YEARLY', dtstart, opens_at, closes_at, ...opts };
}
