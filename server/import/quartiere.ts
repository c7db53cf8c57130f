import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { readSettingsFile } from './csv';

type Polygonal =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Where the Quartiere are: polygons first, then postal codes, then cities. */
export interface QuartierRules {
  polygons: { name: string; geometry: Polygonal }[];
  postalCodes: Map<string, string>;
  cities: Map<string, string>;
}

export class QuartierFileError extends Error {}

export function emptyQuartierRules(): QuartierRules {
  return { polygons: [], postalCodes: new Map(), cities: new Map() };
}

const cityKey = (s: string) => s.trim().toLowerCase();
const NAME_KEYS = ['quartier', 'Quartier', 'name', 'Name', 'NAME'];

/**
 * Adds one file: GeoJSON (a FeatureCollection of Polygons/MultiPolygons, named by the
 * property quartier or name), JSON `{"postal_codes": {...}, "cities": {...}}`, or CSV with
 * the columns quartier and postal_code (PLZ) or city (Ort).
 */
export function addQuartierFile(rules: QuartierRules, text: string, fileName: string): void {
  const file = readSettingsFile(text, fileName, (m) => new QuartierFileError(m));
  if ('json' in file) {
    const doc = (file.json ?? {}) as Record<string, unknown>;
    if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
      doc.features.forEach((f: Record<string, unknown>, i: number) => {
        const props = (f.properties ?? {}) as Record<string, unknown>;
        const name = NAME_KEYS.map((k) => props[k]).find((v) => typeof v === 'string') as
          | string
          | undefined;
        const geometry = f.geometry as Polygonal | undefined;
        if (!name || !geometry || !['Polygon', 'MultiPolygon'].includes(geometry.type)) {
          throw new QuartierFileError(
            `${fileName} Feature ${i + 1}: Polygon mit Eigenschaft „quartier“ oder „name“ erwartet.`,
          );
        }
        rules.polygons.push({ name: name.trim(), geometry });
      });
      return;
    }
    for (const [k, v] of Object.entries((doc.postal_codes ?? {}) as Record<string, string>)) {
      rules.postalCodes.set(k.trim(), String(v).trim());
    }
    for (const [k, v] of Object.entries((doc.cities ?? {}) as Record<string, string>)) {
      rules.cities.set(cityKey(k), String(v).trim());
    }
    return;
  }
  file.rows.forEach((r, i) => {
    const quartier = r.quartier?.trim();
    const plz = (r.postal_code ?? r.plz)?.trim();
    const city = (r.city ?? r.ort ?? r.stadt)?.trim();
    if (!quartier || (!plz && !city)) {
      throw new QuartierFileError(
        `${fileName} Zeile ${i + 2}: Spalten quartier und postal_code (PLZ) oder city (Ort) erwartet.`,
      );
    }
    if (plz) rules.postalCodes.set(plz, quartier);
    else if (city) rules.cities.set(cityKey(city), quartier);
  });
}

export type QuartierMatch = { quartier: string; by: 'polygon' | 'postal_code' | 'city' } | null;

export function assignQuartier(
  rules: QuartierRules,
  at: { latitude?: number | null; longitude?: number | null; postal_code?: string; city?: string },
): QuartierMatch {
  if (typeof at.latitude === 'number' && typeof at.longitude === 'number') {
    const point = [at.longitude, at.latitude];
    const hit = rules.polygons.find((p) => booleanPointInPolygon(point, p.geometry));
    if (hit) return { quartier: hit.name, by: 'polygon' };
  }
  const byCode = at.postal_code ? rules.postalCodes.get(at.postal_code.trim()) : undefined;
  if (byCode) return { quartier: byCode, by: 'postal_code' };
  const byCity = at.city ? rules.cities.get(cityKey(at.city)) : undefined;
  if (byCity) return { quartier: byCity, by: 'city' };
  return null;
}
