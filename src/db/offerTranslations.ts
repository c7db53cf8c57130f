/**
 * Which texts of an offer lack a translation: the coordinators' list of what is still to
 * translate, read from the same offers the screens show.
 */
import type { Contact, Location, Organization, Schedule } from '../model';
import { type ContentLanguage, isTranslated } from '../model/translated';
import { type Offer, readOffers } from './offers';
import type { WegweiserDB } from './schema';

/** One record of an offer whose texts a reader of the language would see in German. */
export type UntranslatedPart =
  | { table: 'services'; record: Offer['service'] }
  | { table: 'organizations'; record: Organization }
  | { table: 'locations'; record: Location }
  | { table: 'contacts'; record: Contact }
  | { table: 'schedules'; record: Schedule };

/**
 * The records an offer is shown with (itself, its Träger, places, contacts and hours) that
 * are not translated into `lang` (isTranslated); empty when the offer is fully translated.
 */
export function untranslatedParts(offer: Offer, lang: ContentLanguage): UntranslatedPart[] {
  const { service, organization, locations, contacts, schedules } = offer;
  const all: UntranslatedPart[] = [
    { table: 'services', record: service },
    ...(organization ? [{ table: 'organizations' as const, record: organization }] : []),
    ...locations.map((record) => ({ table: 'locations' as const, record })),
    ...contacts.map((record) => ({ table: 'contacts' as const, record })),
    ...schedules.map((record) => ({ table: 'schedules' as const, record })),
  ];
  return all.filter((p) => !isTranslated(p.table, p.record as Record<string, unknown>, lang));
}

/** Listed offers that lack a translation into `lang`, each with what it lacks, in list order. */
export async function readUntranslated(
  db: WegweiserDB,
  lang: ContentLanguage,
): Promise<{ offer: Offer; parts: UntranslatedPart[] }[]> {
  const { offers } = await readOffers(db, 'listed');
  return offers
    .map((offer) => ({ offer, parts: untranslatedParts(offer, lang) }))
    .filter((x) => x.parts.length > 0);
}
