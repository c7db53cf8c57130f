import { fold } from './normalize';
import type { QueryPlan } from './query';
import type { SynonymTable } from './synonyms';

/** Typed words that reached a concept, and the concept's German words (as written). */
export interface MatchReason {
  typed: string;
  concept: string;
  terms: readonly string[];
}

/** Why a plan's concepts may match: one reason per stretch of the query that named one. */
export function matchReasons(plan: QueryPlan, table: SynonymTable): MatchReason[] {
  return plan.concepts.map((c) => ({
    typed: c.typed.join(' '),
    concept: table.ids[c.group] ?? String(c.group),
    terms: table.labels[c.group] ?? [],
  }));
}

/**
 * The first reason an offer's text shows, as "typed → term": the concept's German word
 * found in the text ("Schulden" → "Schuldnerberatung" also inside a compound). Null when
 * the offer shows the typed word itself (the highlight says it already) or no reason.
 */
export function explainHit(
  reasons: readonly MatchReason[],
  text: string,
): { typed: string; term: string } | null {
  const folded = fold(text);
  for (const r of reasons) {
    if (folded.includes(fold(r.typed))) continue;
    // Longer terms first: "Schuldnerberatung" says more than "Schulden".
    const byLength = [...r.terms].sort((a, b) => b.length - a.length);
    const term = byLength.find((t) => fold(t).length >= 3 && folded.includes(fold(t)));
    if (term) return { typed: r.typed, term };
  }
  return null;
}
