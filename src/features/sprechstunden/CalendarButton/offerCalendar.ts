/**
 * The .ics file of one offer's consultation hours, with its words in one language: the
 * UI language at download, or any other loaded one. Loaded with the button's first click,
 * together with the generator (../../../schedule/ics).
 */
import { tFor } from '../../../i18n';
import type { UiLanguage } from '../../../i18n/languages';
import type { Location, Schedule } from '../../../model';
import { describe, describeExtras } from '../../../schedule';
import { buildIcs, icsFileName } from '../../../schedule/ics';
import { berlinDate } from '../../../schedule/tz';

export interface OfferCalendarInput {
  /** The offer's name: its own text, German like every offer text. */
  name: string;
  schedules: readonly Schedule[];
  locations: readonly Location[];
  /** The offer's hours page, for the event's URL and the end of its description. */
  link: string;
  from: Date;
  /** Must be loaded (see loadLanguage); else LanguageNotLoaded. */
  lang: UiLanguage;
  stamp?: Date;
}

function address(l: Location): string {
  return `${l.name}, ${l.address_1}, ${l.postal_code} ${l.city}`;
}

/**
 * SUMMARY: "Opening hours: <name>"; DESCRIPTION: the rule in words, its exceptions from
 * today on, the schedule's notes and the link, one per line.
 */
export function offerCalendar(input: OfferCalendarInput): { text: string; fileName: string } {
  const { name, schedules, locations, link, lang } = input;
  const placeOf = new Map(locations.map((l) => [l.id, l]));
  const today = berlinDate(input.from);
  const text = buildIcs({
    name,
    language: lang,
    from: input.from,
    stamp: input.stamp,
    entries: schedules.map((schedule) => {
      const place = placeOf.get(schedule.location_id ?? '') ?? locations[0];
      const extras = describeExtras(schedule, lang, today);
      return {
        schedule,
        summary: tFor(lang, 'localisedOutput.calendarSummary', { name }),
        location: place ? address(place) : null,
        description: [describe(schedule, lang), extras.join(' · '), schedule.notes, link]
          .filter(Boolean)
          .join('\n'),
        url: link,
      };
    }),
  });
  return { text, fileName: icsFileName(name) };
}
