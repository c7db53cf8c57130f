import Dexie from 'dexie';
import {
  type Contact,
  type Location,
  type Organization,
  type Schedule,
  TABLE_NAMES,
  TARGET_GROUPS,
  type TableName,
} from '../model';
import { getDb } from './db';
import { isListed } from './derive';
import { META_KEYS, type StoredService, type WegweiserDB } from './schema';

/*
 * Pure reads for the screens. Invariant kept by the sync: deleted records are removed
 * from the record tables, so key-only index reads need not look at `deleted`. Reads that
 * load rows check it anyway, so that a soft-deleted row (e.g. a pending local delete of
 * the push half to come) never shows.
 */

const alive = <T extends { deleted?: boolean }>(row: T | undefined | null): row is T =>
  row != null && row.deleted !== true;

function bySortName(a: StoredService, b: StoredService): number {
  const ka = a.sort_name ?? a.name;
  const kb = b.sort_name ?? b.name;
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Active services per target group slug (every known slug present, 0 if none; unknown
 * slugs from a municipality's own taxonomy are included too). Key-only index reads.
 */
export async function countByTargetGroup(
  db: WegweiserDB = getDb(),
): Promise<Record<string, number>> {
  return db.transaction('r', db.services, async () => {
    const listed = new Set(await db.services.where('listed').equals(1).primaryKeys());
    const counts: Record<string, number> = Object.fromEntries(TARGET_GROUPS.map((g) => [g, 0]));
    await db.services.orderBy('target_groups').eachKey((key, cursor) => {
      if (typeof key === 'string' && listed.has(cursor.primaryKey as string)) {
        counts[key] = (counts[key] ?? 0) + 1;
      }
    });
    return counts;
  });
}

export interface ServiceFilter {
  targetGroup?: string;
  category?: string;
  /** Exact Quartier name as stored on locations. */
  quartier?: string;
  /** Also paused and ended offers (default: only active ones). */
  includeInactive?: boolean;
  limit?: number;
  offset?: number;
}

export interface ServicePage {
  /** Matches before offset/limit. */
  total: number;
  /** In German alphabetical order. */
  items: StoredService[];
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  return new Set([...smallest].filter((id) => others.every((s) => s.has(id))));
}

async function serviceIdsInQuartier(db: WegweiserDB, quartier: string): Promise<Set<string>> {
  // Locations are few; reading them lets a soft-deleted one drop out.
  const locationIds = await db.locations
    .where('quartier')
    .equals(quartier)
    .filter((l) => l.deleted !== true)
    .primaryKeys();
  if (locationIds.length === 0) return new Set();
  return new Set(await db.services.where('location_ids').anyOf(locationIds).primaryKeys());
}

export async function listServices(
  filter: ServiceFilter = {},
  db: WegweiserDB = getDb(),
): Promise<ServicePage> {
  const { targetGroup, category, quartier, includeInactive = false } = filter;
  const offset = Math.max(0, filter.offset ?? 0);
  const limit = filter.limit ?? Number.POSITIVE_INFINITY;

  return db.transaction('r', [db.services, db.locations], async () => {
    if (!targetGroup && !category && !quartier && !includeInactive) {
      // The common case pages straight through the sparse [listed+sort_name] index.
      const range = db.services
        .where('[listed+sort_name]')
        .between([1, Dexie.minKey], [1, Dexie.maxKey]);
      const total = await db.services.where('listed').equals(1).count();
      let page = range.offset(offset);
      if (Number.isFinite(limit)) page = page.limit(limit);
      const items = (await page.toArray()).filter(isListed);
      return { total, items };
    }

    const sets: Set<string>[] = [];
    if (targetGroup) {
      sets.push(
        new Set(await db.services.where('target_groups').equals(targetGroup).primaryKeys()),
      );
    }
    if (category) {
      sets.push(new Set(await db.services.where('categories').equals(category).primaryKeys()));
    }
    if (quartier) sets.push(await serviceIdsInQuartier(db, quartier));
    if (!includeInactive) {
      sets.push(new Set(await db.services.where('listed').equals(1).primaryKeys()));
    }
    const ids =
      sets.length > 0 ? [...intersect(sets)] : await db.services.toCollection().primaryKeys();
    const rows = (await db.services.bulkGet(ids)).filter(alive);
    const matches = (includeInactive ? rows : rows.filter(isListed)).sort(bySortName);
    return { total: matches.length, items: matches.slice(offset, offset + limit) };
  });
}

export interface ServiceDetail {
  service: StoredService;
  organization: Organization | null;
  /** In the order of `service.location_ids`. */
  locations: Location[];
  schedules: Schedule[];
  /** Contacts of this service. */
  contacts: Contact[];
  /** Contacts of the provider that belong to no single service. */
  organizationContacts: Contact[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

/** Everything the detail screen shows; null if the service is unknown or deleted. */
export async function getServiceDetail(
  id: string,
  db: WegweiserDB = getDb(),
): Promise<ServiceDetail | null> {
  return db.transaction(
    'r',
    [db.services, db.organizations, db.locations, db.schedules, db.contacts],
    async () => {
      const service = await db.services.get(id);
      if (!alive(service)) return null;
      // Null on a resident's device when residents may not see the Träger (PULL_SCHEMAS).
      const orgId: string | null = service.organization_id;
      const [organization, locations, schedules, contacts, orgContacts] = await Promise.all([
        orgId ? db.organizations.get(orgId) : undefined,
        db.locations.bulkGet(service.location_ids),
        db.schedules.where('service_id').equals(id).toArray(),
        db.contacts.where('service_id').equals(id).toArray(),
        orgId ? db.contacts.where('organization_id').equals(orgId).toArray() : [],
      ]);
      return {
        service,
        organization: alive(organization) ? organization : null,
        locations: locations.filter(alive),
        schedules: schedules.filter(alive),
        contacts: contacts.filter(alive).sort(byName),
        organizationContacts: orgContacts.filter((c) => alive(c) && !c.service_id).sort(byName),
      };
    },
  );
}

export interface ScheduleEntry {
  schedule: Schedule;
  service: StoredService;
  location: Location | null;
}

export interface ScheduleFilter {
  quartier?: string;
  serviceId?: string;
}

/**
 * Consultation hours of active services, ordered by service name, then opening time.
 * A schedule whose location is gone keeps `location: null` unless a Quartier is asked for.
 */
export async function listSchedulesWithService(
  filter: ScheduleFilter = {},
  db: WegweiserDB = getDb(),
): Promise<ScheduleEntry[]> {
  return db.transaction('r', [db.schedules, db.services, db.locations], async () => {
    const schedules = (
      filter.serviceId
        ? await db.schedules.where('service_id').equals(filter.serviceId).toArray()
        : await db.schedules.toArray()
    ).filter(alive);
    const serviceIds = [...new Set(schedules.map((s) => s.service_id))];
    const locationIds = [
      ...new Set(schedules.flatMap((s) => (s.location_id ? [s.location_id] : []))),
    ];
    const [services, locations] = await Promise.all([
      db.services.bulkGet(serviceIds),
      db.locations.bulkGet(locationIds),
    ]);
    const serviceById = new Map(services.filter(alive).map((s) => [s.id, s]));
    const locationById = new Map(locations.filter(alive).map((l) => [l.id, l]));

    const entries: ScheduleEntry[] = [];
    for (const schedule of schedules) {
      const service = serviceById.get(schedule.service_id);
      if (!service || !isListed(service)) continue;
      const location = (schedule.location_id && locationById.get(schedule.location_id)) || null;
      if (filter.quartier && location?.quartier !== filter.quartier) continue;
      entries.push({ schedule, service, location });
    }
    return entries.sort(
      (a, b) =>
        bySortName(a.service, b.service) ||
        a.schedule.opens_at.localeCompare(b.schedule.opens_at) ||
        a.schedule.id.localeCompare(b.schedule.id),
    );
  });
}

/** Mirrors what pullAll stores under META_KEYS.lastError. */
export interface StoredSyncError {
  code: string;
  status?: number;
  at: string;
}

export interface DataStatus {
  counts: Record<TableName | 'outbox', number>;
  /** Offers in the list (isListed): what the list's "… Angebote" counts without filters. */
  listedServices: number;
  cursor: string | null;
  lastSyncAt: string | null;
  lastError: StoredSyncError | null;
}

/** For the Info screen. */
export async function dataStatus(db: WegweiserDB = getDb()): Promise<DataStatus> {
  const tables = [...TABLE_NAMES, 'outbox'] as const;
  return db.transaction('r', [...tables.map((t) => db.table(t)), db.meta], async () => {
    const counts = await Promise.all(tables.map((t) => db.table(t).count()));
    const listedServices = await db.services.where('listed').equals(1).count();
    const meta = await db.meta.bulkGet([
      META_KEYS.cursor,
      META_KEYS.lastSyncAt,
      META_KEYS.lastError,
    ]);
    return {
      counts: Object.fromEntries(tables.map((t, i) => [t, counts[i] ?? 0])) as DataStatus['counts'],
      listedServices,
      cursor: (meta[0]?.value as string | undefined) ?? null,
      lastSyncAt: (meta[1]?.value as string | undefined) ?? null,
      lastError: (meta[2]?.value as StoredSyncError | undefined) ?? null,
    };
  });
}
