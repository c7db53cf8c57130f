import { BUNDESLAENDER, type Bundesland } from './holidays';

/**
 * Which Land's holidays close "an Feiertagen geschlossen" hours. NW unless the build sets
 * VITE_BUNDESLAND (e.g. `VITE_BUNDESLAND=BY npm run build`) or the app calls
 * setDefaultLand(); every engine function also takes `{ land }` per call.
 */
// Optional chaining: under plain Node (benchmarks) import.meta.env does not exist.
const fromEnv: unknown = import.meta.env?.VITE_BUNDESLAND;

let defaultLand: Bundesland = isBundesland(fromEnv) ? fromEnv : 'NW';

export function isBundesland(value: unknown): value is Bundesland {
  return typeof value === 'string' && (BUNDESLAENDER as readonly string[]).includes(value);
}

export function getDefaultLand(): Bundesland {
  return defaultLand;
}

export function setDefaultLand(land: Bundesland): void {
  defaultLand = land;
}

export interface EngineOptions {
  /** Bundesland for `closed_on_holidays`; default NW (see getDefaultLand). */
  land?: Bundesland;
}
