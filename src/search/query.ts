import type { Query } from 'minisearch';
import { findSynonyms, groupToken, type SynonymTable } from './synonyms';
import { queryWords } from './tokenize';
import type { Vocabulary } from './vocabulary';

/** Alternatives for one stretch of the query; every slot must match (AND). */
export interface Slot {
  /** The query words the slot stands for, as typed (folded). */
  words: string[];
  /**
   * Any one alternative may match (OR); all words of an alternative must (AND). A synonym
   * alternative is the group's index token (see synonyms.ts), matched exactly.
   */
  alts: { words: string[]; synonym: boolean }[];
}

export interface QueryPlan {
  slots: Slot[];
  /** Typed words that named a concept, for "passt zu" lines. */
  concepts: ConceptMatch[];
  /** Folded strings worth highlighting: the query words and their synonyms. */
  needles: string[];
}

/** Synonyms count a little less than the words a person typed. */
const SYNONYM_BOOST = 0.6;
/** A word found inside a compound ("beratung" in "schuldnerberatung"). */
const PART_BOOST = 0.5;
/**
 * Compound parts are looked for in the texts that name and describe an offer, not in
 * addresses and contact names ("strasse" inside 50 street names is no compound a worker
 * means) — which also keeps broad words fast.
 */
const PART_FIELDS = ['name', 'alt', 'description', 'provider', 'categories', 'targetGroups'];
const MAX_PARTS = 60;

/** Typos: none for short words (too many false friends), one from 5 letters, two from 10. */
export function fuzzyDistance(word: string): number | false {
  if (word.length >= 10) return 2;
  if (word.length >= 5) return 1;
  return false;
}

export function planQuery(query: string, synonyms: SynonymTable): QueryPlan {
  const words = queryWords(query);
  const flat = words.map((w) => w.term);
  const matches = findSynonyms(synonyms, flat);
  const slots: Slot[] = [];
  const concepts: ConceptMatch[] = [];
  const needles = new Set<string>();
  let i = 0;
  for (const m of [...matches, null]) {
    const until = m ? m.start : words.length;
    for (; i < until; i++) {
      const w = words[i] as (typeof words)[number];
      needles.add(w.term);
      const alts = [{ words: [w.term], synonym: false }];
      if (w.parts) {
        alts.push({ words: w.parts, synonym: false });
        for (const p of w.parts) needles.add(p);
      }
      slots.push({ words: [w.term], alts });
    }
    if (!m) break;
    const typed = flat.slice(m.start, m.end);
    concepts.push({ typed, group: m.group });
    for (const w of typed) needles.add(w);
    // Highlight what the synonyms matched, too ("Kita" marks "Kinderbetreuung").
    for (const member of synonyms.groups[m.group] ?? []) for (const w of member) needles.add(w);
    slots.push({
      words: typed,
      alts: [
        { words: typed, synonym: false },
        { words: [groupToken(m.group)], synonym: true },
      ],
    });
    i = m.end;
  }
  return { slots, concepts, needles: [...needles] };
}

const identity = (s: string) => s;
const single = (s: string) => [s];

/**
 * In a best-match search, a word that names no concept counts less than one that does
 * when the query has both: "Schulden" carries the need in "Schulden Brief Nachbar".
 */
const PLAIN_WORD_WEIGHT = 0.4;

function termQuery(word: string, synonym: boolean, vocabulary: Vocabulary, weight = 1): Query {
  if (synonym) {
    return {
      queries: [word],
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      boostTerm: () => SYNONYM_BOOST,
    };
  }
  const direct: Query = {
    queries: [word],
    combineWith: 'OR',
    prefix: word.length >= 2,
    fuzzy: fuzzyDistance(word),
    boostTerm: () => weight,
  };
  const parts = word.length >= 4 ? vocabulary.containing(word, MAX_PARTS) : [];
  if (parts.length === 0) return direct;
  return {
    combineWith: 'OR',
    queries: [
      direct,
      {
        queries: parts,
        combineWith: 'OR',
        fields: PART_FIELDS,
        prefix: false,
        fuzzy: false,
        boostTerm: () => PART_BOOST * weight,
      },
    ],
  };
}

const namesConcept = (slot: Slot) => slot.alts.some((a) => a.synonym);

/**
 * The plan as a MiniSearch query tree (terms are already folded). 'AND' needs every slot;
 * 'OR' is the best-match search: any slot may match, BM25 weighs rare words more, and
 * words that name a concept weigh more than the others.
 */
export function toMiniSearchQuery(
  plan: QueryPlan,
  vocabulary: Vocabulary,
  skipSlot = -1,
  combineWith: 'AND' | 'OR' = 'AND',
): Query {
  const slots = plan.slots.filter((_, i) => i !== skipSlot);
  const weighted = combineWith === 'OR' && slots.some(namesConcept);
  return {
    combineWith,
    tokenize: single,
    processTerm: identity,
    queries: slots.map((slot) => {
      const weight = weighted && !namesConcept(slot) ? PLAIN_WORD_WEIGHT : 1;
      return {
        combineWith: 'OR',
        queries: slot.alts.map((alt) => ({
          combineWith: 'AND',
          queries: alt.words.map((w) => termQuery(w, alt.synonym, vocabulary, weight)),
        })),
      };
    }),
  } as Query;
}

/** Synonym matches of a plan: which typed words reached which concept. */
export interface ConceptMatch {
  typed: string[];
  group: number;
}
