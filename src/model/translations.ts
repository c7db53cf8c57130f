/**
 * The schema of translated content (see ./translated for what a translation is and what a
 * reader is shown).
 */
import * as z from 'zod/mini';
import { longText, text } from './meta';
import {
  CONTENT_LANGUAGES,
  ONE_LINE,
  TRANSLATED_FIELDS,
  type TranslatedTable,
  type Translation,
} from './translated';

export * from './translated';

/** The `translations` field of a table's schema; absent means there are none. */
export function translationsField<T extends TranslatedTable>(table: T) {
  const bounds = TRANSLATED_FIELDS[table] as Record<string, number>;
  const shape: Record<string, z.ZodMiniType> = { machine: z.optional(z.boolean()) };
  for (const [field, max] of Object.entries(bounds)) {
    shape[field] = z.optional(z.nullable(ONE_LINE.has(field) ? text(max) : longText(max)));
  }
  // The shape is built from the table's field list, so its static type is given here.
  const translation = z.strictObject(shape) as unknown as z.ZodMiniType<Translation>;
  return z.optional(z.partialRecord(z.enum(CONTENT_LANGUAGES), translation));
}
