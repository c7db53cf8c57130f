import type { WegweiserDB } from '../../db/schema';
import type { Referral } from '../../model';
import { queueReferral } from '../../sync/outboxDb';

export type ReferralChannel = Referral['channel'];

export interface ReferralInput {
  serviceId: string;
  targetGroups: string[];
  quartier: string | null;
  channel: ReferralChannel;
}

const dayFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Germany, whatever zone the phone is set to. */
export function berlinDate(at: Date): string {
  return dayFmt.format(at);
}

/**
 * The anonymous record of one hand-over. Only what the statistics need (DSGVO): the day,
 * the offer, the target groups the worker chose, the Quartier, the channel. No name, no
 * time of day, no free text. Internal: residents never receive referrals.
 */
export function buildReferral(input: ReferralInput, now: Date, id: string): Referral {
  return {
    id,
    version: 0,
    updated_at: now.toISOString(),
    updated_by: null,
    deleted: false,
    visibility: 'internal',
    date: berlinDate(now),
    service_id: input.serviceId,
    target_groups: [...new Set(input.targetGroups)],
    quartier: input.quartier || null,
    channel: input.channel,
  };
}

/** Stores the referral locally and queues it for the push (outbox, table 'referrals'). */
export async function recordReferral(
  db: WegweiserDB,
  input: ReferralInput,
  opts: { now?: Date; userEmail?: string | null; newId?: () => string } = {},
): Promise<Referral> {
  const now = opts.now ?? new Date();
  const referral = buildReferral(input, now, (opts.newId ?? (() => crypto.randomUUID()))());
  const result = await queueReferral(
    { db, userEmail: opts.userEmail ?? null, now: () => now },
    referral,
  );
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return referral;
}
