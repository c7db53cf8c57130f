import { isListed } from '../../db/derive';
import type { ScheduleEntry } from '../../db/queries';
import type { WegweiserDB } from '../../db/schema';
import type { Location, Schedule } from '../../model';

const alive = <T extends { deleted?: boolean }>(x: T | undefined | null): x is T =>
  x != null && x.deleted !== true;

/** Quartiere that have a location, in German order. */
export async function listQuartiere(db: WegweiserDB): Promise<string[]> {
  const names = (await db.locations.orderBy('quartier').uniqueKeys()) as string[];
  return names.sort((a, b) => a.localeCompare(b, 'de'));
}

export interface PlaceHours {
  location: Location;
  /** Hours held here: the schedule names this place, or names none and it is the offer's first. */
  entries: ScheduleEntry[];
}

/** A location with every active offer's hours held there; null if unknown. */
export async function loadPlaceHours(db: WegweiserDB, id: string): Promise<PlaceHours | null> {
  return db.transaction('r', [db.locations, db.services, db.schedules], async () => {
    const location = await db.locations.get(id);
    if (!alive(location)) return null;
    const [atPlace, listing] = await Promise.all([
      db.schedules.where('location_id').equals(id).toArray(),
      db.services.where('location_ids').equals(id).toArray(),
    ]);
    const mainHere = listing.filter((s) => s.location_ids[0] === id).map((s) => s.id);
    const unplaced = (
      mainHere.length > 0 ? await db.schedules.where('service_id').anyOf(mainHere).toArray() : []
    ).filter((s) => !s.location_id);
    const schedules = [...atPlace, ...unplaced].filter(alive);
    const serviceIds = [...new Set(schedules.map((s) => s.service_id))];
    const services = new Map(
      (await db.services.bulkGet(serviceIds)).filter(alive).map((s) => [s.id, s]),
    );
    const entries: ScheduleEntry[] = [];
    for (const schedule of schedules) {
      const service = services.get(schedule.service_id);
      if (service && isListed(service)) entries.push({ schedule, service, location });
    }
    entries.sort(
      (a, b) =>
        a.service.name.localeCompare(b.service.name, 'de') ||
        a.schedule.opens_at.localeCompare(b.schedule.opens_at),
    );
    return { location, entries };
  });
}

/** Schedules grouped by offer, for filtering a list by opening times. */
export async function schedulesByService(db: WegweiserDB): Promise<Map<string, Schedule[]>> {
  const map = new Map<string, Schedule[]>();
  for (const s of await db.schedules.toArray()) {
    if (!alive(s)) continue;
    const list = map.get(s.service_id);
    if (list) list.push(s);
    else map.set(s.service_id, [s]);
  }
  return map;
}
