/**
 * Three-way merge of a list field both sides changed (target groups, languages, cancelled
 * dates): the server's list, minus what I removed from the common base, plus what I added.
 * A plain union would bring back an entry the other side deliberately removed.
 */

type Item = string | number | boolean;

const isItem = (x: unknown): x is Item =>
  typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';

/** A list of plain values, or null/undefined for an empty one; anything else is not mergeable. */
function asList(value: unknown): Item[] | null {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) && value.every(isItem) ? value : null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The merged list, or null when the values are not lists of plain values. Dates stay in
 * calendar order; other lists keep the server's order with my additions at the end.
 */
export function mergeListChange(base: unknown, mine: unknown, theirs: unknown): Item[] | null {
  const b = asList(base);
  const m = asList(mine);
  const t = asList(theirs);
  if (!b || !m || !t) return null;
  const mineSet = new Set(m);
  const baseSet = new Set(b);
  const removedByMe = new Set(b.filter((x) => !mineSet.has(x)));
  const out = t.filter((x) => !removedByMe.has(x));
  const seen = new Set(out);
  for (const x of m) {
    if (!baseSet.has(x) && !seen.has(x)) {
      out.push(x);
      seen.add(x);
    }
  }
  if (out.every((x) => typeof x === 'string' && ISO_DAY.test(x))) out.sort();
  return out;
}

/** Is merging worth offering, i.e. does it give something other than mine or theirs? */
export function mergeOffersSomethingNew(
  merged: readonly Item[],
  mine: unknown,
  theirs: unknown,
): boolean {
  const mergedSet = new Set(merged);
  const same = (list: unknown) => {
    const l = asList(list);
    return l !== null && new Set(l).size === mergedSet.size && l.every((x) => mergedSet.has(x));
  };
  return !same(mine) && !same(theirs);
}
