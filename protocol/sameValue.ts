/**
 * Equality of field values as the push protocol sees them. On its own (no zod) because the
 * pull, which is in the start bundle, needs it too.
 */

/** Absent and null mean the same: optional fields travel as missing keys after JSON. */
export function norm(v: unknown): unknown {
  return v === undefined ? null : v;
}

/** Structural equality of JSON values; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const keys = new Set([...Object.keys(xo), ...Object.keys(yo)]);
  for (const k of keys) if (!sameValue(xo[k], yo[k])) return false;
  return true;
}
