import { createStore } from '../../../db/store';
import type { Point } from '../../../geo/distance';

/**
 * The device's position for "In meiner Nähe", asked only when the user chooses it. Kept in
 * memory for this visit (Back and other filters reuse it), never stored or sent anywhere.
 */
export const devicePosition = createStore<Point | null>(null);

export type PositionError = 'denied' | 'unavailable' | 'unsupported';

export function requestPosition(
  geolocation: Geolocation | undefined = globalThis.navigator?.geolocation,
): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!geolocation) {
      reject('unsupported' satisfies PositionError);
      return;
    }
    geolocation.getCurrentPosition(
      (p) => {
        const point = { latitude: p.coords.latitude, longitude: p.coords.longitude };
        devicePosition.set(point);
        resolve(point);
      },
      (e) =>
        reject((e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable') satisfies PositionError),
      // A rough fix is enough to sort a city's offers, and comes faster (and offline).
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 10 * 60_000 },
    );
  });
}
