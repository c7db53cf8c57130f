import { type Offer, readOffers } from '../../db/offers';
import type { StoredService, WegweiserDB } from '../../db/schema';
import type { Location, Organization, Schedule } from '../../model';

export interface ListRow {
  service: StoredService;
  /** The Träger, null when it is gone or not on this device. */
  organization: Organization | null;
  /** Distinct Quartiere of the offer's locations, in location order. */
  quartiere: string[];
  locations: Location[];
  /** Consultation hours, for "next date". */
  schedules: Schedule[];
}

/** What a result card shows of an offer. */
export function toListRow({ service, organization, locations, schedules }: Offer): ListRow {
  return {
    service,
    organization,
    quartiere: [...new Set(locations.map((l) => l.quartier))],
    locations,
    schedules,
  };
}

/**
 * Everything a result card shows for the given offers, in the given order. Offers deleted
 * in the meantime drop out.
 */
export async function loadRows(db: WegweiserDB, ids: string[]): Promise<ListRow[]> {
  const { offers } = await readOffers(db, ids);
  return offers.map(toListRow);
}

export { filteredIdsFromDb, knownQuartiere } from '../../db/offers';
