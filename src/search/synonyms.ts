import { stemmer } from '@orama/stemmers/german';
import { allTerms, defaultThesaurus, indexedTerms, type Thesaurus } from './thesaurus';
import { queryWords } from './tokenize';

/** A synonym group member as folded query words ("Hartz IV" → ["hartz", "iv"]). */
export type Phrase = string[];

export interface SynonymTable {
  /** Members by their first word, longest member first (the query side: every language). */
  byFirstWord: Map<string, { words: Phrase; group: number }[]>;
  /** The same for members that tag offer texts when indexing (German). */
  indexByFirstWord: Map<string, { words: Phrase; group: number }[]>;
  /** Single-word German members (4+ letters) → groups; also found inside a compound. */
  heads: Map<string, number[]>;
  /** Snowball stems of single-word German members → group ("Mahnungen" meets "Mahnung"). */
  byStem: Map<string, number>;
  groups: Phrase[][];
  /** A stable name per group (the thesaurus concept id). */
  ids: string[];
  /** Per group, the German members as written, for "passt zu" lines. */
  labels: string[][];
}

/**
 * Synonyms are resolved when indexing: an offer that says "Integrationskurs" also gets the
 * token of its group, and a query for "Deutschkurs" asks for that one token instead of
 * every member with prefix and typo matching — the difference between 3 ms and 15 ms per
 * query at 5,000 offers. A change of the thesaurus (thesaurus.json or local words) rebuilds
 * the index once (store.ts).
 */
export function groupToken(group: number): string {
  return `syn~${group}`;
}

/** Group tokens for a field's words (folded): members, multi-word members, compound heads. */
export function groupsInWords(table: SynonymTable, words: string[]): string[] {
  const out = new Set<string>();
  words.forEach((w, i) => {
    for (const cand of table.indexByFirstWord.get(w) ?? []) {
      if (cand.words.every((cw, k) => words[i + k] === cw)) out.add(groupToken(cand.group));
    }
    // "Berufssprachkurs" ends with "sprachkurs", "Energieschulden" with "schulden";
    // "Flüchtlingsberatung" starts with "flüchtling" (5+ letters, so no chance hits).
    for (let k = 1; k <= w.length - 4; k++) {
      for (const g of table.heads.get(w.slice(k)) ?? []) out.add(groupToken(g));
    }
    for (let k = 5; k < w.length; k++) {
      for (const g of table.heads.get(w.slice(0, k)) ?? []) out.add(groupToken(g));
    }
  });
  return [...out];
}

function addPhrase(map: SynonymTable['byFirstWord'], words: Phrase, group: number): void {
  const first = words[0] as string;
  const list = map.get(first) ?? [];
  list.push({ words, group });
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(first, list);
}

/**
 * Groups of members; `indexed(group)` says how many leading members may tag offer texts
 * (the rest are only looked for in queries: an English or Turkish word must not tag a
 * German text that happens to contain it). Members that fold to nothing (only stopwords
 * or punctuation) are dropped.
 */
export function compileSynonyms(
  groups: readonly (readonly string[])[],
  options: { indexed?: (group: number) => number; ids?: string[] } = {},
): SynonymTable {
  const byFirstWord: SynonymTable['byFirstWord'] = new Map();
  const indexByFirstWord: SynonymTable['indexByFirstWord'] = new Map();
  const heads: SynonymTable['heads'] = new Map();
  const byStem: SynonymTable['byStem'] = new Map();
  const compiled: Phrase[][] = [];
  const labels: string[][] = [];
  groups.forEach((members, group) => {
    const phrases: Phrase[] = [];
    const indexedCount = options.indexed?.(group) ?? members.length;
    labels.push(members.slice(0, indexedCount) as string[]);
    members.forEach((member, m) => {
      const folded = queryWords(member);
      const words = folded.flatMap((w) => w.parts ?? [w.term]);
      if (words.length === 0) return;
      // "Geld-Probleme" typed as one hyphenated word arrives as "geldprobleme".
      const joined = folded.length === 1 && folded[0]?.parts ? [folded[0].term] : null;
      for (const variant of joined ? [words, joined] : [words]) {
        if (phrases.some((p) => p.join(' ') === variant.join(' '))) continue;
        phrases.push(variant);
        addPhrase(byFirstWord, variant, group);
        if (m < indexedCount) addPhrase(indexByFirstWord, variant, group);
      }
      if (m >= indexedCount) return;
      const first = words[0] as string;
      if (words.length === 1 && first.length >= 4) {
        const gs = heads.get(first) ?? [];
        if (!gs.includes(group)) gs.push(group);
        heads.set(first, gs);
        const stem = stemOf(first);
        if (stem && !byStem.has(stem)) byStem.set(stem, group);
      }
    });
    compiled.push(phrases);
  });
  const ids = options.ids ?? compiled.map((_, g) => String(g));
  return { byFirstWord, indexByFirstWord, heads, byStem, groups: compiled, ids, labels };
}

/** One group per concept: German (and local) words tag offers, every language is asked. */
export function compileThesaurus(thesaurus: Thesaurus): SynonymTable {
  const { concepts } = thesaurus;
  return compileSynonyms(concepts.map(allTerms), {
    indexed: (g) => indexedTerms(concepts[g] as (typeof concepts)[number]).length,
    ids: concepts.map((c) => c.id),
  });
}

/** Stems shorter than four letters say too little ("Amt" and "Ämter" aside). */
function stemOf(word: string): string | null {
  const stem = stemmer(word);
  return stem.length >= 4 ? stem : null;
}

let defaultTable: SynonymTable | null = null;

/** The concepts of src/search/thesaurus.json, without local words. */
export function defaultSynonyms(): SynonymTable {
  defaultTable ??= compileThesaurus(defaultThesaurus());
  return defaultTable;
}

export interface SynonymMatch {
  /** Query word positions [start, end) the member covers. */
  start: number;
  end: number;
  group: number;
  /** The member that matched. */
  words: Phrase;
}

/**
 * Finds synonym members in a query, left to right, longest first. The last query word may
 * be a prefix of a member's last word (4+ letters), so results follow while typing
 * ("Fluecht" already brings "Geflüchtete").
 */
export function findSynonyms(table: SynonymTable, words: string[]): SynonymMatch[] {
  const out: SynonymMatch[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i] as string;
    let match: SynonymMatch | null = null;
    const candidates = [...(table.byFirstWord.get(first) ?? [])];
    if (i === words.length - 1 && first.length >= 4) {
      // Typing the last word: members that start with it.
      for (const [key, list] of table.byFirstWord) {
        if (key !== first && key.startsWith(first)) candidates.push(...list);
      }
    }
    for (const cand of candidates) {
      const end = i + cand.words.length;
      if (end > words.length) continue;
      const ok = cand.words.every((w, k) => {
        const q = words[i + k] as string;
        const last = i + k === words.length - 1;
        return q === w || (last && q.length >= 4 && w.startsWith(q));
      });
      if (ok) {
        match = { start: i, end, group: cand.group, words: cand.words };
        break;
      }
    }
    if (!match) {
      // An inflected form of a German member: "Mahnungen", "Schwangere", "geflüchteten".
      const stem = stemOf(first);
      const group = stem === null ? undefined : table.byStem.get(stem);
      if (group !== undefined) match = { start: i, end: i + 1, group, words: [first] };
    }
    if (match) {
      out.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return out;
}
