import { formatIsoDate } from '../../components/format';
import { label, t } from '../../i18n';
import { languageInfo } from '../../i18n/languages';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../model/translated';

type Taxonomy = Parameters<typeof label>[0];

/** List fields whose entries are taxonomy slugs: shown by their names, not their codes. */
const TAXONOMY_OF: Record<string, Taxonomy> = {
  target_groups: 'targetGroup',
  categories: 'category',
  traits: 'trait',
  languages: 'language',
};

/** The editor's label of a field, or the field name for one it does not know. */
export function fieldLabel(field: string): string {
  if (field === 'translations') return t('translatedContentEditor.title');
  const key = `editor.field.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/**
 * A field's value as plain text ("–" for empty): taxonomy codes by name, dates the German
 * way. Rendered as text, never as markup.
 */
export function shownValue(value: unknown, field = ''): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? t('conflicts.yes') : t('conflicts.no');
  if (typeof value === 'string') {
    const taxonomy = TAXONOMY_OF[field];
    if (taxonomy) return label(taxonomy, value);
    // Only a bare "YYYY-MM-DD" is changed; any other text stays as it is.
    return formatIsoDate(value);
  }
  if (Array.isArray(value)) {
    return value.length ? value.map((v) => shownValue(v, field)).join(', ') : '–';
  }
  if (field === 'translations' && typeof value === 'object') {
    return translationsValue(value as Record<string, Record<string, unknown> | null>);
  }
  return JSON.stringify(value);
}

/**
 * Translations as a person reads them: "English – Beschreibung: …, Name des Angebots: …
 * (maschinell übersetzt); Türkçe – …", languages and fields in a fixed order, so the two
 * sides of a conflict line up.
 */
function translationsValue(value: Record<string, Record<string, unknown> | null>): string {
  const languages = Object.keys(value).sort();
  if (languages.length === 0) return '–';
  return languages
    .map((lang) => {
      const tr = value[lang] ?? {};
      const fields = Object.keys(tr)
        .filter((f) => f !== 'machine')
        .sort()
        .map((f) => `${fieldLabel(f)}: ${shownValue(tr[f], f)}`)
        .join(', ');
      const known = CONTENT_LANGUAGES.includes(lang as ContentLanguage);
      const text = `${known ? languageInfo(lang as ContentLanguage).name : lang} – ${fields || '–'}`;
      return tr.machine === true ? t('translatedContent.withMachine', { text }) : text;
    })
    .join('; ');
}

export function recordTitle(row: Record<string, unknown> | undefined, id: string): string {
  return typeof row?.name === 'string' && row.name ? row.name : id;
}
