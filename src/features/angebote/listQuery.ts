import { listServices } from '../../db/queries';
import type { StoredService, WegweiserDB } from '../../db/schema';
import type { ListParams } from './params';

export interface ListRow {
  service: StoredService;
  provider: string | null;
  /** Distinct Quartiere of the offer's locations, in location order. */
  quartiere: string[];
}

export interface ListResult {
  total: number;
  rows: ListRow[];
}

/** Case only; umlaut spellings ("ue" = "ü") come with the search engine. */
function fold(s: string): string {
  return s.toLocaleLowerCase('de-DE');
}

/**
 * Placeholder text filter until the search engine of the Verweisberatung issue lands:
 * a case-insensitive substring over name, alternate name, description and provider.
 */
export function matchesText(service: StoredService, provider: string | null, q: string): boolean {
  const needle = fold(q.trim());
  if (!needle) return true;
  return [service.name, service.alternate_name, service.description, provider].some(
    (field) => typeof field === 'string' && fold(field).includes(needle),
  );
}

/**
 * The first `limit` rows of the list for the URL's filters, with provider and Quartier
 * joined in. Without a text query the index pages for us; with one, every candidate is
 * checked (fine for thousands, and replaced by the search index later).
 */
export async function loadServiceList(
  db: WegweiserDB,
  params: ListParams,
  limit: number,
): Promise<ListResult> {
  const filter = {
    targetGroup: params.targetGroup,
    category: params.category,
    quartier: params.quartier,
  };
  let total: number;
  let services: StoredService[];
  let orgNames: Map<string, string> | null = null;

  if (params.q) {
    const all = await listServices(filter, db);
    const orgs = await db.organizations.toArray();
    orgNames = new Map(orgs.filter((o) => !o.deleted).map((o) => [o.id, o.name]));
    const names = orgNames;
    const q = params.q;
    const matching = all.items.filter((s) =>
      matchesText(s, names.get(s.organization_id) ?? null, q),
    );
    total = matching.length;
    services = matching.slice(0, limit);
  } else {
    const page = await listServices({ ...filter, limit }, db);
    total = page.total;
    services = page.items;
  }

  if (!orgNames) {
    const orgIds = [...new Set(services.map((s) => s.organization_id))];
    const orgs = await db.organizations.bulkGet(orgIds);
    orgNames = new Map(
      orgs.flatMap((o) => (o && !o.deleted ? [[o.id, o.name] as [string, string]] : [])),
    );
  }
  const locationIds = [...new Set(services.flatMap((s) => s.location_ids))];
  const locations = await db.locations.bulkGet(locationIds);
  const quartierOf = new Map(
    locations.flatMap((l) => (l && !l.deleted ? [[l.id, l.quartier] as [string, string]] : [])),
  );

  const names = orgNames;
  const rows = services.map((service) => ({
    service,
    provider: names.get(service.organization_id) ?? null,
    quartiere: [...new Set(service.location_ids.flatMap((id) => quartierOf.get(id) ?? []))],
  }));
  return { total, rows };
}
