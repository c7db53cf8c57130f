import Dexie from 'dexie';
import { isAlive } from '../../db/derive';
import type { StoredService, WegweiserDB } from '../../db/schema';
import type { Location, Schedule } from '../../model';
import { type Facets, type FilterSet, hasFilters, matchesFilters } from '../../search/filters';

export interface ListRow {
  service: StoredService;
  provider: string | null;
  /** Distinct Quartiere of the offer's locations, in location order. */
  quartiere: string[];
  locations: Location[];
  /** Consultation hours, for "next date". */
  schedules: Schedule[];
}

/**
 * Everything a result card shows for the given offers, in the given order. Offers deleted
 * in the meantime drop out.
 */
export async function loadRows(db: WegweiserDB, ids: string[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  return db.transaction(
    'r',
    [db.services, db.organizations, db.locations, db.schedules],
    async () => {
      const services = (await db.services.bulkGet(ids)).filter(isAlive);
      const orgIds = [...new Set(services.map((s) => s.organization_id))];
      const locIds = [...new Set(services.flatMap((s) => s.location_ids))];
      const [orgs, locs, schedules] = await Promise.all([
        db.organizations.bulkGet(orgIds),
        db.locations.bulkGet(locIds),
        db.schedules
          .where('service_id')
          .anyOf(services.map((s) => s.id))
          .toArray(),
      ]);
      const orgName = new Map(orgs.filter(isAlive).map((o) => [o.id, o.name]));
      const locById = new Map(locs.filter(isAlive).map((l) => [l.id, l]));
      const schedBy = new Map<string, Schedule[]>();
      for (const s of schedules) {
        if (!isAlive(s)) continue;
        const list = schedBy.get(s.service_id);
        if (list) list.push(s);
        else schedBy.set(s.service_id, [s]);
      }
      return services.map((service) => {
        const locations = service.location_ids.flatMap((id) => locById.get(id) ?? []);
        return {
          service,
          provider: orgName.get(service.organization_id) ?? null,
          quartiere: [...new Set(locations.map((l) => l.quartier))],
          locations,
          schedules: schedBy.get(service.id) ?? [],
        };
      });
    },
  );
}

/**
 * Listed offers passing the filters, in German alphabetical order, straight from IndexedDB.
 * Used while the search index is still loading; afterwards the index answers (same rules,
 * see search/filters.ts).
 */
export async function filteredIdsFromDb(db: WegweiserDB, filters: FilterSet): Promise<string[]> {
  return db.transaction('r', [db.services, db.locations], async () => {
    const ordered = (await db.services
      .where('[listed+sort_name]')
      .between([1, Dexie.minKey], [1, Dexie.maxKey])
      .primaryKeys()) as string[];
    if (!hasFilters(filters)) return ordered;

    let candidates: Set<string> | null = null;
    const narrow = (ids: Iterable<string>) => {
      const next = new Set(ids);
      candidates = candidates ? new Set([...candidates].filter((id) => next.has(id))) : next;
    };
    if (filters.targetGroups?.length) {
      narrow(await db.services.where('target_groups').anyOf(filters.targetGroups).primaryKeys());
    }
    if (filters.categories?.length) {
      narrow(await db.services.where('categories').anyOf(filters.categories).primaryKeys());
    }
    const quartierOf = new Map<string, string>();
    if (filters.quartiere?.length) {
      const locs = (await db.locations.where('quartier').anyOf(filters.quartiere).toArray()).filter(
        isAlive,
      );
      for (const l of locs) quartierOf.set(l.id, l.quartier);
      narrow(
        locs.length > 0
          ? await db.services
              .where('location_ids')
              .anyOf(locs.map((l) => l.id))
              .primaryKeys()
          : [],
      );
    }
    const pool: string[] = candidates
      ? ordered.filter((id) => (candidates as Set<string>).has(id))
      : ordered;
    if (!filters.languages?.length && !filters.traits?.length) return pool;
    // Languages and traits have no index: check the rows.
    const rows = await db.services.bulkGet(pool);
    return rows.flatMap((s) => {
      if (!isAlive(s)) return [];
      const facets: Facets = {
        tg: s.target_groups,
        cat: s.categories,
        q: s.location_ids.flatMap((id) => quartierOf.get(id) ?? []),
        lang: s.languages,
        traits: s.traits,
      };
      // Quartier was already checked through the index above.
      return matchesFilters(facets, { ...filters, quartiere: undefined }) ? [s.id] : [];
    });
  });
}

/** Quartiere that have at least one location, for the filter. */
export async function knownQuartiere(db: WegweiserDB): Promise<string[]> {
  const names = (await db.locations.orderBy('quartier').uniqueKeys()) as string[];
  return names.sort((a, b) => a.localeCompare(b, 'de'));
}
