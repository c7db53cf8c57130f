import type { OfferDetail } from '../../db/offers';
import { reachEmail, reachPhone } from '../../db/reach';
import { currentLanguage } from '../../i18n';
import { datesFrom, describe } from '../../schedule';
import { formatNextDate } from '../angebote/NextDate/formatNextDate';
import { publicOfferUrl, type SlipData } from './shareText';

export interface Slip extends SlipData {
  /** "dienstags, 14:00–16:00 Uhr" per consultation hour, for a slip kept for weeks. */
  rhythms: string[];
  internal: boolean;
}

/**
 * What a person takes home, in the UI language. Contacts marked internal (a worker's direct
 * line) never go on it; neither does anything about the person.
 */
export function slipFor(detail: OfferDetail, origin: string, now: Date): Slip {
  const { service, organization, locations, schedules } = detail;
  const placeName = new Map(locations.map((l) => [l.id, l.name]));
  const severalPlaces = locations.length > 1;
  // The one running now first: a person handed the slip at 10:20 may still go at once.
  const nextDates = datesFrom(schedules, now, 3).map((o) => {
    const when = formatNextDate(o.start, o.end, now, false);
    const where =
      severalPlaces && o.schedule.location_id ? placeName.get(o.schedule.location_id) : '';
    return where ? `${when} (${where})` : when;
  });
  return {
    name: service.name,
    provider: organization?.name ?? null,
    addresses: locations.map((l) => `${l.name}, ${l.address_1}, ${l.postal_code} ${l.city}`),
    nextDates,
    rhythms: [...new Set(schedules.map((s) => describe(s)))],
    phone: reachPhone(detail),
    email: reachEmail(detail),
    url: publicOfferUrl(origin, service.id, currentLanguage()),
    internal: service.visibility === 'internal',
  };
}
