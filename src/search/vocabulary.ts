/**
 * Every term the index has seen, with the word as first written ("schuldnerberatung" →
 * "Schuldnerberatung"). Two jobs:
 * - compound parts: German glues words together, so "beratung" must find
 *   "Schuldnerberatung" and "kurs" "Sprachkurs". A prefix index cannot see inside a word;
 *   scanning the vocabulary for terms that CONTAIN the query word can, for every compound,
 *   without a dictionary and without growing the index. Vocabulary size is bounded by the
 *   language (tens of thousands of words), not by the number of offers.
 * - "near terms" when a search finds nothing.
 * Grow-only: a term whose last offer went away stays until the next full rebuild; searching
 * it costs a lookup that finds nothing.
 */
export class Vocabulary {
  private readonly terms: string[] = [];
  private readonly surfaces = new Map<string, string>();
  private infixCache = new Map<string, string[]>();
  /** Index of the first term not yet handed out by takeAdded. */
  private taken = 0;

  add(term: string, surface: string): void {
    if (this.surfaces.has(term) || term.includes('~')) return;
    this.surfaces.set(term, surface);
    this.terms.push(term);
    if (this.infixCache.size > 0) this.infixCache = new Map();
  }

  /** Terms added since the last call, with their surfaces (what is new to save). */
  takeAdded(): { term: string; surface: string }[] {
    const out = this.terms
      .slice(this.taken)
      .map((term) => ({ term, surface: this.surfaces.get(term) as string }));
    this.taken = this.terms.length;
    return out;
  }

  get size(): number {
    return this.terms.length;
  }

  /** The word as written where it was first seen. */
  surface(term: string): string {
    return this.surfaces.get(term) ?? term;
  }

  /**
   * Terms that contain `part` after their first letter (a prefix match is the index's job),
   * shortest first, at most `limit`. Cached, because typing repeats the same words.
   */
  containing(part: string, limit = 100): string[] {
    const cached = this.infixCache.get(part);
    if (cached) return cached;
    const found: string[] = [];
    for (const term of this.terms) {
      if (term.length > part.length && term.indexOf(part, 1) !== -1) found.push(term);
    }
    found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const out = found.slice(0, limit);
    if (this.infixCache.size > 500) this.infixCache = new Map();
    this.infixCache.set(part, out);
    return out;
  }

  /** Terms within `maxDistance` edits of `term` that `accept` takes, closest first. */
  near(
    term: string,
    maxDistance: number,
    limit = 5,
    accept: (t: string) => boolean = () => true,
  ): string[] {
    const scored: [string, number][] = [];
    for (const t of this.terms) {
      if (Math.abs(t.length - term.length) > maxDistance || t === term || !accept(t)) continue;
      const d = editDistance(term, t, maxDistance);
      if (d <= maxDistance) scored.push([t, d]);
    }
    scored.sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
    return scored.slice(0, limit).map(([t]) => t);
  }
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: two swapped neighbours, the most
 * common typo, count as one edit), giving up (returning max + 1) once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (before[j - 2] as number) + 1);
      }
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    // Safe with swaps too: a swap costs row i-2 plus one, never less than the diagonal
    // step into this row, so a row wholly above the bound cannot lead back under it.
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}
