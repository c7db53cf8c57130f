import { type MappingEntry, termKey } from '../../protocol/importMapping';
import { SLUG_PATTERN } from '../../src/model';
import { readSettingsFile } from './csv';

/** What one source term (a code or a name) stands for here. */
export interface TermTarget {
  categories: string[];
  target_groups: string[];
}

/** Source terms, by normalized code or name, to our categories and Zielgruppen. */
export type TaxonomyMapping = Map<string, TermTarget>;

export { termKey };

export class MappingError extends Error {}

const splitSlugs = (x: unknown): string[] =>
  (Array.isArray(x) ? x.map(String) : typeof x === 'string' ? x.split(/[|,;]/) : [])
    .map((s) => s.trim())
    .filter((s) => s !== '');

function add(map: TaxonomyMapping, term: string, cats: unknown, groups: unknown, where: string) {
  const categories = splitSlugs(cats);
  const target_groups = splitSlugs(groups);
  for (const slug of [...categories, ...target_groups]) {
    if (!SLUG_PATTERN.test(slug)) {
      throw new MappingError(`${where}: „${slug}“ ist kein gültiger Schlüssel (z. B. "beratung").`);
    }
  }
  if (termKey(term) === '') throw new MappingError(`${where}: Begriff fehlt.`);
  map.set(termKey(term), { categories, target_groups });
}

/**
 * A mapping file: JSON (`{"<term>": {"categories": [...], "target_groups": [...]}}` or a list
 * of `{term, categories, target_groups}`) or CSV with the columns term (Begriff), categories
 * (Kategorien) and target_groups (Zielgruppen), several values split by "|".
 */
export function parseTaxonomyMapping(text: string, fileName: string): TaxonomyMapping {
  const map: TaxonomyMapping = new Map();
  const file = readSettingsFile(text, fileName, (m) => new MappingError(m));
  if ('json' in file) {
    const doc = file.json;
    const entries: [string, Record<string, unknown>][] = Array.isArray(doc)
      ? doc.map((e: Record<string, unknown>) => [String(e.term ?? e.code ?? e.name ?? ''), e])
      : Object.entries((doc ?? {}) as Record<string, Record<string, unknown>>);
    entries.forEach(([term, e], i) => {
      add(map, term, e?.categories, e?.target_groups, `${fileName} Eintrag ${i + 1}`);
    });
    return map;
  }
  file.rows.forEach((r, i) => {
    const term = r.term ?? r.begriff ?? r.code ?? r.name ?? '';
    add(
      map,
      term,
      r.categories ?? r.kategorien,
      r.target_groups ?? r.zielgruppen,
      `${fileName} Zeile ${i + 2}`,
    );
  });
  return map;
}

/** The coordinators' stored entries as a mapping, with `over` (a --mapping file) on top. */
export function mappingOf(
  entries: readonly MappingEntry[],
  over?: TaxonomyMapping,
): TaxonomyMapping {
  const map: TaxonomyMapping = new Map();
  for (const e of entries) {
    map.set(termKey(e.term), { categories: e.categories, target_groups: e.target_groups });
  }
  for (const [key, target] of over ?? []) map.set(key, target);
  return map;
}
