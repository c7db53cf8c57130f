/**
 * The referral figures as the dashboard shows and downloads them: labelled rows per
 * dimension. Pure; the labels come from the caller (taxonomy names, the UI language).
 */
import {
  REFERRAL_DIMENSIONS,
  type ReferralDimension,
  type ReferralStats,
} from '../../../protocol/referralStats';
import type { Bar } from './BarChart/BarChart';

export type Labeller = (dim: ReferralDimension, key: string, label: string | undefined) => string;

export function referralBars(
  stats: ReferralStats,
  name: Labeller,
): Record<ReferralDimension, Bar[]> {
  const out = {} as Record<ReferralDimension, Bar[]>;
  for (const dim of REFERRAL_DIMENSIONS) {
    out[dim] = (stats.by[dim] ?? []).map((r) => ({
      key: r.key,
      label: name(dim, r.key, r.label),
      count: r.count,
    }));
  }
  return out;
}

/** One CSV row per dimension and value; hidden counts as the text the screen shows. */
export function referralRows(
  bars: Record<ReferralDimension, Bar[]>,
  dimName: (dim: ReferralDimension) => string,
  few: string,
): (string | number)[][] {
  return REFERRAL_DIMENSIONS.flatMap((dim) =>
    bars[dim].map((b) => [dimName(dim), b.label, b.count ?? few]),
  );
}
