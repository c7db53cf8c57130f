import { foldWithMap } from './normalize';

export interface Segment {
  text: string;
  mark: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** What to mark: the query's words (and synonyms) and the index terms an offer matched. */
export interface HighlightTerms {
  needles: readonly string[];
  terms: readonly string[];
}

/** Where in a (folded) word the query shows, or null. */
function rangeIn(
  word: string,
  needles: readonly string[],
  terms: ReadonlySet<string>,
): [number, number] | null {
  for (const n of needles) {
    if (word.startsWith(n)) return [0, n.length];
    const i = n.length >= 4 ? word.indexOf(n, 1) : -1;
    if (i > 0) return [i, i + n.length];
  }
  return terms.has(word) ? [0, word.length] : null;
}

/**
 * Splits `text` into plain and marked segments. Marks the part of a word that a query
 * word starts ("Schuld|nerberatung") or, for compound parts of 4+ letters, contains
 * ("Schuldner|beratung|"); a word matched only by typo tolerance is marked whole. Works on
 * folded text and maps back, so "Muelheim" marks "Mülheim" (and "Mulheim" does too).
 */
export function highlight(text: string, { needles, terms }: HighlightTerms): Segment[] {
  const shown = text.normalize('NFC');
  if (needles.length === 0 && terms.length === 0) return [{ text: shown, mark: false }];
  const sorted = [...new Set(needles)].filter(Boolean).sort((a, b) => b.length - a.length);
  const termSet = new Set(terms);
  const ranges: [number, number][] = [];
  for (const m of shown.matchAll(WORD_RE)) {
    const at = m.index ?? 0;
    for (const plain of [false, true]) {
      const { folded, source } = foldWithMap(m[0], plain);
      const r = rangeIn(folded, sorted, termSet);
      if (!r) continue;
      const last = source[r[1] - 1] as number;
      const end = last + (m[0].codePointAt(last)! > 0xffff ? 2 : 1);
      ranges.push([at + (source[r[0]] as number), at + end]);
      break;
    }
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [a, b] of ranges) {
    if (a < pos) continue;
    if (a > pos) out.push({ text: shown.slice(pos, a), mark: false });
    out.push({ text: shown.slice(a, b), mark: true });
    pos = b;
  }
  if (pos < shown.length) out.push({ text: shown.slice(pos), mark: false });
  return out;
}

export function hasMark(segments: Segment[]): boolean {
  return segments.some((s) => s.mark);
}

/**
 * A short excerpt around the first marked segment (for a description that matched), cut
 * at word boundaries, with "…" where text was left out.
 */
export function excerpt(segments: Segment[], radius = 70): Segment[] {
  const first = segments.findIndex((s) => s.mark);
  if (first < 0) return [];
  const full = segments.map((s) => s.text).join('');
  const startOfMark = segments.slice(0, first).reduce((n, s) => n + s.text.length, 0);
  let from = Math.max(0, startOfMark - radius);
  let to = Math.min(full.length, startOfMark + (segments[first]?.text.length ?? 0) + radius * 1.5);
  if (from > 0) {
    const space = full.indexOf(' ', from);
    from = space >= 0 && space < startOfMark ? space + 1 : from;
  }
  if (to < full.length) {
    const space = full.lastIndexOf(' ', to);
    to = space > startOfMark ? space : to;
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const s of segments) {
    const a = Math.max(pos, from);
    const b = Math.min(pos + s.text.length, to);
    if (b > a)
      out.push({ text: s.text.slice(a - pos, b - pos).replace(/\s+/g, ' '), mark: s.mark });
    pos += s.text.length;
  }
  if (from > 0) out.unshift({ text: '… ', mark: false });
  if (to < full.length) out.push({ text: ' …', mark: false });
  return out;
}
