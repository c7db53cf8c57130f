import { t } from '../../i18n';

/** The editor's label of a field, or the field name for one it does not know. */
export function fieldLabel(field: string): string {
  const key = `editor.field.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/** A value as plain text ("–" for empty). Rendered as text, never as markup. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? t('conflicts.yes') : t('conflicts.no');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length ? value.map(shownValue).join(', ') : '–';
  return JSON.stringify(value);
}

export function recordTitle(row: Record<string, unknown> | undefined, id: string): string {
  return typeof row?.name === 'string' && row.name ? row.name : id;
}
