import { fold, foldPlain } from './normalize';
import questionData from './querywords.json';

/**
 * Words are runs of letters and digits in any script ("Kita", "16i", "B2", "Ahmad"). A word
 * joined by hyphens ("Kita-Sprechstunde") is also indexed as one token ("kitasprechstunde"),
 * so "Kitasprechstunde" typed without the hyphen still meets it.
 */
const WORD_RE = /[\p{L}\p{N}]+/gu;
const HYPHENATED_RE = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+/gu;
const HYPHEN_RE = /[-‐‑]/g;
const HAS_INNER_HYPHEN = /[\p{L}\p{N}][-‐‑][\p{L}\p{N}]/u;

/** Function words that carry no meaning for a directory search (already folded). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'ab',
  'als',
  'am',
  'an',
  'auf',
  'aus',
  'bei',
  'beim',
  'bis',
  'das',
  'dass',
  'dem',
  'den',
  'der',
  'des',
  'die',
  'du',
  'ein',
  'eine',
  'einem',
  'einen',
  'einer',
  'es',
  'fuer',
  'ich',
  'ihr',
  'ihre',
  'im',
  'in',
  'ins',
  'ist',
  'man',
  'mit',
  'nach',
  'oder',
  'sich',
  'sie',
  'sind',
  'so',
  'um',
  'und',
  'vom',
  'von',
  'was',
  'wie',
  'wir',
  'wo',
  'zu',
  'zum',
  'zur',
]);

/**
 * Frequent words of offer texts that nobody looks for; STOPWORDS keeps them out of the
 * index, these only out of "Ähnliche Begriffe" (a typo must not turn into "geht").
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'aber',
  'alle',
  'allen',
  'aller',
  'alles',
  'auch',
  'dann',
  'dich',
  'dort',
  'durch',
  'euch',
  'geht',
  'gibt',
  'habe',
  'haben',
  'hier',
  'hoert',
  'ihnen',
  'jede',
  'jeden',
  'jeder',
  'kann',
  'koennen',
  'mehr',
  'nicht',
  'noch',
  'oben',
  'sehr',
  'sein',
  'ueber',
  'unter',
  'viel',
  'wann',
  'wenn',
  'werden',
  'wird',
  'zeit',
]);

/**
 * Words of a question that name no need ("Wer hilft mir …?", "where can I get …"), in the UI
 * languages, folded. Only queries skip them: offer texts keep every word. A small curated
 * file rather than a general stop-word list: those are made for prose and drop words that
 * carry a need here ("allein", "alt", "kein").
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  Object.values(questionData.words)
    .flat()
    .map((w) => fold(w)),
);

const PLAIN_WORD = /^[\p{L}\p{N}]+(?:[-‐‑'’][\p{L}\p{N}]+)*$/u;
const EDGE_PUNCTUATION = /^[„“"‚‘']+|[.,;:!?„“”"‚‘’']+$/gu;
const LETTER = /\p{L}/u;

/**
 * True for a chunk of a query that is a word as people write it (letters, digits, inner
 * hyphens or apostrophes, sentence punctuation around it): "Kita-Platz", "Jobcenter,".
 * Markup, code and symbols ("<script>", "alert(1)") are not: no typo to correct there.
 */
export function isPlainWord(chunk: string): boolean {
  const core = chunk.replace(EDGE_PUNCTUATION, '');
  return PLAIN_WORD.test(core) && LETTER.test(core);
}

/** Raw tokens of a field: words, and hyphenated words joined. */
export function rawTokens(text: string): string[] {
  const tokens: string[] = [...(text.match(WORD_RE) ?? [])];
  for (const joined of text.match(HYPHENATED_RE) ?? []) tokens.push(joined.replace(HYPHEN_RE, ''));
  return tokens;
}

/**
 * A token as stored in the index: folded ("Mütter" → "muetter"), and for words with
 * umlauts also without them ("mutter"); null drops it (stopword, single character).
 */
export function indexTerms(token: string): string[] | null {
  const term = fold(token);
  if (term.length < 2 || STOPWORDS.has(term)) return null;
  const plain = foldPlain(token);
  return plain === term ? [term] : [term, plain];
}

/** One word of a query. `parts` is set for a hyphenated word ("Kita-Platz"). */
export interface QueryWord {
  /** Folded; for a hyphenated word the parts joined. */
  term: string;
  parts?: string[];
}

/**
 * Splits a query into folded words. Stopwords and question words are dropped unless the
 * query is nothing but those (then a search for "Die Tafel"… still has something to look for).
 */
export function queryWords(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  const all: QueryWord[] = [];
  for (const chunk of query.split(/\s+/)) {
    // Single letters are not in the index ("Hartz 4" → "hartz").
    const pieces = (chunk.match(WORD_RE) ?? []).map(fold).filter((p) => p.length > 1);
    if (pieces.length === 0) continue;
    // "Kita-Platz" is one word; "Schulden/Insolvenz" are two.
    const hyphenated = pieces.length > 1 && HAS_INNER_HYPHEN.test(chunk);
    const words: QueryWord[] = hyphenated
      ? [{ term: pieces.join(''), parts: pieces }]
      : pieces.map((term) => ({ term }));
    for (const w of words) {
      all.push(w);
      if (!STOPWORDS.has(w.term) && !QUESTION_WORDS.has(w.term)) out.push(w);
    }
  }
  return out.length > 0 ? out : all;
}
