/**
 * Referral figures for coordinators, as GET /api/referrals/stats sends them. Referrals are
 * anonymous; so that no single one can be traced in a small Quartier, the server never
 * sends a count below MIN_REFERRAL_COUNT: such a count is `null` ("< 5" on screen).
 */

export const MIN_REFERRAL_COUNT = 5;

export const REFERRAL_DIMENSIONS = [
  'month',
  'targetGroup',
  'quartier',
  'service',
  'category',
] as const;
export type ReferralDimension = (typeof REFERRAL_DIMENSIONS)[number];

export interface ReferralCount {
  /** Month "2026-03", a slug, a Quartier ("" when none was given) or an offer id. */
  key: string;
  /** For offers: the offer's name at the time of the query. */
  label?: string;
  /** Null when fewer than MIN_REFERRAL_COUNT. */
  count: number | null;
}

export interface ReferralStats {
  /** ISO time the figures were computed. */
  generatedAt: string;
  /** First and last month counted, "YYYY-MM", inclusive; null for all. */
  from: string | null;
  to: string | null;
  total: number | null;
  by: Record<ReferralDimension, ReferralCount[]>;
}

/** A count as it may leave the server. */
export function suppressSmall(count: number): number | null {
  return count < MIN_REFERRAL_COUNT ? null : count;
}

/**
 * Counts of one dimension as they may leave the server. Where every referral falls into
 * exactly one row (`partition`: month, Quartier, offer), a single hidden count could be
 * worked out as the total minus the rest, so the next smallest is hidden with it.
 */
export function suppressRows<T extends { n: number }>(
  rows: readonly T[],
  partition: boolean,
): (number | null)[] {
  const out = rows.map((r) => suppressSmall(r.n));
  if (partition && out.filter((c) => c === null).length === 1) {
    let smallest = -1;
    out.forEach((c, i) => {
      if (c !== null && (smallest < 0 || (rows[i] as T).n < (rows[smallest] as T).n)) smallest = i;
    });
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

/** "2026-03": a month; anything else is not. */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
