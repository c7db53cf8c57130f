/**
 * The taxonomy mapping that coordinators keep on the server (GET and POST /api/import/mapping):
 * which source term (a 211/AIRS code, an HSDS taxonomy term, or its name) stands for which of
 * our categories and Zielgruppen. Every import reads it; a `--mapping` file on the command
 * line takes precedence term by term.
 */
import * as z from 'zod/mini';
import { SLUG_PATTERN } from '../src/model/taxonomy';
import { BAD_CHARS } from './limits';

/** More terms than any taxonomy we know of (AIRS has about 9,000 codes in use). */
export const MAX_MAPPING_ENTRIES = 20_000;
export const MAX_MAPPING_BYTES = 4 * 1024 * 1024;
const MAX_SLUGS = 24;

/** Codes and names compare without case and with runs of spaces as one. */
export const termKey = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

const Slugs = z.array(z.string().check(z.regex(SLUG_PATTERN))).check(z.maxLength(MAX_SLUGS));

export const MappingEntry = z.object({
  term: z.string().check(
    z.maxLength(500),
    z.refine((s) => termKey(s) !== '' && !BAD_CHARS.test(s)),
  ),
  categories: Slugs,
  target_groups: Slugs,
});
export type MappingEntry = z.infer<typeof MappingEntry>;

export const MappingDocument = z.object({
  entries: z.array(MappingEntry).check(z.maxLength(MAX_MAPPING_ENTRIES)),
});
export type MappingDocument = z.infer<typeof MappingDocument>;

/**
 * One entry per term key (the last wins, as in a mapping file), slugs without repeats. An
 * entry that maps to nothing stays: saved, it removes its term.
 */
export function normalizeMapping(entries: readonly MappingEntry[]): MappingEntry[] {
  const byKey = new Map<string, MappingEntry>();
  for (const e of entries) {
    const key = termKey(e.term);
    byKey.delete(key);
    byKey.set(key, {
      term: e.term.trim(),
      categories: [...new Set(e.categories)],
      target_groups: [...new Set(e.target_groups)],
    });
  }
  return [...byKey.values()];
}

export const mapsToNothing = (e: MappingEntry) =>
  e.categories.length === 0 && e.target_groups.length === 0;
