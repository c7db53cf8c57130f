/**
 * Synthetic directories of any size (1,000 – 50,000 offers) for load tests and benchmarks.
 * Records are built already in their parsed shape (defaults filled) because zod-parsing
 * 50k offers would dominate the run time; tests validate a sample against the schemas.
 */
import {
  CATEGORIES,
  type Contact,
  type Location,
  type Organization,
  type Schedule,
  type Service,
  TARGET_GROUPS,
  TRAITS,
  type Trait,
} from '../model';
import { createRng, uuidFrom } from './ids';
import { DEMO_CITY, DEMO_UPDATED_AT, QUARTIERE } from './spec';
import {
  ACCESSIBILITY,
  asciiSlug,
  CONTACT_TITLES,
  DESCRIPTION_TAILS,
  EXTRA_LANGUAGES,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS,
  LOCATION_KINDS,
  ORG_KINDS,
  ORG_MOTTOS,
  QUALIFIERS,
  type QuartierSeed,
  STREETS,
  SYNTHETIC_QUARTIERE,
  TOPICS,
} from './synthetic-words';
import type { Dataset } from './types';

export { SYNTHETIC_QUARTIERE };

const UPDATED_BY = 'synthetic';
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
/** First Monday of the demo period; fortnightly rules anchor on the two weeks after it. */
const ANCHOR_DAYS = Array.from(
  { length: 14 },
  (_, i) => `2026-11-${String(2 + i).padStart(2, '0')}`,
);
const OPENING_SLOTS = [
  8 * 60,
  8 * 60 + 30,
  9 * 60,
  10 * 60,
  13 * 60,
  14 * 60,
  15 * 60,
  16 * 60,
  17 * 60,
];
const DURATIONS = [60, 90, 120, 120, 180, 240];
const FIRST_SLUGS = FIRST_NAMES.map(asciiSlug);
const LAST_SLUGS = LAST_NAMES.map(asciiSlug);
/** Qualifiers that make sense for each topic ("Kita-Platz-Beratung für Senior*innen" does not). */
const TOPIC_QUALIFIERS = TOPICS.map((t) =>
  QUALIFIERS.filter((q) => !q.targetGroup || t.open || t.targetGroups.includes(q.targetGroup)),
);
const SEASONS = [
  ['2027-03-22', '2027-04-03'],
  ['2027-07-19', '2027-08-31'],
  ['2027-04-01', '2027-10-31'],
  ['2026-11-15', '2027-03-15'],
] as const;

function hhmm(minutes: number): string {
  const m = Math.min(minutes, 23 * 60 + 59);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Deterministic synthetic dataset: same `n` and `seed` give deep-equal output. Sizes:
 * n offers, ~n/8 Träger, ~n/10 Orte over 16 Quartiere, 1–3 schedules and 1–2 contacts per
 * offer.
 */
export function syntheticDataset(n: number, seed = 1): Dataset {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const rng = createRng(seed);
  const int = (max: number) => Math.floor(rng() * max);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)] as T;
  const chance = (p: number) => rng() < p;
  const phone = () => `02390 ${10 + int(90)} ${10 + int(90)} ${10 + int(90)}`;

  const quartiere: QuartierSeed[] = [
    ...Object.entries(QUARTIERE).map(([name, q]) => ({ name, ...q })),
    ...SYNTHETIC_QUARTIERE,
  ];

  const organizations: Organization[] = [];
  const orgDomains: string[] = [];
  const orgCount = Math.max(1, Math.round(n / 8));
  for (let i = 0; i < orgCount; i++) {
    const kind = pick(ORG_KINDS);
    const place = chance(0.5) ? pick(quartiere).name : `„${pick(ORG_MOTTOS)}“`;
    const name = `${kind} ${place} ${pick(LEGAL_FORMS)}`;
    const domain = `${asciiSlug(`${kind}-${place}`)}-${i}.example`;
    orgDomains.push(domain);
    organizations.push({
      id: uuidFrom(rng),
      version: 0,
      updated_at: DEMO_UPDATED_AT,
      updated_by: UPDATED_BY,
      deleted: false,
      visibility: 'public',
      name,
      description: `${kind} im Emscherhagener Norden. Angebote für Nachbarschaft, Familien und Menschen in schwierigen Lebenslagen.`,
      email: `info@${domain}`,
      website: `https://www.${domain}`,
      phone: phone(),
    });
  }

  const locations: Location[] = [];
  const locQuartier: QuartierSeed[] = [];
  const locCount = Math.max(1, Math.round(n / 10));
  for (let i = 0; i < locCount; i++) {
    const q = quartiere[i % quartiere.length] as QuartierSeed;
    locations.push({
      id: uuidFrom(rng),
      version: 0,
      updated_at: DEMO_UPDATED_AT,
      updated_by: UPDATED_BY,
      deleted: false,
      visibility: 'public',
      organization_id: chance(0.5) ? (organizations[int(orgCount)] as Organization).id : null,
      name: `${pick(LOCATION_KINDS)} ${q.name}`,
      address_1: `${pick(STREETS)} ${1 + int(180)}`,
      postal_code: q.postal_code,
      city: DEMO_CITY,
      quartier: q.name,
      // ±~800 m around the Quartier centre.
      latitude: Math.round((q.lat + (rng() - 0.5) * 0.0144) * 1e6) / 1e6,
      longitude: Math.round((q.lon + (rng() - 0.5) * 0.0232) * 1e6) / 1e6,
      accessibility: chance(0.6) ? pick(ACCESSIBILITY) : null,
    });
    locQuartier.push(q);
  }

  const services: Service[] = [];
  const schedules: Schedule[] = [];
  const contacts: Contact[] = [];
  for (let i = 0; i < n; i++) {
    const topicIndex = int(TOPICS.length);
    const topic = TOPICS[topicIndex] as (typeof TOPICS)[number];
    const qualifier = pick(TOPIC_QUALIFIERS[topicIndex] as typeof QUALIFIERS);
    const orgIndex = int(orgCount);
    const org = organizations[orgIndex] as Organization;
    const locIndex = int(locCount);
    const locationIds = [(locations[locIndex] as Location).id];
    if (chance(0.2) && locCount > 1) {
      const other = (locations[int(locCount)] as Location).id;
      if (other !== locationIds[0]) locationIds.push(other);
    }
    const targetGroups = new Set<string>(topic.targetGroups);
    if (qualifier.targetGroup) targetGroups.add(qualifier.targetGroup);
    if (chance(0.15)) targetGroups.add(pick(TARGET_GROUPS));
    // Guarantee every slug occurs, even in the smallest data set.
    if (i < TARGET_GROUPS.length) targetGroups.add(TARGET_GROUPS[i] as string);
    const categories = new Set<string>(topic.categories);
    if (chance(0.1)) categories.add(pick(CATEGORIES));
    if (i < CATEGORIES.length) categories.add(CATEGORIES[i] as string);
    const traits: Trait[] = TRAITS.filter(() => chance(0.35));
    const languages = ['de'];
    for (let k = int(4); k > 0; k--) {
      const l = pick(EXTRA_LANGUAGES);
      if (!languages.includes(l)) languages.push(l);
    }
    const roll = rng();
    const visibility = roll < 0.05 ? 'internal' : 'public';
    const status = roll > 0.99 ? 'ended' : roll > 0.96 ? 'paused' : 'active';
    const serviceId = uuidFrom(rng);
    services.push({
      id: serviceId,
      version: 0,
      updated_at: DEMO_UPDATED_AT,
      updated_by: UPDATED_BY,
      deleted: false,
      visibility,
      organization_id: org.id,
      name: `${topic.name}${qualifier.text} – ${(locQuartier[locIndex] as QuartierSeed).name}`,
      description: `${topic.sentence} ${pick(DESCRIPTION_TAILS)}`,
      status,
      target_groups: [...targetGroups],
      categories: [...categories],
      traits,
      languages,
      location_ids: locationIds,
      legal_basis: topic.legal ?? null,
      phone: chance(0.3) ? phone() : null,
      assured_date: chance(0.85)
        ? `2026-${String(1 + int(10)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`
        : null,
    });

    for (let s = 1 + int(3); s > 0; s--) {
      const opens = pick(OPENING_SLOTS);
      // Every key present (null when unused) keeps one object shape for 100k schedules.
      const schedule: Schedule = {
        id: uuidFrom(rng),
        version: 0,
        updated_at: DEMO_UPDATED_AT,
        updated_by: UPDATED_BY,
        deleted: false,
        visibility,
        service_id: serviceId,
        location_id: pick(locationIds),
        freq: 'WEEKLY',
        interval: 1,
        byday: null,
        bymonthday: null,
        dtstart: null,
        until: null,
        count: null,
        opens_at: hhmm(opens),
        closes_at: hhmm(opens + pick(DURATIONS)),
        valid_from: null,
        valid_to: null,
        exdates: chance(0.2) ? ['2026-12-24', '2026-12-31'] : [],
        rdates: [],
        closed_on_holidays: chance(0.9),
        notes: null,
      };
      const day = int(5);
      const kind = rng();
      if (kind < 0.5) {
        schedule.byday = chance(0.3) ? WEEKDAYS.slice(0, 2 + int(4)).join(',') : WEEKDAYS[day];
      } else if (kind < 0.62) {
        schedule.interval = 2;
        schedule.byday = WEEKDAYS[day];
        schedule.dtstart = ANCHOR_DAYS[day + 7 * int(2)];
      } else if (kind < 0.77) {
        schedule.freq = 'MONTHLY';
        schedule.byday = `${1 + int(4)}${WEEKDAYS[day]}`;
      } else if (kind < 0.85) {
        schedule.freq = 'MONTHLY';
        schedule.byday = `-1${WEEKDAYS[day]}`;
      } else if (kind < 0.92) {
        schedule.freq = 'MONTHLY';
        schedule.bymonthday = chance(0.5) ? '1,15' : String(1 + int(28));
      } else if (kind < 0.97) {
        const [from, to] = pick(SEASONS);
        schedule.byday = WEEKDAYS.join(',');
        schedule.valid_from = from;
        schedule.valid_to = to;
        schedule.notes = 'Nur in diesem Zeitraum.';
      } else {
        schedule.freq = 'DAILY';
        schedule.closed_on_holidays = false;
      }
      schedules.push(schedule);
    }

    for (let c = 1 + int(2), k = 0; k < c; k++) {
      const internal = visibility === 'internal' || (k > 0 && chance(0.6));
      const first = int(FIRST_NAMES.length);
      const last = int(LAST_NAMES.length);
      contacts.push({
        id: uuidFrom(rng),
        version: 0,
        updated_at: DEMO_UPDATED_AT,
        updated_by: UPDATED_BY,
        deleted: false,
        visibility: internal ? 'internal' : 'public',
        service_id: serviceId,
        organization_id: org.id,
        name: `${FIRST_NAMES[first]} ${LAST_NAMES[last]}`,
        title: pick(CONTACT_TITLES),
        phone: phone(),
        email: `${FIRST_SLUGS[first]}.${LAST_SLUGS[last]}@${orgDomains[orgIndex]}`,
        languages: languages.slice(0, 1 + int(languages.length)),
        availability: internal ? 'Direktdurchwahl für Fachkräfte, Mo–Fr 8–9 Uhr' : null,
      });
    }
  }

  return { organizations, locations, services, schedules, contacts };
}
