/**
 * German folding for search: both the index and the query go through the same function, so
 * "Muelheim" meets "Mülheim", "Strasse" meets "Straße" and "Café" meets "cafe".
 *
 * Order matters: the German letters are spelled out BEFORE other diacritics are stripped,
 * otherwise NFD would turn "ü" into "u" and "Muelheim" would miss "Mülheim".
 */
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const GERMAN_RE = /[äöüß]/g;
const MARKS_RE = /\p{M}+/gu;

/** Printable ASCII: folding is lower-casing (line breaks etc. take the full path). */
const ASCII_RE = /^[\u0020-\u007e]*$/;

/** Lower case, German umlauts and ß spelled out, every other diacritic removed. */
export function fold(text: string): string {
  // Most words are plain ASCII: indexing 50,000 offers folds millions of them.
  if (ASCII_RE.test(text)) return text.toLowerCase();
  return (
    text
      // NFC first: "u" + combining diaeresis (as some keyboards and PDFs produce) is "ü".
      .normalize('NFC')
      .toLocaleLowerCase('de-DE')
      .replace(GERMAN_RE, (c) => GERMAN[c] as string)
      .normalize('NFD')
      .replace(MARKS_RE, '')
  );
}

/**
 * The spelling of someone whose keyboard has no umlauts and who leaves them out ("Mutter"
 * for "Mütter", "Mulheim"): every diacritic dropped, ß still "ss". The index keeps this as a
 * second term for words with umlauts.
 */
export function foldPlain(text: string): string {
  if (ASCII_RE.test(text)) return text.toLowerCase();
  return text
    .normalize('NFC')
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(MARKS_RE, '');
}

export interface FoldedText {
  /** The text in NFC, which is what `source` indexes into. */
  text: string;
  /** fold(text) */
  folded: string;
  /** For every UTF-16 unit of `folded`: index of the character in `text` it came from. */
  source: number[];
}

/**
 * fold() with a map back to the original text, so a match found in folded text can be
 * highlighted in the text as written ("schu" in "schueler" marks "Schü" in "Schüler").
 */
export function foldWithMap(input: string, plain = false): FoldedText {
  const text = input.normalize('NFC');
  let folded = '';
  const source: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = plain ? foldPlain(ch) : fold(ch);
    for (let k = 0; k < f.length; k++) source.push(i);
    folded += f;
    i += ch.length;
  }
  return { text, folded, source };
}
