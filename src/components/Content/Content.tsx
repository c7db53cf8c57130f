import { currentLanguage, t } from '../../i18n';
import { type ShownText, shownText, type Translations } from '../../model/translated';
import './Content.css';

/** A record with texts people entered, in German and perhaps translated. */
export type Translatable = { translations?: Translations | null } & object;

/** `field` of `record` as a reader of the current UI language is shown it. */
export function shown(record: Translatable, field: string): ShownText {
  return shownText(record as Record<string, unknown>, field, currentLanguage());
}

/**
 * Attributes for the element of a shown text: its language, so a screen reader reads German
 * with a German voice inside an Arabic page, and `dir="auto"`, which keeps its punctuation
 * where it belongs inside a right-to-left layout.
 */
export function contentAttrs(text: ShownText): { lang: string; dir: 'auto' } {
  return { lang: text.lang, dir: 'auto' };
}

/** What the notes about a set of shown texts say. */
export interface ContentNoteKinds {
  /** Some text was translated by a machine. */
  machine: boolean;
  /** How much of the texts is the German original for want of a translation. */
  german: 'none' | 'some' | 'all';
}

/** Empty texts are not shown, so they need no note. */
export function contentNotes(texts: readonly ShownText[]): ContentNoteKinds {
  const present = texts.filter((x) => x.text.trim() !== '');
  const fallbacks = present.filter((x) => x.germanFallback).length;
  return {
    machine: present.some((x) => x.machine),
    german: fallbacks === 0 ? 'none' : fallbacks === present.length ? 'all' : 'some',
  };
}

/**
 * The notes in the UI language, the machine notice first; none in German. `german: false`
 * leaves out the note on German texts (a short message shows them as they are).
 */
export function noteLines(
  texts: readonly ShownText[],
  { german: withGerman = true } = {},
): string[] {
  const { machine, german } = contentNotes(texts);
  const lines: string[] = [];
  if (machine) lines.push(t('translatedContent.machine'));
  if (withGerman && german === 'all') lines.push(t('translatedContent.germanOnly'));
  if (withGerman && german === 'some') lines.push(t('translatedContent.partlyGerman'));
  return lines;
}

/** One shown text as plain text (share texts, lists for a messenger), marked if a machine wrote it. */
export function plainText(text: ShownText): string {
  return text.machine ? t('translatedContent.withMachine', { text: text.text }) : text.text;
}

/**
 * The notes for what a screen or a printed page shows: "maschinell übersetzt" where a
 * machine translated, "nur auf Deutsch verfügbar" where the reader's language is missing.
 */
export function ContentNotes({ texts }: { texts: readonly ShownText[] }) {
  const { machine, german } = contentNotes(texts);
  return (
    <>
      {machine && (
        <p class="content-note content-note--machine" role="note">
          {t('translatedContent.machine')}
        </p>
      )}
      {german !== 'none' && (
        <p class="content-note muted" role="note">
          {german === 'all'
            ? t('translatedContent.germanOnly')
            : t('translatedContent.partlyGerman')}
        </p>
      )}
    </>
  );
}

/** A small marker for a list row whose text a machine translated; German needs none there. */
export function MachineMark({ texts }: { texts: readonly ShownText[] }) {
  if (!contentNotes(texts).machine) return null;
  return <span class="content-mark">{t('translatedContent.machine')}</span>;
}
