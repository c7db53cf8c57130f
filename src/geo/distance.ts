/**
 * Distances on the ground between places, for "In meiner Nähe". Pure and offline: the
 * coordinates come from the offers' locations, no map service is asked.
 */

export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres (haversine; plenty for a city). */
export function distanceKm(a: Point, b: Point): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLon = (b.longitude - a.longitude) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A usable point, or null (missing or out-of-range coordinates). */
export function pointOf(x: { latitude?: number | null; longitude?: number | null }): Point | null {
  const { latitude, longitude } = x;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/**
 * The middle of some places (mean of their coordinates: a Quartier spans a few kilometres,
 * so the flat average is exact enough); null without any place.
 */
export function centroid(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.latitude;
    lon += p.longitude;
  }
  return { latitude: lat / points.length, longitude: lon / points.length };
}

export interface ByDistance {
  /** Ids with a distance, nearest first; then those without one, in their given order. */
  ids: string[];
  /** Kilometres to the nearest place of each id that has one. */
  km: Map<string, number>;
  /** How many ids had no place with coordinates (they stand at the end). */
  unplaced: number;
}

/**
 * Orders ids by the distance of their nearest place from `origin`. Stable: equal distances
 * and ids without coordinates keep the order they came in (relevance or alphabet).
 */
export function sortByDistance(
  ids: readonly string[],
  placesOf: (id: string) => readonly Point[],
  origin: Point,
): ByDistance {
  const km = new Map<string, number>();
  const placed: string[] = [];
  const rest: string[] = [];
  for (const id of ids) {
    let best = Number.POSITIVE_INFINITY;
    for (const p of placesOf(id)) best = Math.min(best, distanceKm(origin, p));
    if (best === Number.POSITIVE_INFINITY) rest.push(id);
    else {
      km.set(id, best);
      placed.push(id);
    }
  }
  placed.sort((a, b) => (km.get(a) as number) - (km.get(b) as number));
  return { ids: [...placed, ...rest], km, unplaced: rest.length };
}
