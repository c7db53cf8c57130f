import { compareOffers, isListed, isLive, type Offer, readOffers } from '../../db/offers';
import type { StoredService, WegweiserDB } from '../../db/schema';
import type { Location, Schedule } from '../../model';

export interface ScheduleEntry {
  schedule: Schedule;
  service: StoredService;
  location: Location | null;
}

export interface ScheduleFilter {
  quartier?: string;
  serviceId?: string;
}

const hoursTables = (db: WegweiserDB) => [
  db.services,
  db.organizations,
  db.locations,
  db.schedules,
  db.contacts,
];

/**
 * One entry per Sprechstunde of the listed offers. A schedule names its place, usually one
 * of the offer's locations; one elsewhere is read too (`null` if it is gone).
 */
async function entriesOf(db: WegweiserDB, offers: Offer[]): Promise<ScheduleEntry[]> {
  const listed = offers.filter((o) => isListed(o.service));
  const known = new Map<string, Location>();
  for (const o of listed) for (const l of o.locations) known.set(l.id, l);
  const elsewhere = [
    ...new Set(
      listed.flatMap((o) =>
        o.schedules.flatMap((s) =>
          s.location_id && !known.has(s.location_id) ? [s.location_id] : [],
        ),
      ),
    ),
  ];
  if (elsewhere.length > 0) {
    for (const l of await db.locations.bulkGet(elsewhere)) if (isLive(l)) known.set(l.id, l);
  }
  return listed.flatMap((o) =>
    o.schedules.map((schedule) => ({
      schedule,
      service: o.service,
      location: (schedule.location_id && known.get(schedule.location_id)) || null,
    })),
  );
}

/**
 * Consultation hours of listed offers, ordered by offer name, then opening time.
 * A schedule whose location is gone keeps `location: null` unless a Quartier is asked for.
 */
export async function listSchedulesWithService(
  db: WegweiserDB,
  filter: ScheduleFilter = {},
): Promise<ScheduleEntry[]> {
  return db.transaction('r', hoursTables(db), async () => {
    const { offers } = await readOffers(db, filter.serviceId ? [filter.serviceId] : 'listed');
    const entries = (await entriesOf(db, offers)).filter(
      (e) => !filter.quartier || e.location?.quartier === filter.quartier,
    );
    return entries.sort(
      (a, b) =>
        compareOffers(a.service, b.service) ||
        a.schedule.opens_at.localeCompare(b.schedule.opens_at) ||
        a.schedule.id.localeCompare(b.schedule.id),
    );
  });
}

export interface PlaceHours {
  location: Location;
  /** Hours held here: the schedule names this place, or names none and it is the offer's first. */
  entries: ScheduleEntry[];
}

/** A location with every listed offer's hours held there; null if unknown. */
export async function loadPlaceHours(db: WegweiserDB, id: string): Promise<PlaceHours | null> {
  return db.transaction('r', hoursTables(db), async () => {
    const location = await db.locations.get(id);
    if (!isLive(location)) return null;
    const [listing, heldHere] = await Promise.all([
      db.services.where('location_ids').equals(id).primaryKeys(),
      db.schedules.where('location_id').equals(id).toArray(),
    ]);
    const ids = [...new Set([...listing, ...heldHere.map((s) => s.service_id)])];
    const { offers } = await readOffers(db, ids);
    const entries = (await entriesOf(db, offers)).filter(
      ({ schedule, service }) =>
        schedule.location_id === id || (!schedule.location_id && service.location_ids[0] === id),
    );
    entries.sort(
      (a, b) =>
        a.service.name.localeCompare(b.service.name, 'de') ||
        a.schedule.opens_at.localeCompare(b.schedule.opens_at),
    );
    return { location, entries };
  });
}

/** Live schedules grouped by offer, for filtering a list by opening times. */
export async function schedulesByService(db: WegweiserDB): Promise<Map<string, Schedule[]>> {
  const map = new Map<string, Schedule[]>();
  for (const s of await db.schedules.toArray()) {
    if (!isLive(s)) continue;
    const list = map.get(s.service_id);
    if (list) list.push(s);
    else map.set(s.service_id, [s]);
  }
  return map;
}
