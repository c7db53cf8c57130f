/**
 * Translated content: a record's German text fields may carry a version per UI language,
 * each marked when a machine wrote it (the EU AI Act, Art. 50, asks that readers are told).
 * German stays the original in the record's own fields; a translation never replaces it.
 *
 * Without zod: screens on the start page read translated texts, and must not bring the
 * validation schemas along (src/model/translations.ts adds the schema).
 */
import { matchLanguage, UI_LANGUAGES, type UiLanguage } from '../i18n/languages';

/** Languages content can be translated into: every UI language except the original German. */
export const CONTENT_LANGUAGES = UI_LANGUAGES.map((l) => l.code).filter(
  (c) => c !== 'de',
) as Exclude<UiLanguage, 'de'>[];
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** A language tag as people write it ("EN", "ar-SY", "Leichte Sprache") to a content language. */
export function matchContentLanguage(tag: string | null | undefined): ContentLanguage | null {
  const lang = /^leichte sprache$/i.test(tag?.trim() ?? '') ? 'de-x-ls' : matchLanguage(tag);
  return lang && lang !== 'de' ? lang : null;
}

/**
 * The fields each table translates, with their bounds. Descriptions are shorter than the
 * German original's 8,000 characters so that all ten languages of one record stay within
 * one field value's bound (protocol/limits.ts MAX_VALUE_CHARS).
 */
export const TRANSLATED_FIELDS = {
  services: { name: 200, description: 4000 },
  organizations: { name: 200, description: 2000 },
  locations: { name: 200, description: 1000 },
  contacts: { title: 200, availability: 500 },
  schedules: { notes: 1000 },
} as const satisfies Record<string, Record<string, number>>;

export type TranslatedTable = keyof typeof TRANSLATED_FIELDS;
export type TranslatedField<T extends TranslatedTable> = keyof (typeof TRANSLATED_FIELDS)[T] &
  string;

/** Fields that are one line in the original; the rest may have several lines. */
export const ONE_LINE: ReadonlySet<string> = new Set(['name', 'title', 'availability']);

/** One language's version of a record's texts. */
export interface Translation {
  machine?: boolean;
  [field: string]: string | boolean | null | undefined;
}
export type Translations = Partial<Record<ContentLanguage, Translation>>;

/** What a screen shows for one text field in one UI language. */
export interface ShownText {
  text: string;
  /** The language the text is in, for `lang` on its element. */
  lang: string;
  /** A machine translated it. */
  machine: boolean;
  /** No translation into the wanted language: this is the German original. */
  germanFallback: boolean;
}

/** A usable translated value: trimmed and not empty. */
function translatedValue(t: Translation | undefined, field: string): string | null {
  const v = t?.[field];
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/**
 * The text of `field` for a reader of `lang`: its translation when there is one, else the
 * German original. Leichte Sprache readers read German, so German is no fallback for them.
 */
export function shownText(
  record: { translations?: Translations | null } & Record<string, unknown>,
  field: string,
  lang: UiLanguage,
): ShownText {
  const original = typeof record[field] === 'string' ? (record[field] as string) : '';
  if (lang === 'de') return { text: original, lang: 'de', machine: false, germanFallback: false };
  const t = record.translations?.[lang];
  const value = translatedValue(t, field);
  if (value !== null)
    return { text: value, lang, machine: t?.machine === true, germanFallback: false };
  return {
    text: original,
    lang: 'de',
    machine: false,
    germanFallback: lang !== 'de-x-ls' && original.trim() !== '',
  };
}

/** Whether a record has a translation of every field that has German text, into `lang`. */
export function isTranslated<T extends TranslatedTable>(
  table: T,
  record: { translations?: Translations | null } & Record<string, unknown>,
  lang: ContentLanguage,
): boolean {
  const t = record.translations?.[lang];
  return Object.keys(TRANSLATED_FIELDS[table]).every((field) => {
    const original = record[field];
    return (
      typeof original !== 'string' || original.trim() === '' || translatedValue(t, field) !== null
    );
  });
}

/** Every translated text of a record, for the search index: all languages, all fields. */
export function translatedTexts(
  record: { translations?: Translations | null },
  field: string,
): string[] {
  const out: string[] = [];
  for (const t of Object.values(record.translations ?? {})) {
    const v = translatedValue(t, field);
    if (v !== null) out.push(v);
  }
  return out;
}

/**
 * Translations as they are worth keeping: blank texts left out, and a language with no
 * text left (only its machine mark, or nothing) dropped. An editor's half-added language
 * is not saved as an empty translation.
 */
export function keptTranslations(translations: Translations | null | undefined): Translations {
  const out: Translations = {};
  for (const [lang, t] of Object.entries(translations ?? {}) as [ContentLanguage, Translation][]) {
    const texts = Object.keys(t ?? {})
      .filter((field) => field !== 'machine' && translatedValue(t, field) !== null)
      .map((field) => [field, t[field]]);
    if (texts.length === 0) continue;
    out[lang] = Object.fromEntries(t?.machine ? [...texts, ['machine', true]] : texts);
  }
  return out;
}
