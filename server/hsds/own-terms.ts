import de from '../../src/i18n/de.json' with { type: 'json' };
import { SLUG_PATTERN } from '../../src/model';
import { stableUuid } from './stable-id';

/**
 * How our own fields travel in HSDS 3.0, for the export and for the import that reads such an
 * export back. Both sides use this one table, so a field added here round-trips at once.
 *
 * Target groups, categories and traits are taxonomy terms of our own taxonomies (the term's
 * `code` is the slug): an import recognises them without a mapping table, whichever city's
 * instance wrote them. Fields that HSDS has no place for (exceptions to hours, visibility,
 * a contact's languages, translated texts) are attributes of one more taxonomy whose `value`
 * carries the field.
 */
export const OWN_LISTS = {
  target_groups: { taxonomy: 'quartier-wegweiser/zielgruppen', labels: de.taxonomy.targetGroup },
  categories: { taxonomy: 'quartier-wegweiser/kategorien', labels: de.taxonomy.category },
  traits: { taxonomy: 'quartier-wegweiser/merkmale', labels: de.taxonomy.trait },
} as const;

export type OwnList = keyof typeof OWN_LISTS;
export const OWN_LIST_NAMES = Object.keys(OWN_LISTS) as OwnList[];

export function ownListOf(taxonomy: string | undefined): OwnList | null {
  if (!taxonomy) return null;
  const t = taxonomy.trim().toLowerCase();
  return OWN_LIST_NAMES.find((k) => OWN_LISTS[k].taxonomy === t) ?? null;
}

export const isOwnSlug = (code: string | undefined): code is string =>
  !!code && SLUG_PATTERN.test(code);

export const FIELD_TAXONOMY = 'quartier-wegweiser/felder';

type Codec = 'text' | 'list' | 'boolean' | 'json';

/** Per HSDS entity, the fields carried as attributes, and how their value is written. */
export const FIELD_ATTRIBUTES = {
  service: { visibility: 'text', legal_basis: 'text', translations: 'json' },
  organization: { visibility: 'text', translations: 'json' },
  location: { visibility: 'text', translations: 'json' },
  schedule: {
    visibility: 'text',
    exdates: 'list',
    rdates: 'list',
    closed_on_holidays: 'boolean',
    recurrence: 'json',
    translations: 'json',
  },
  contact: { visibility: 'text', languages: 'list', availability: 'text', translations: 'json' },
} as const satisfies Record<string, Record<string, Codec>>;

export type FieldEntity = keyof typeof FIELD_ATTRIBUTES;

export function encodeField(codec: Codec, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (codec === 'list') return Array.isArray(value) && value.length > 0 ? value.join(',') : null;
  if (codec === 'boolean') return value ? 'true' : 'false';
  if (codec === 'json')
    return typeof value === 'object' && Object.keys(value).length > 0
      ? JSON.stringify(value)
      : null;
  const s = String(value);
  return s === '' ? null : s;
}

/** The field's value, or undefined when the text cannot be one (the record keeps its default). */
export function decodeField(codec: Codec, raw: string): unknown {
  if (codec === 'list')
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (codec === 'boolean')
    return /^true$/i.test(raw) ? true : /^false$/i.test(raw) ? false : undefined;
  if (codec === 'json') {
    try {
      const v: unknown = JSON.parse(raw);
      return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    } catch {
      return undefined;
    }
  }
  return raw;
}

export function fieldCodec(entity: string, field: string): Codec | null {
  const fields = (FIELD_ATTRIBUTES as Record<string, Record<string, Codec>>)[entity];
  return fields?.[field] ?? null;
}

/** The same term id in every export, so that tabular exports share one taxonomy_terms row. */
export const termId = (taxonomy: string, code: string) => stableUuid('qw-term', taxonomy, code);
