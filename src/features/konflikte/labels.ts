import { formatIsoDate } from '../../components/format';
import { label, t } from '../../i18n';

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
  return JSON.stringify(value);
}

export function recordTitle(row: Record<string, unknown> | undefined, id: string): string {
  return typeof row?.name === 'string' && row.name ? row.name : id;
}
