import { label } from '../i18n';
import type { Contact, Location, Organization, Service } from '../model';
import { translatedTexts } from '../model/translations';

/** What the index sees of one offer: every searchable field as text. */
export interface SearchDoc {
  id: string;
  name: string;
  alt: string;
  description: string;
  provider: string;
  categories: string;
  targetGroups: string;
  quartiere: string;
  languages: string;
  legal: string;
  contacts: string;
  places: string;
  traits: string;
  /** The offer's and its Träger's names in every language they are translated into. */
  translatedNames: string;
  /** The offer's description in every language it is translated into. */
  translatedText: string;
}

export const SEARCH_FIELDS = [
  'name',
  'alt',
  'description',
  'provider',
  'categories',
  'targetGroups',
  'quartiere',
  'languages',
  'legal',
  'contacts',
  'places',
  'traits',
  'translatedNames',
  'translatedText',
] as const satisfies readonly (keyof SearchDoc)[];

/**
 * Field weights: the name says what an offer is; taxonomy labels and the provider say it
 * almost as well; the description mentions much in passing; addresses and contact names
 * are for people who know exactly what they look for.
 */
export const FIELD_BOOSTS: Record<(typeof SEARCH_FIELDS)[number], number> = {
  name: 5,
  translatedNames: 4,
  alt: 3,
  categories: 2.5,
  targetGroups: 2,
  provider: 2,
  legal: 2,
  quartiere: 1.5,
  languages: 1.5,
  traits: 1.2,
  contacts: 1.2,
  description: 1,
  translatedText: 1,
  places: 0.8,
};

/**
 * What filters, sorting and incremental updates need of an offer, kept next to the index
 * (and saved with it) so a search never has to touch IndexedDB.
 */
export interface DocMeta {
  id: string;
  /** German sort key (sort_name). */
  sort: string;
  tg: string[];
  cat: string[];
  /** Quartiere of its locations. */
  q: string[];
  lang: string[];
  traits: string[];
  /** Ids it was built from, to find the offers affected by a changed Träger, Ort, contact. */
  org: string;
  locs: string[];
  contacts: string[];
  /** Highest version of the records it was built from. */
  v: number;
}

export interface DocSources {
  service: Service & { sort_name?: string };
  organization: Organization | null;
  locations: Location[];
  contacts: Contact[];
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Pure: records in, index document and metadata out. */
export function buildDoc({ service, organization, locations, contacts }: DocSources): {
  doc: SearchDoc;
  meta: DocMeta;
} {
  const quartiere = uniq(locations.map((l) => l.quartier));
  const doc: SearchDoc = {
    id: service.id,
    name: service.name,
    alt: service.alternate_name ?? '',
    description: [
      service.description,
      service.eligibility_description,
      service.application_process,
      service.fees_description,
    ]
      .filter(Boolean)
      .join('\n'),
    provider: organization?.name ?? '',
    categories: service.categories.map((c) => label('category', c)).join(' · '),
    targetGroups: service.target_groups.map((g) => label('targetGroup', g)).join(' · '),
    quartiere: quartiere.join(' · '),
    languages: service.languages.map((l) => label('language', l)).join(' · '),
    legal: service.legal_basis ?? '',
    contacts: contacts.map((c) => [c.name, c.title].filter(Boolean).join(' ')).join(' · '),
    places: locations.map((l) => `${l.name} ${l.address_1} ${l.postal_code} ${l.city}`).join(' · '),
    traits: service.traits.map((t) => label('trait', t)).join(' · '),
    translatedNames: [
      ...translatedTexts(service, 'name'),
      ...(organization ? translatedTexts(organization, 'name') : []),
    ].join(' · '),
    translatedText: translatedTexts(service, 'description').join('\n'),
  };
  const versions = [
    service.version,
    organization?.version ?? 0,
    ...locations.map((l) => l.version),
    ...contacts.map((c) => c.version),
  ];
  const meta: DocMeta = {
    id: service.id,
    sort: service.sort_name ?? service.name,
    tg: service.target_groups,
    cat: service.categories,
    q: quartiere,
    lang: service.languages,
    traits: service.traits,
    org: service.organization_id,
    locs: service.location_ids,
    contacts: contacts.map((c) => c.id),
    v: Math.max(0, ...versions),
  };
  return { doc, meta };
}
