/**
 * Angebotsanalyse: how many listed offers each Zielgruppe finds in each Quartier. Pure, so
 * the figures can be checked against a fixture computed by hand.
 */
import { facetsOf, isListed, type Offer } from '../../db/offers';
import { isOutsideOfficeHours } from '../../schedule/outsideHours';

export interface CoverageCell {
  quartier: string;
  /** Listed offers for this Zielgruppe with a place in this Quartier. */
  listed: number;
  /** Of those, offers with hours in the evening or at the weekend. */
  outsideHours: number;
}

export interface CoverageRow {
  targetGroup: string;
  cells: CoverageCell[];
}

export interface Coverage {
  quartiere: string[];
  rows: CoverageRow[];
  /** Listed offers with no place in any Quartier, which no cell counts (in the given order). */
  withoutQuartier: { id: string; name: string }[];
}

/**
 * One row per target group (in the given order, then any further slug the offers use) and
 * one column per Quartier (the given ones, then any further one). An offer counts once per
 * cell however many places it has there; unlisted offers do not count.
 */
export function computeCoverage(
  offers: readonly Offer[],
  targetGroups: readonly string[],
  quartiere: readonly string[],
): Coverage {
  const groups = [...targetGroups];
  const columns = [...quartiere];
  const counts = new Map<string, { listed: number; outsideHours: number }>();
  const key = (g: string, q: string) => `${g}\u0000${q}`;
  const withoutQuartier: Coverage['withoutQuartier'] = [];
  for (const offer of offers) {
    if (!isListed(offer.service)) continue;
    const facets = facetsOf(offer);
    if (facets.q.length === 0) {
      withoutQuartier.push({ id: offer.service.id, name: offer.service.name });
    }
    const outside = offer.schedules.some(isOutsideOfficeHours);
    for (const g of facets.tg) {
      if (!groups.includes(g)) groups.push(g);
      for (const q of facets.q) {
        if (!columns.includes(q)) columns.push(q);
        const cell = counts.get(key(g, q)) ?? { listed: 0, outsideHours: 0 };
        cell.listed += 1;
        if (outside) cell.outsideHours += 1;
        counts.set(key(g, q), cell);
      }
    }
  }
  return {
    quartiere: columns,
    withoutQuartier,
    rows: groups.map((targetGroup) => ({
      targetGroup,
      cells: columns.map((quartier) => ({
        quartier,
        ...(counts.get(key(targetGroup, quartier)) ?? { listed: 0, outsideHours: 0 }),
      })),
    })),
  };
}

/** A gap: fewer offers than the coordinator's threshold. */
export function isGap(count: number, threshold: number): boolean {
  return count < threshold;
}

export const DEFAULT_THRESHOLD = 2;

/** The threshold as typed or stored: a whole number from 1 to 99, else the default. */
export function parseThreshold(value: string | null | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : DEFAULT_THRESHOLD;
}
