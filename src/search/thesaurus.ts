import data from './thesaurus.json';

/** The UI languages a concept has words in (Leichte Sprache is plain German). */
export const THESAURUS_LANGUAGES = [
  'de',
  'de-x-ls',
  'en',
  'tr',
  'ar',
  'uk',
  'ru',
  'ro',
  'bg',
  'pl',
  'fa',
] as const;
export type ThesaurusLanguage = (typeof THESAURUS_LANGUAGES)[number];

/** Languages whose words also occur in offer texts: only these tag offers when indexing. */
export const INDEX_LANGUAGES: readonly ThesaurusLanguage[] = ['de', 'de-x-ls'];

/**
 * A need: professional terms and everyday words for it, per language. The id is stable
 * (local words and explanations refer to it); the first German term names the concept.
 */
export interface Concept {
  id: string;
  terms: Partial<Record<ThesaurusLanguage, string[]>>;
  /** Words a district added (its own name for a place or service); indexed like German. */
  local?: string[];
}

export interface Thesaurus {
  concepts: Concept[];
}

export interface LocalTerm {
  concept: string;
  term: string;
}

/** The thesaurus of src/search/thesaurus.json. */
export function defaultThesaurus(): Thesaurus {
  return { concepts: data.concepts as Concept[] };
}

/**
 * The thesaurus with a district's local words added to their concepts. Words for unknown
 * concepts and blank words are left out; the input is not changed. Pass the result to
 * compileThesaurus and index with it: the index must be rebuilt when the words change.
 */
export function withLocalTerms(thesaurus: Thesaurus, terms: readonly LocalTerm[]): Thesaurus {
  const byConcept = new Map<string, string[]>();
  for (const { concept, term } of terms) {
    const t = term.trim();
    if (t === '') continue;
    const list = byConcept.get(concept) ?? [];
    if (!list.includes(t)) list.push(t);
    byConcept.set(concept, list);
  }
  return {
    concepts: thesaurus.concepts.map((c) => {
      const extra = byConcept.get(c.id);
      return extra ? { ...c, local: [...(c.local ?? []), ...extra] } : c;
    }),
  };
}

/** The concepts as a coordinator picks them: named by their first German term, sorted. */
export function conceptChoices(thesaurus: Thesaurus): { id: string; label: string }[] {
  return thesaurus.concepts
    .map((c) => ({ id: c.id, label: c.terms.de?.[0] ?? c.id }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
}

/** Terms of a concept that are German text (and so may appear in offers). */
export function indexedTerms(concept: Concept): string[] {
  return [...INDEX_LANGUAGES.flatMap((l) => concept.terms[l] ?? []), ...(concept.local ?? [])];
}

/** Every term of a concept, German first. */
export function allTerms(concept: Concept): string[] {
  const foreign = THESAURUS_LANGUAGES.filter((l) => !INDEX_LANGUAGES.includes(l));
  return [...indexedTerms(concept), ...foreign.flatMap((l) => concept.terms[l] ?? [])];
}

/** A stable fingerprint of what the index depends on (store.ts rebuilds when it changes). */
export function thesaurusKey(thesaurus: Thesaurus): string {
  return JSON.stringify(thesaurus.concepts.map((c) => [c.id, c.terms, c.local ?? []]));
}
