/**
 * Hand-overs ("Weitergeben") as anonymous referrals for the statistics. A referral says
 * that a caretaker handed an offer to a person: a resident sharing a link is not one, and
 * must never queue anything (the queue would ask them to sign in, for good).
 */

import type { SessionUser } from '../../protocol/accounts';
import { hasRole } from '../../protocol/roles';
import type { WegweiserDB } from '../db/schema';
import type { Referral } from '../model';
import { berlinDate } from '../schedule/tz';
import { queueReferral } from './outboxDb';

export type ReferralChannel = Referral['channel'];

/** One visit of the hand-over page, whatever number of channels it uses. */
export interface HandOver {
  /** Also the referral's id: the hand-over is recorded once. */
  id: string;
  serviceId: string;
  targetGroups: string[];
  quartier: string | null;
}

/** Does a hand-over by this user count as a referral? Caretakers (worker and up) only. */
export function recordsReferrals(user: SessionUser | null | undefined): boolean {
  return hasRole(user?.role, 'worker');
}

/**
 * The anonymous record of one hand-over. Only what the statistics need (DSGVO): the day,
 * the offer, the target groups the worker chose, the Quartier, the channel. No name, no
 * time of day, no free text. Internal: residents never receive referrals.
 */
export function buildReferral(handOver: HandOver, channel: ReferralChannel, now: Date): Referral {
  return {
    id: handOver.id,
    version: 0,
    updated_at: now.toISOString(),
    updated_by: null,
    deleted: false,
    visibility: 'internal',
    date: berlinDate(now),
    service_id: handOver.serviceId,
    target_groups: [...new Set(handOver.targetGroups)],
    quartier: handOver.quartier || null,
    channel,
  };
}

export type HandOverOutcome = 'recorded' | 'already-recorded' | 'not-recorded';

/**
 * Notes a hand-over through `channel`: stored locally and queued for the push (outbox,
 * table 'referrals') — only for a caretaker, and only the first time for this hand-over,
 * so its channel is the first one used. Throws when the record cannot be stored.
 */
export async function recordHandOver(
  db: WegweiserDB,
  handOver: HandOver,
  channel: ReferralChannel,
  opts: { user: SessionUser | null | undefined; now?: Date },
): Promise<HandOverOutcome> {
  const { user } = opts;
  if (!user || !recordsReferrals(user)) return 'not-recorded';
  const now = opts.now ?? new Date();
  // One transaction: two channels tapped at once still make one referral.
  return db.transaction('rw', [db.referrals, db.outbox], async () => {
    if (await db.referrals.get(handOver.id)) return 'already-recorded';
    const result = await queueReferral(
      { db, userEmail: user.email, now: () => now },
      buildReferral(handOver, channel, now),
    );
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    return 'recorded';
  });
}
