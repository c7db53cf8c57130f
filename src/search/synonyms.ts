import data from './synonyms.de.json';
import { queryWords } from './tokenize';

/** A synonym group member as folded query words ("Hartz IV" → ["hartz", "iv"]). */
export type Phrase = string[];

export interface SynonymTable {
  /** Members by their first word, longest member first. */
  byFirstWord: Map<string, { words: Phrase; group: number }[]>;
  /** Single-word members (4+ letters) → groups; also found at the end of a compound. */
  heads: Map<string, number[]>;
  groups: Phrase[][];
}

/**
 * Synonyms are resolved when indexing: an offer that says "Integrationskurs" also gets the
 * token of its group, and a query for "Deutschkurs" asks for that one token instead of
 * every member with prefix and typo matching — the difference between 3 ms and 15 ms per
 * query at 5,000 offers. Changing synonyms.de.json rebuilds the index once (store.ts).
 */
export function groupToken(group: number): string {
  return `syn~${group}`;
}

/** Group tokens for a field's words (folded): members, multi-word members, compound heads. */
export function groupsInWords(table: SynonymTable, words: string[]): string[] {
  const out = new Set<string>();
  words.forEach((w, i) => {
    for (const cand of table.byFirstWord.get(w) ?? []) {
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

/** Members that fold to nothing (only stopwords/punctuation) are dropped. */
export function compileSynonyms(groups: readonly (readonly string[])[]): SynonymTable {
  const byFirstWord: SynonymTable['byFirstWord'] = new Map();
  const heads: SynonymTable['heads'] = new Map();
  const compiled: Phrase[][] = [];
  groups.forEach((members, group) => {
    const phrases: Phrase[] = [];
    for (const member of members) {
      const words = queryWords(member).flatMap((w) => w.parts ?? [w.term]);
      if (words.length === 0) continue;
      if (phrases.some((p) => p.join(' ') === words.join(' '))) continue;
      phrases.push(words);
      const first = words[0] as string;
      const list = byFirstWord.get(first) ?? [];
      list.push({ words, group });
      list.sort((a, b) => b.words.length - a.words.length);
      byFirstWord.set(first, list);
      if (words.length === 1 && first.length >= 4) {
        const gs = heads.get(first) ?? [];
        if (!gs.includes(group)) gs.push(group);
        heads.set(first, gs);
      }
    }
    compiled.push(phrases);
  });
  return { byFirstWord, heads, groups: compiled };
}

let defaultTable: SynonymTable | null = null;

/** The synonyms of src/search/synonyms.de.json. */
export function defaultSynonyms(): SynonymTable {
  defaultTable ??= compileSynonyms(data.groups);
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
    if (match) {
      out.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return out;
}
