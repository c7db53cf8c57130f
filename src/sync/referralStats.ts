/** Fetches the anonymous referral figures (GET /api/referrals/stats, coordinators only). */
import type { ReferralStats } from '../../protocol/referralStats';
import type { FetchLike } from './pull';

export type ReferralStatsResult =
  | { ok: true; stats: ReferralStats }
  | { ok: false; reason: 'offline' | 'auth' | 'server' };

export async function fetchReferralStats(
  fetch: FetchLike,
  token: string | null,
  baseUrl = '',
): Promise<ReferralStatsResult> {
  if (!token) return { ok: false, reason: 'auth' };
  let res: Response;
  try {
    res = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/referrals/stats`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, reason: 'auth' };
  if (!res.ok) return { ok: false, reason: 'server' };
  const body = (await res.json().catch(() => null)) as ReferralStats | null;
  if (!body || typeof body !== 'object' || !body.by) return { ok: false, reason: 'server' };
  return { ok: true, stats: body };
}
