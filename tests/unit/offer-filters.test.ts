import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FilterSet,
  facetsOf,
  filteredIdsFromDb,
  isListed,
  joinOffers,
  matchesFilters,
  withDerivedServiceFields,
} from '../../src/db/offers';
import type { WegweiserDB } from '../../src/db/schema';
import type { Service } from '../../src/model';
import { buildDoc } from '../../src/search/documents';
import { SearchEngine } from '../../src/search/engine';
import { destroy, freshDb, location, org, service, uid } from './db.fixtures';

/*
 * One table of filter cases, decided by every path that filters offers: the pure facets
 * (what the index keeps per offer), the search index itself, and the IndexedDB fallback
 * used while the index is not there yet. Each path must give exactly the expected offers.
 */

const HECK = uid(10);
const OBER = uid(11);
const BARMEN = uid(12);
const OBER_GONE = uid(13);

const organizations = [org(1)];
const locations = [
  location(10, { quartier: 'Heckinghausen' }),
  location(11, { quartier: 'Oberbarmen' }),
  location(12, { quartier: 'Barmen' }),
  // A pending local delete: its Quartier must not count for anyone.
  location(13, { quartier: 'Oberbarmen', deleted: true }),
];

/** In German alphabetical order, so every path can be compared in order. */
const services: Service[] = [
  service(101, {
    name: 'Ämterlotsen',
    target_groups: ['alleinerziehende'],
    categories: ['beratung'],
    location_ids: [HECK],
    languages: ['de', 'tr'],
    traits: ['kostenlos', 'ohne-termin'],
  }),
  service(102, {
    name: 'Berufsberatung',
    target_groups: ['jugendliche'],
    categories: ['arbeit'],
    location_ids: [OBER],
    languages: ['de'],
    traits: ['kostenlos'],
  }),
  service(103, {
    name: 'Café International',
    target_groups: ['fluchthintergrund', 'familien'],
    categories: ['sprache', 'begegnung'],
    location_ids: [HECK, OBER],
    languages: ['de', 'ar'],
    traits: ['ohne-termin'],
  }),
  service(104, {
    name: 'Deutschkurs',
    target_groups: ['jugendliche', 'fluchthintergrund'],
    categories: ['sprache', 'arbeit'],
    location_ids: [OBER_GONE, BARMEN],
    languages: ['uk'],
    traits: ['kostenlos', 'ohne-termin', 'anonym'],
  }),
  // Never listed, whatever the filters.
  service(105, {
    name: 'Pausierte Jugendberatung',
    status: 'paused',
    target_groups: ['jugendliche'],
    location_ids: [HECK],
    languages: ['de', 'tr', 'ar', 'uk'],
    traits: ['kostenlos', 'ohne-termin', 'anonym'],
  }),
  service(106, {
    name: 'Gelöschte Jugendberatung',
    deleted: true,
    target_groups: ['jugendliche'],
    location_ids: [HECK],
    languages: ['de', 'tr', 'ar', 'uk'],
    traits: ['kostenlos', 'ohne-termin', 'anonym'],
  }),
];

const NAME = new Map(services.map((s) => [s.id, s.name]));
const names = (ids: string[]) => ids.map((id) => NAME.get(id) ?? id);

const CASES: { name: string; filters: FilterSet; expected: string[] }[] = [
  {
    name: 'none',
    filters: {},
    expected: ['Ämterlotsen', 'Berufsberatung', 'Café International', 'Deutschkurs'],
  },
  {
    name: 'target groups: any of',
    filters: { targetGroups: ['alleinerziehende', 'jugendliche'] },
    expected: ['Ämterlotsen', 'Berufsberatung', 'Deutschkurs'],
  },
  {
    name: 'one category',
    filters: { categories: ['sprache'] },
    expected: ['Café International', 'Deutschkurs'],
  },
  {
    name: 'categories: any of',
    filters: { categories: ['beratung', 'arbeit'] },
    expected: ['Ämterlotsen', 'Berufsberatung', 'Deutschkurs'],
  },
  {
    name: 'Quartier: only live locations count',
    filters: { quartiere: ['Oberbarmen'] },
    expected: ['Berufsberatung', 'Café International'],
  },
  {
    name: 'Quartiere: any of',
    filters: { quartiere: ['Barmen', 'Heckinghausen'] },
    expected: ['Ämterlotsen', 'Café International', 'Deutschkurs'],
  },
  { name: 'one language', filters: { languages: ['tr'] }, expected: ['Ämterlotsen'] },
  {
    name: 'languages: any of',
    filters: { languages: ['ar', 'uk'] },
    expected: ['Café International', 'Deutschkurs'],
  },
  {
    name: 'one trait',
    filters: { traits: ['kostenlos'] },
    expected: ['Ämterlotsen', 'Berufsberatung', 'Deutschkurs'],
  },
  {
    name: 'traits: all of',
    filters: { traits: ['kostenlos', 'ohne-termin'] },
    expected: ['Ämterlotsen', 'Deutschkurs'],
  },
  {
    name: 'combined: target group, category and trait',
    filters: { targetGroups: ['jugendliche'], categories: ['arbeit'], traits: ['kostenlos'] },
    expected: ['Berufsberatung', 'Deutschkurs'],
  },
  {
    name: 'combined: Quartier and language',
    filters: { quartiere: ['Oberbarmen'], languages: ['ar'] },
    expected: ['Café International'],
  },
  {
    name: 'combined: every kind',
    filters: {
      targetGroups: ['fluchthintergrund'],
      categories: ['sprache'],
      quartiere: ['Barmen'],
      languages: ['uk'],
      traits: ['anonym'],
    },
    expected: ['Deutschkurs'],
  },
  { name: 'none match: language', filters: { languages: ['fr'] }, expected: [] },
  { name: 'none match: trait', filters: { traits: ['barrierefrei'] }, expected: [] },
  {
    name: 'none match: only a paused offer would',
    filters: { targetGroups: ['jugendliche'], quartiere: ['Heckinghausen'] },
    expected: [],
  },
];

const offers = joinOffers(services.filter(isListed).map(withDerivedServiceFields), {
  organizations,
  locations,
  schedules: [],
  contacts: [],
});

function byFacets(filters: FilterSet): string[] {
  return offers.filter((o) => matchesFilters(facetsOf(o), filters)).map((o) => o.service.id);
}

const engine = SearchEngine.create();
for (const offer of offers) {
  const { doc, meta } = buildDoc(offer);
  engine.upsert(doc, meta);
}

let db: WegweiserDB;

beforeAll(async () => {
  db = freshDb().db;
  await db.organizations.bulkPut(organizations);
  await db.locations.bulkPut(locations);
  await db.services.bulkPut(services);
});

afterAll(() => destroy(db));

describe.each(CASES)('filter: $name', ({ filters, expected }) => {
  it('the facets of joined offers', () => {
    expect(names(byFacets(filters))).toEqual(expected);
  });

  it('the search index', () => {
    expect(names(engine.search('', filters).hits.map((h) => h.id))).toEqual(expected);
  });

  it('the IndexedDB fallback', async () => {
    expect(names(await filteredIdsFromDb(db, filters))).toEqual(expected);
  });
});

describe('facets', () => {
  it('the index keeps the facets of the read model', () => {
    for (const offer of offers) {
      const { meta } = buildDoc(offer);
      const { tg, cat, q, lang, traits } = meta;
      expect({ tg, cat, q, lang, traits }).toEqual(facetsOf(offer));
    }
  });

  it('joins only the live, listed offers', () => {
    expect(offers.map((o) => o.service.name)).toEqual(CASES[0]?.expected);
  });
});
