import { compareOffers, isListed } from '../../db/offers';
import type { StoredService, WegweiserDB } from '../../db/schema';

const MAX_CANDIDATES = 400;

/**
 * Offers for the same person in the same place: at least one shared target group AND a
 * location in one of the same Quartiere. Ranked by shared target groups, then shared
 * themes, then name. Key-only index reads first; only a bounded number of rows is loaded.
 */
export async function relatedServiceIds(
  db: WegweiserDB,
  service: StoredService,
  quartiere: string[],
  limit = 5,
): Promise<string[]> {
  if (service.target_groups.length === 0 || quartiere.length === 0) return [];
  return db.transaction('r', [db.services, db.locations], async () => {
    const locIds = await db.locations.where('quartier').anyOf(quartiere).primaryKeys();
    if (locIds.length === 0) return [];
    const [byGroup, byPlace] = await Promise.all([
      db.services.where('target_groups').anyOf(service.target_groups).primaryKeys(),
      db.services.where('location_ids').anyOf(locIds).primaryKeys(),
    ]);
    const place = new Set(byPlace);
    const ids = [...new Set(byGroup)]
      .filter((id) => id !== service.id && place.has(id))
      .slice(0, MAX_CANDIDATES);
    const rows = (await db.services.bulkGet(ids)).filter(
      (s): s is StoredService => !!s && isListed(s),
    );
    const shared = (a: string[], b: string[]) => a.filter((x) => b.includes(x)).length;
    return rows
      .map((s) => ({
        s,
        score:
          shared(s.target_groups, service.target_groups) * 10 +
          shared(s.categories, service.categories),
      }))
      .sort((a, b) => b.score - a.score || compareOffers(a.s, b.s))
      .slice(0, limit)
      .map((x) => x.s.id);
  });
}
