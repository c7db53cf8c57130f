import { currentLanguage } from '../i18n';

/**
 * Attributes for text that people entered (offer names, descriptions, notes). It is
 * German: a screen reader then reads it with a German voice inside an Arabic page, and
 * `dir="auto"` keeps its punctuation where it belongs inside a right-to-left layout.
 */
export const GERMAN_CONTENT = { lang: 'de', dir: 'auto' } as const;

/** Whether the page should say that the offer's own texts are only in German. */
export function contentNotInUiLanguage(): boolean {
  return !currentLanguage().startsWith('de');
}
