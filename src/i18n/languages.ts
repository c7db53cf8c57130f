/**
 * The UI languages. Each is named in itself in the picker, so a person finds their own
 * language without reading German. `intl` is the locale handed to `Intl` for dates,
 * numbers and plural rules (Leichte Sprache formats like German). Arabic and Farsi keep
 * Latin digits: times, phone numbers and house numbers around them are written so in the
 * city, and one line should not mix two digit systems. Farsi dates are Gregorian (Intl's
 * default for fa-IR is the Solar Hijri calendar): a date on a slip must be the day the
 * office in Germany means.
 *
 * `group` is how the language groups the digits of a whole number, as Intl writes it: the
 * separator, and the number of digits from which it groups ("5000" but "12 345" in Polish);
 * formatNumberIn (./format.ts) writes counts with it.
 */
export const UI_LANGUAGES = [
  { code: 'de', name: 'Deutsch', intl: 'de-DE', dir: 'ltr', group: ['.', 4] },
  { code: 'de-x-ls', name: 'Leichte Sprache', intl: 'de-DE', dir: 'ltr', group: ['.', 4] },
  { code: 'en', name: 'English', intl: 'en-GB', dir: 'ltr', group: [',', 4] },
  { code: 'tr', name: 'Türkçe', intl: 'tr-TR', dir: 'ltr', group: ['.', 4] },
  { code: 'ar', name: 'العربية', intl: 'ar-u-nu-latn', dir: 'rtl', group: [',', 4] },
  { code: 'uk', name: 'Українська', intl: 'uk-UA', dir: 'ltr', group: ['\u00a0', 4] },
  { code: 'ru', name: 'Русский', intl: 'ru-RU', dir: 'ltr', group: ['\u00a0', 4] },
  { code: 'ro', name: 'Română', intl: 'ro-RO', dir: 'ltr', group: ['.', 4] },
  { code: 'bg', name: 'Български', intl: 'bg-BG', dir: 'ltr', group: ['\u00a0', 5] },
  { code: 'pl', name: 'Polski', intl: 'pl-PL', dir: 'ltr', group: ['\u00a0', 5] },
  {
    code: 'fa',
    name: 'فارسی',
    intl: 'fa-IR-u-ca-gregory-nu-latn',
    dir: 'rtl',
    group: [',', 4],
  },
] as const;

export type UiLanguage = (typeof UI_LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: UiLanguage = 'de';

const byCode = new Map<string, (typeof UI_LANGUAGES)[number]>(UI_LANGUAGES.map((l) => [l.code, l]));

export function languageInfo(code: UiLanguage): (typeof UI_LANGUAGES)[number] {
  return byCode.get(code) ?? UI_LANGUAGES[0];
}

/**
 * A language tag as browsers and links write it ("ar-EG", "DE-x-LS", "pt_BR") to one of
 * ours, or null. Only the primary subtag counts, except for Leichte Sprache.
 */
export function matchLanguage(tag: string | null | undefined): UiLanguage | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (lower === 'de-x-ls' || lower === 'ls') return 'de-x-ls';
  const primary = lower.split('-')[0] ?? '';
  // Dari is written in the same script and understood by Farsi readers.
  const code = primary === 'prs' ? 'fa' : primary;
  return byCode.has(code) && code !== 'de-x-ls' ? (code as UiLanguage) : null;
}

/**
 * Which language the app starts in: a link's `?lang=` (a caretaker handing over a slip),
 * then the choice made on this device, then the browser's languages in their order,
 * then German.
 */
export function resolveLanguage(input: {
  param?: string | null;
  stored?: string | null;
  browser?: readonly string[];
}): UiLanguage {
  const fromParam = matchLanguage(input.param);
  if (fromParam) return fromParam;
  const fromStore = matchLanguage(input.stored);
  if (fromStore) return fromStore;
  for (const tag of input.browser ?? []) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}
