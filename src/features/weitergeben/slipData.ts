import { noteLines, shown } from '../../components/Content/Content';
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
  /** On paper also "nur auf Deutsch verfügbar": the slip goes home with the person. */
  notes: string[];
}

/**
 * What a person takes home, in the UI language. Contacts marked internal (a worker's direct
 * line) never go on it; neither does anything about the person.
 */
export function slipFor(detail: OfferDetail, origin: string, now: Date): Slip {
  const { service, organization, locations, schedules } = detail;
  const placeName = new Map(locations.map((l) => [l.id, shown(l, 'name').text]));
  const severalPlaces = locations.length > 1;
  // The one running now first: a person handed the slip at 10:20 may still go at once.
  const nextDates = datesFrom(schedules, now, 3).map((o) => {
    const when = formatNextDate(o.start, o.end, now, false);
    const where =
      severalPlaces && o.schedule.location_id ? placeName.get(o.schedule.location_id) : '';
    return where ? `${when} (${where})` : when;
  });
  const name = shown(service, 'name');
  const provider = organization ? shown(organization, 'name') : null;
  const addresses = locations.map((l) => ({
    place: shown(l, 'name'),
    street: `${l.address_1}, ${l.postal_code} ${l.city}`,
  }));
  const texts = [name, ...(provider ? [provider] : []), ...addresses.map((a) => a.place)];
  return {
    name,
    provider,
    addresses,
    nextDates,
    rhythms: [...new Set(schedules.map((s) => describe(s)))],
    phone: reachPhone(detail),
    email: reachEmail(detail),
    url: publicOfferUrl(origin, service.id, currentLanguage()),
    internal: service.visibility === 'internal',
    notes: noteLines(texts),
    textNotes: noteLines(texts, { german: false }),
  };
}
