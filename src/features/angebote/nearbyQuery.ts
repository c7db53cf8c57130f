import { isLive } from '../../db/offers';
import type { WegweiserDB } from '../../db/schema';
import { type ByDistance, centroid, type Point, pointOf, sortByDistance } from '../../geo/distance';
import type { Location } from '../../model';

/** Where distances are measured from, as the list says it. */
export type Origin =
  | { kind: 'device'; point: Point }
  | { kind: 'quartier'; name: string; point: Point }
  | { kind: 'place'; location: Location; point: Point };

export type NearbyOrder =
  | ({ status: 'sorted'; origin: Origin } & ByDistance)
  /** `von` names no Quartier or place with coordinates on this device. */
  | { status: 'unknownOrigin' }
  /** Sorting by the device's position, but it is not known (yet). */
  | { status: 'needsPosition' };

/**
 * The point `von` stands for: a place (location id) or a Quartier (the middle of its
 * places with coordinates). Null when there is none.
 */
export function originOf(locations: readonly Location[], von: string): Origin | null {
  const place = locations.find((l) => l.id === von);
  const point = place ? pointOf(place) : null;
  if (place && point) return { kind: 'place', location: place, point };
  const inQuartier = locations.filter((l) => l.quartier === von).flatMap((l) => pointOf(l) ?? []);
  const middle = centroid(inQuartier);
  return middle ? { kind: 'quartier', name: von, point: middle } : null;
}

/**
 * Orders offer ids by distance from `von` or from the device's `position` (nearest place of
 * each offer); offers without a place with coordinates go last.
 */
export async function nearbyOrder(
  db: WegweiserDB,
  ids: readonly string[],
  von: string | undefined,
  position: Point | null,
): Promise<NearbyOrder> {
  if (!von && !position) return { status: 'needsPosition' };
  return db.transaction('r', [db.services, db.locations], async () => {
    const locations = (await db.locations.toArray()).filter(isLive);
    const origin: Origin | null = von
      ? originOf(locations, von)
      : { kind: 'device', point: position as Point };
    if (!origin) return { status: 'unknownOrigin' };
    const points = new Map<string, Point>();
    for (const l of locations) {
      const p = pointOf(l);
      if (p) points.set(l.id, p);
    }
    const services = await db.services.bulkGet([...ids]);
    const placesOf = new Map<string, Point[]>();
    for (const s of services) {
      if (s)
        placesOf.set(
          s.id,
          s.location_ids.flatMap((id) => points.get(id) ?? []),
        );
    }
    const sorted = sortByDistance(ids, (id) => placesOf.get(id) ?? [], origin.point);
    return { status: 'sorted', origin, ...sorted };
  });
}

/** Places and Quartiere to measure from, for the choice on the list. */
export async function nearbyChoices(
  db: WegweiserDB,
): Promise<{ quartiere: string[]; places: Location[] }> {
  const located = (await db.locations.toArray()).filter((l) => isLive(l) && pointOf(l));
  const quartiere = [...new Set(located.map((l) => l.quartier))].sort((a, b) =>
    a.localeCompare(b, 'de'),
  );
  const places = located.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return { quartiere, places };
}
