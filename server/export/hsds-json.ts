import type { Contact, Location, Organization, Schedule, Service } from '../../src/model';
import {
  encodeField,
  FIELD_ATTRIBUTES,
  FIELD_TAXONOMY,
  type FieldEntity,
  OWN_LIST_NAMES,
  OWN_LISTS,
  termId,
} from '../hsds/own-terms';
import { stableUuid } from '../hsds/stable-id';

/** The records an export writes, all live (not deleted), as the database holds them. */
export interface ExportData {
  organizations: Organization[];
  services: Service[];
  locations: Location[];
  schedules: Schedule[];
  contacts: Contact[];
}

type Json = Record<string, unknown>;

/** HSDS 3.0 status words for ours (HSDS has no "paused"; "temporarily closed" is that). */
const STATUS = { active: 'active', paused: 'temporarily closed', ended: 'inactive' } as const;

const ALL_DAYS = 'MO,TU,WE,TH,FR,SA,SU';

const languageNames = new Intl.DisplayNames(['de'], { type: 'language', fallback: 'code' });

/** Keys with undefined, null or '' left out: HSDS wants a field absent rather than empty. */
function compact(o: Json): Json {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}

const derived = (...parts: string[]) => stableUuid('qw-export', ...parts);

function term(taxonomy: string, code: string, name: string): Json {
  return { id: termId(taxonomy, code), code, name, description: name, taxonomy };
}

function attribute(entity: string, linkId: string, t: Json, value?: string): Json {
  return compact({
    id: derived('attribute', entity, linkId, String(t.id), value ?? ''),
    link_id: linkId,
    link_type: entity,
    link_entity: entity,
    taxonomy_term_id: t.id,
    value,
    taxonomy_term: t,
  });
}

/** The attributes carrying a record's fields that HSDS has no place for. */
function fieldAttributes(entity: FieldEntity, record: Json): Json[] {
  const out: Json[] = [];
  for (const [field, codec] of Object.entries(FIELD_ATTRIBUTES[entity])) {
    const value = encodeField(codec, record[field]);
    if (value === null) continue;
    // Public is what HSDS data is anyway; only the exception is worth a row.
    if (field === 'visibility' && value === 'public') continue;
    if (field === 'closed_on_holidays' && value === 'true') continue;
    out.push(attribute(entity, record.id as string, term(FIELD_TAXONOMY, field, field), value));
  }
  return out;
}

function phone(owner: Record<string, string>, number: string | null | undefined): Json[] {
  if (!number) return [];
  const ownerId = Object.values(owner)[0] ?? '';
  return [{ id: derived('phone', ownerId, number), ...owner, number }];
}

function language(serviceId: string, code: string): Json {
  return {
    id: derived('language', serviceId, code),
    service_id: serviceId,
    name: languageNames.of(code) ?? code,
    code,
  };
}

/**
 * Our rule in HSDS terms. HSDS 3.0 allows only WEEKLY and MONTHLY: a daily rule becomes a
 * weekly one on every day (or on its days), a yearly one a monthly one every twelve months.
 * Those say the same for every HSDS reader at interval 1; the exact rule goes along as the
 * `recurrence` attribute, so that an import of our own export gives back the rule as written.
 */
function recurrenceOf(s: Schedule): { hsds: Json; exact: Json | null } {
  const interval = s.interval ?? 1;
  const exact = { freq: s.freq, interval, byday: s.byday };
  if (s.freq === 'DAILY')
    return { hsds: { freq: 'WEEKLY', interval: 1, byday: s.byday || ALL_DAYS }, exact };
  if (s.freq === 'YEARLY') {
    const hsds = { freq: 'MONTHLY', interval: Math.min(interval * 12, 600), byday: s.byday };
    return { hsds, exact };
  }
  return { hsds: { freq: s.freq, interval, byday: s.byday }, exact: null };
}

function schedule(s: Schedule): Json {
  const { hsds, exact } = recurrenceOf(s);
  const attributes = fieldAttributes('schedule', { ...s, recurrence: exact });
  return compact({
    id: s.id,
    service_id: s.service_id,
    location_id: s.location_id,
    valid_from: s.valid_from,
    valid_to: s.valid_to,
    dtstart: s.dtstart,
    until: s.until,
    count: s.count,
    wkst: s.wkst,
    ...hsds,
    bymonthday: s.bymonthday,
    opens_at: s.opens_at,
    closes_at: s.closes_at,
    notes: s.notes,
    attributes: attributes.length > 0 ? attributes : undefined,
  });
}

function contact(c: Contact): Json {
  const attributes = fieldAttributes('contact', c);
  return compact({
    id: c.id,
    service_id: c.service_id,
    organization_id: c.organization_id,
    name: c.name,
    title: c.title,
    email: c.email,
    phones: phone({ contact_id: c.id }, c.phone),
    attributes: attributes.length > 0 ? attributes : undefined,
  });
}

function organization(o: Organization, contacts: Contact[]): Json {
  const attributes = fieldAttributes('organization', o);
  return compact({
    id: o.id,
    name: o.name,
    description: o.description ?? '',
    email: o.email,
    website: o.website,
    phones: phone({ organization_id: o.id }, o.phone),
    contacts: contacts.length > 0 ? contacts.map(contact) : undefined,
    attributes: attributes.length > 0 ? attributes : undefined,
  });
}

function location(l: Location): Json {
  const attributes = fieldAttributes('location', l);
  return compact({
    id: l.id,
    location_type: 'physical',
    organization_id: l.organization_id,
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    accessibility: l.accessibility
      ? [{ id: derived('accessibility', l.id), location_id: l.id, description: l.accessibility }]
      : undefined,
    addresses: [
      {
        id: derived('address', l.id),
        location_id: l.id,
        address_1: l.address_1,
        city: l.city,
        // The Quartier: HSDS's sub-city area. An import without Quartier rules reads it back.
        region: l.quartier,
        // Required by HSDS, but not something a record here knows.
        state_province: '',
        postal_code: l.postal_code,
        country: 'DE',
        address_type: 'physical',
      },
    ],
    attributes: attributes.length > 0 ? attributes : undefined,
  });
}

function group<T>(items: T[], key: (x: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    if (!k) continue;
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

const byName = <T extends { name: string; id: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id);

/**
 * Our records as one HSDS 3.0 list page (`service_list.json`'s shape) holding every offer,
 * each with its provider, its places with their hours, its own hours, contacts, phones,
 * languages and terms. Pure: the caller decides which records go in.
 */
export function toServiceList(data: ExportData): Json & { contents: Json[] } {
  const orgs = new Map(data.organizations.map((o) => [o.id, o]));
  const locs = new Map(data.locations.map((l) => [l.id, l]));
  const schedulesOf = group(data.schedules, (s) => s.service_id);
  const contactsOf = group(data.contacts, (c) => c.service_id);
  const orgContacts = group(
    data.contacts.filter((c) => !c.service_id),
    (c) => c.organization_id,
  );
  const contents = [...data.services].sort(byName).flatMap((s) => {
    const org = orgs.get(s.organization_id);
    // HSDS requires a service's organization; one not exported (internal, deleted) leaves
    // the offer out rather than writing a reference to nothing.
    if (!org) return [];
    const places = s.location_ids.flatMap((id) => {
      const l = locs.get(id);
      return l ? [l] : [];
    });
    const placeIds = new Set(places.map((l) => l.id));
    const own = schedulesOf.get(s.id) ?? [];
    const attributes = [
      ...OWN_LIST_NAMES.flatMap((list) =>
        s[list].map((slug) => {
          const { taxonomy, labels } = OWN_LISTS[list];
          const name = (labels as Record<string, string>)[slug] ?? slug;
          return attribute('service', s.id, term(taxonomy, slug, name));
        }),
      ),
      ...fieldAttributes('service', s),
    ];
    return [
      compact({
        id: s.id,
        organization_id: org.id,
        name: s.name,
        alternate_name: s.alternate_name,
        description: s.description ?? '',
        url: s.url,
        email: s.email,
        status: STATUS[s.status],
        application_process: s.application_process,
        fees_description: s.fees_description,
        eligibility_description: s.eligibility_description,
        assured_date: s.assured_date,
        last_modified: s.updated_at,
        phones: phone({ service_id: s.id }, s.phone),
        schedules: own.filter((x) => !x.location_id || !placeIds.has(x.location_id)).map(schedule),
        service_at_locations: places.map((l) =>
          compact({
            id: derived('service_at_location', s.id, l.id),
            service_id: s.id,
            location_id: l.id,
            schedules: own.filter((x) => x.location_id === l.id).map(schedule),
            location: location(l),
          }),
        ),
        languages: s.languages.map((code) => language(s.id, code)),
        organization: organization(org, orgContacts.get(org.id) ?? []),
        contacts: (contactsOf.get(s.id) ?? []).map(contact),
        attributes,
      }),
    ];
  });
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}
