/**
 * The referral figures a coordinator last fetched, kept on the device so the dashboard can
 * show them without a connection (with their date). Signing out removes them with the
 * other internal data (src/sync/outboxWipe.ts).
 */
import type { ReferralStats } from '../../protocol/referralStats';
import { getMeta, setMeta } from './meta';
import { META_KEYS, type WegweiserDB } from './schema';

export function readCachedReferralStats(db: WegweiserDB): Promise<ReferralStats | undefined> {
  return getMeta<ReferralStats>(db, META_KEYS.referralStats);
}

export function cacheReferralStats(db: WegweiserDB, stats: ReferralStats): Promise<void> {
  return setMeta(db, META_KEYS.referralStats, stats);
}
