/**
 * What an offer is, in one place: when it exists and when it is listed, which row fields are
 * this device's own, how an offer is joined with its Träger, Orte, Sprechstunden and
 * Ansprechpersonen, and which offers a set of filters keeps. Screens, the search index and
 * the Sprechstunden pages all read offers through here.
 */
import Dexie, { type Table } from 'dexie';
import type { Contact, Location, Organization, Schedule, Service } from '../model';
// The taxonomy alone: the model's barrel would bring the validation schemas to the start page.
import { TARGET_GROUPS } from '../model/taxonomy';
import { once } from '../util/once';
import type { StoredService, WegweiserDB } from './schema';
import { germanSortKey } from './sortKey';

/** A record that exists and is not a tombstone; the rule for every table. */
export function isLive<T extends { deleted?: boolean }>(x: T | undefined | null): x is T {
  return x != null && x.deleted !== true;
}

/**
 * The one rule for an offer in the list (and in search, counts, hours pages): active and
 * live. Stored rows carry it as the indexed `listed` field.
 */
export function isListed(s: { status?: unknown; deleted?: boolean }): boolean {
  return s.status === 'active' && s.deleted !== true;
}

/** Fields derived from a service row on every write (STORES_V2), for local indexes only. */
export const DERIVED_SERVICE_FIELDS = ['sort_name', 'listed'] as const;

/**
 * Row fields only this device has: the derived service fields and the marker of unsent
 * edits. They are never sent, never part of a field diff and never validated.
 */
export const LOCAL_FIELDS: ReadonlySet<string> = new Set<string>([
  ...DERIVED_SERVICE_FIELDS,
  'local_state',
]);

/** A copy of a row without its local-only fields. */
export function stripLocalFields<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!LOCAL_FIELDS.has(k)) out[k] = v;
  return out as T;
}

/** Returns a copy of a service row with its derived fields (see STORES_V2) set. */
export function withDerivedServiceFields<T extends object>(value: T): T & Partial<StoredService> {
  const row = value as Partial<StoredService>;
  const out: Record<string, unknown> = { ...row };
  for (const k of DERIVED_SERVICE_FIELDS) delete out[k];
  if (typeof row.name === 'string') out.sort_name = germanSortKey(row.name);
  if (isListed(row)) out.listed = 1;
  return out as T & Partial<StoredService>;
}

/** German alphabetical order of offers (sort_name), ties by id. */
export function compareOffers(a: StoredService, b: StoredService): number {
  const ka = a.sort_name ?? a.name;
  const kb = b.sort_name ?? b.name;
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An offer with everything it is shown with. Only live rows. */
export interface Offer {
  service: StoredService;
  /** Null when the Träger is gone or not on this device. */
  organization: Organization | null;
  /** In the order of `service.location_ids`. */
  locations: Location[];
  schedules: Schedule[];
  /** Contacts of this offer, by name. */
  contacts: Contact[];
}

/** The detail screen's offer: also the Träger's contacts that belong to no single offer. */
export interface OfferDetail extends Offer {
  organizationContacts: Contact[];
}

/** Rows an offer is joined with; tombstones and rows of other offers may be among them. */
export interface OfferLookups {
  organizations: Iterable<Organization | undefined>;
  locations: Iterable<Location | undefined>;
  schedules: Iterable<Schedule | undefined>;
  contacts: Iterable<Contact | undefined>;
}

const collator = once(() => new Intl.Collator('de'));
const byName = (a: { name: string }, b: { name: string }) => collator().compare(a.name, b.name);

function byId<T extends { id: string; deleted?: boolean }>(
  rows: Iterable<T | undefined>,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of rows) if (isLive(r)) map.set(r.id, r);
  return map;
}

function byService<T extends { service_id?: string | null; deleted?: boolean }>(
  rows: Iterable<T | undefined>,
): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    if (!isLive(r) || !r.service_id) continue;
    const list = map.get(r.service_id);
    if (list) list.push(r);
    else map.set(r.service_id, [r]);
  }
  return map;
}

/** An offer's live locations, in the order of its `location_ids`. */
function locationsOf(service: Service, locById: ReadonlyMap<string, Location>): Location[] {
  return service.location_ids.flatMap((id) => locById.get(id) ?? []);
}

/**
 * Pure: the live services among `services`, each joined with its rows from `lookups`, in the
 * given order. Dexie reads and in-memory data sets (demo, tests, benchmarks) both use it.
 */
export function joinOffers(
  services: Iterable<StoredService | undefined>,
  lookups: OfferLookups,
): Offer[] {
  const orgById = byId(lookups.organizations);
  const locById = byId(lookups.locations);
  const schedulesBy = byService(lookups.schedules);
  const contactsBy = byService(lookups.contacts);
  const offers: Offer[] = [];
  for (const service of services) {
    if (!isLive(service)) continue;
    offers.push({
      service,
      organization: orgById.get(service.organization_id) ?? null,
      locations: locationsOf(service, locById),
      schedules: schedulesBy.get(service.id) ?? [],
      contacts: (contactsBy.get(service.id) ?? []).sort(byName),
    });
  }
  return offers;
}

const offerTables = (db: WegweiserDB) => [
  db.services,
  db.organizations,
  db.locations,
  db.schedules,
  db.contacts,
];

/** The listed services in German alphabetical order (the sparse [listed+sort_name] index). */
const listedInOrder = (db: WegweiserDB) =>
  db.services.where('[listed+sort_name]').between([1, Dexie.minKey], [1, Dexie.maxKey]);

/**
 * Offers with everything they are shown with, read in one transaction.
 * - `ids`: in the given order; `gone` lists the ids that have no live offer (deleted or
 *   never known). Paused and ended offers are returned: callers that list decide with
 *   isListed.
 * - `'listed'`: every listed offer, in German alphabetical order.
 */
export async function readOffers(
  db: WegweiserDB,
  ids: readonly string[] | 'listed',
): Promise<{ offers: Offer[]; gone: string[] }> {
  if (ids !== 'listed' && ids.length === 0) return { offers: [], gone: [] };
  return db.transaction('r', offerTables(db), async () => {
    if (ids === 'listed') {
      const services = (await listedInOrder(db).toArray()).filter(isListed);
      // Most rows belong to listed offers: one scan beats many point reads.
      const [organizations, locations, schedules, contacts] = await Promise.all([
        db.organizations.toArray(),
        db.locations.toArray(),
        db.schedules.toArray(),
        db.contacts.toArray(),
      ]);
      return {
        offers: joinOffers(services, { organizations, locations, schedules, contacts }),
        gone: [],
      };
    }
    const services = await db.services.bulkGet([...ids]);
    const live = services.filter(isLive);
    const serviceIds = live.map((s) => s.id);
    const [organizations, locations, schedules, contacts] = await Promise.all([
      db.organizations.bulkGet([...new Set(live.flatMap((s) => s.organization_id ?? []))]),
      db.locations.bulkGet([...new Set(live.flatMap((s) => s.location_ids))]),
      db.schedules.where('service_id').anyOf(serviceIds).toArray(),
      db.contacts.where('service_id').anyOf(serviceIds).toArray(),
    ]);
    const gone = ids.filter((_, i) => !isLive(services[i]));
    return {
      offers: joinOffers(live, { organizations, locations, schedules, contacts }),
      gone,
    };
  });
}

/** Everything the detail screen shows; null if the offer is unknown or deleted. */
export async function readOffer(db: WegweiserDB, id: string): Promise<OfferDetail | null> {
  return db.transaction('r', offerTables(db), async () => {
    const [offer] = (await readOffers(db, [id])).offers;
    if (!offer) return null;
    // Null on a resident's device when residents may not see the Träger (PULL_SCHEMAS).
    const orgId: string | null = offer.service.organization_id;
    const orgContacts = orgId
      ? await db.contacts.where('organization_id').equals(orgId).toArray()
      : [];
    return {
      ...offer,
      organizationContacts: orgContacts.filter((c) => isLive(c) && !c.service_id).sort(byName),
    };
  });
}

/** Number of listed offers: what the list's "… Angebote" counts without filters. */
export function countListed(db: WegweiserDB): Promise<number> {
  return db.services.where('listed').equals(1).count();
}

/** Whether any offer is listed: one key read, for "something is here" while a sync runs. */
export async function hasListed(db: WegweiserDB): Promise<boolean> {
  return (await db.services.where('listed').equals(1).limit(1).primaryKeys()).length > 0;
}

/**
 * Listed offers per target group slug (every known slug present, 0 if none; unknown slugs
 * from a municipality's own taxonomy are included too).
 *
 * Counted, not read: a live query remembers every key a read returns, which for the keys of
 * every listed offer cost a tenth of a second at city scale after each change, while a
 * count is remembered as one range. The unlisted offers are few (inactive ones; tombstones
 * are deleted rows): the inactive rows are read, and when they are all the unlisted ones
 * they are taken off the counts; otherwise the listed keys are read after all.
 */
export async function countByTargetGroup(db: WegweiserDB): Promise<Record<string, number>> {
  return db.transaction('r', db.services, async () => {
    const [total, listedCount, inactive, slugs] = await Promise.all([
      db.services.count(),
      db.services.where('listed').equals(1).count(),
      db.services.where('status').notEqual('active').toArray(),
      db.services.orderBy('target_groups').uniqueKeys(),
    ]);
    const listedKeys =
      total - listedCount === inactive.length
        ? null
        : new Set(await db.services.where('listed').equals(1).primaryKeys());
    const perSlug = await Promise.all(
      slugs
        .filter((slug): slug is string => typeof slug === 'string')
        .map(async (slug) => {
          const rows = db.services.where('target_groups').equals(slug);
          if (listedKeys === null) return [slug, await rows.count()] as const;
          const ids = await rows.primaryKeys();
          return [
            slug,
            ids.reduce<number>((n, id) => n + (listedKeys.has(id) ? 1 : 0), 0),
          ] as const;
        }),
    );
    const counts: Record<string, number> = Object.fromEntries(TARGET_GROUPS.map((g) => [g, 0]));
    for (const [slug, n] of perSlug) counts[slug] = n;
    if (listedKeys === null) {
      for (const row of inactive) {
        // An index holds each of a row's keys once, however often the array repeats it.
        for (const slug of new Set(row.target_groups)) {
          if (typeof slug === 'string') counts[slug] = (counts[slug] ?? 1) - 1;
        }
      }
    }
    return counts;
  });
}

/** Quartiere that have a location, in German order (for the filters). */
export async function knownQuartiere(db: WegweiserDB): Promise<string[]> {
  const names = (await db.locations.orderBy('quartier').uniqueKeys()) as string[];
  return names.sort(collator().compare);
}

/* ---------------------------------------------------------------------------------------
 * Filters
 * ------------------------------------------------------------------------------------- */

/**
 * Combinable filters. Within one kind the choices widen the search (a person who is a
 * single parent AND a refugee needs offers for either group); across kinds they narrow it.
 * Traits are the exception: "kostenlos" and "ohne Termin" both have to hold.
 */
export interface FilterSet {
  targetGroups?: string[];
  categories?: string[];
  quartiere?: string[];
  languages?: string[];
  traits?: string[];
}

export const FILTER_KINDS = [
  'targetGroups',
  'categories',
  'quartiere',
  'languages',
  'traits',
] as const satisfies readonly (keyof FilterSet)[];
export type FilterKind = (typeof FILTER_KINDS)[number];

/** The facets of one offer the filters look at (the search index keeps them per offer). */
export interface Facets {
  tg: readonly string[];
  cat: readonly string[];
  q: readonly string[];
  lang: readonly string[];
  traits: readonly string[];
}

/** The facets of a joined offer; Quartiere are those of its live locations. */
export function facetsOf(offer: Pick<Offer, 'service' | 'locations'>): Facets {
  const { service } = offer;
  return {
    tg: service.target_groups,
    cat: service.categories,
    q: [...new Set(offer.locations.map((l) => l.quartier))],
    lang: service.languages,
    traits: service.traits,
  };
}

const anyOf = (have: readonly string[], want: readonly string[] | undefined) =>
  !want || want.length === 0 || want.some((w) => have.includes(w));

/** The one decision whether an offer passes the filters. */
export function matchesFilters(f: Facets, s: FilterSet): boolean {
  return (
    anyOf(f.tg, s.targetGroups) &&
    anyOf(f.cat, s.categories) &&
    anyOf(f.q, s.quartiere) &&
    anyOf(f.lang, s.languages) &&
    (s.traits ?? []).every((t) => f.traits.includes(t))
  );
}

export function hasFilters(s: FilterSet): boolean {
  return FILTER_KINDS.some((k) => (s[k]?.length ?? 0) > 0);
}

function intersectInto(into: Set<string> | null, ids: Iterable<string>): Set<string> {
  const next = new Set(ids);
  return into ? new Set([...into].filter((id) => next.has(id))) : next;
}

/**
 * Listed offers passing the filters, in German alphabetical order, straight from IndexedDB
 * (while the search index is not there yet). Indexes only narrow the candidates; each one is
 * decided by matchesFilters, as the index decides it.
 */
export async function filteredIdsFromDb(db: WegweiserDB, filters: FilterSet): Promise<string[]> {
  return db.transaction('r', [db.services, db.locations], async () => {
    const ordered = (await listedInOrder(db).primaryKeys()) as string[];
    if (!hasFilters(filters)) return ordered;

    let candidates: Set<string> | null = null;
    if (filters.targetGroups?.length) {
      const ids = await db.services
        .where('target_groups')
        .anyOf(filters.targetGroups)
        .primaryKeys();
      candidates = intersectInto(candidates, ids);
    }
    if (filters.categories?.length) {
      const ids = await db.services.where('categories').anyOf(filters.categories).primaryKeys();
      candidates = intersectInto(candidates, ids);
    }
    if (filters.quartiere?.length) {
      const locIds = await db.locations.where('quartier').anyOf(filters.quartiere).primaryKeys();
      const ids =
        locIds.length > 0
          ? await db.services.where('location_ids').anyOf(locIds).primaryKeys()
          : [];
      candidates = intersectInto(candidates, ids);
    }
    const pool = candidates ? ordered.filter((id) => (candidates as Set<string>).has(id)) : ordered;
    const services = (await db.services.bulkGet(pool)).filter(isLive);
    const locById = byId(
      await db.locations.bulkGet([...new Set(services.flatMap((s) => s.location_ids))]),
    );
    return services
      .filter((service) =>
        matchesFilters(facetsOf({ service, locations: locationsOf(service, locById) }), filters),
      )
      .map((s) => s.id);
  });
}

/* ---------------------------------------------------------------------------------------
 * Rows of one table, for the editor's pickers and lists
 * ------------------------------------------------------------------------------------- */

/** Every live row of a table (Träger, Orte: few). */
export function liveRows<T extends { deleted?: boolean }, K, I>(
  table: Table<T, K, I>,
): Promise<T[]> {
  return table.filter((r) => isLive(r)).toArray();
}

/** The live Sprechstunden of an offer, also of one that is still a draft. */
export function offerSchedules(db: WegweiserDB, serviceId: string): Promise<Schedule[]> {
  return db.schedules.where('service_id').equals(serviceId).filter(isLive).toArray();
}

/** The live Ansprechpersonen of an offer, also of one that is still a draft. */
export function offerContacts(db: WegweiserDB, serviceId: string): Promise<Contact[]> {
  return db.contacts.where('service_id').equals(serviceId).filter(isLive).toArray();
}
