import { Hono } from 'hono';
import {
  isMonth,
  REFERRAL_DIMENSIONS,
  type ReferralCount,
  type ReferralDimension,
  type ReferralStats,
  suppressRows,
  suppressSmall,
} from '../../protocol/referralStats';
import { requireRole } from '../auth/http';
import type { Db, Queryable } from '../db';
import { apiError } from '../http/errors';

/*
 * Each dimension as one grouped query over the live referrals in the month range ($1, $2:
 * "YYYY-MM" or null). A referral with two target groups counts once for each; categories
 * are those of the offer it names.
 */
const LIVE = `r.table_name = 'referrals' and not r.deleted
  and ($1::text is null or substr(r.data->>'date', 1, 7) >= $1)
  and ($2::text is null or substr(r.data->>'date', 1, 7) <= $2)`;
const OFFER = `left join records s on s.table_name = 'services' and s.id::text = r.data->>'service_id'`;

const QUERIES: Record<ReferralDimension, string> = {
  month: `select substr(r.data->>'date', 1, 7) as key, null as label, count(*)::int as n
    from records r where ${LIVE} group by 1 order by 1`,
  targetGroup: `select g as key, null as label, count(*)::int as n
    from records r, jsonb_array_elements_text(coalesce(r.data->'target_groups', '[]')) g
    where ${LIVE} group by 1 order by 3 desc, 1`,
  quartier: `select coalesce(r.data->>'quartier', '') as key, null as label, count(*)::int as n
    from records r where ${LIVE} group by 1 order by 3 desc, 1`,
  service: `select r.data->>'service_id' as key, max(s.data->>'name') as label, count(*)::int as n
    from records r ${OFFER} where ${LIVE} group by 1 order by 3 desc, 2`,
  category: `select c as key, null as label, count(*)::int as n
    from records r ${OFFER}, jsonb_array_elements_text(coalesce(s.data->'categories', '[]')) c
    where ${LIVE} group by 1 order by 3 desc, 1`,
};

/** Dimensions where each referral is in exactly one row. */
const PARTITIONS: ReadonlySet<ReferralDimension> = new Set(['month', 'quartier', 'service']);

async function dimension(
  q: Queryable,
  dim: ReferralDimension,
  from: string | null,
  to: string | null,
): Promise<ReferralCount[]> {
  const rows = await q.query<{ key: string; label: string | null; n: number }>(QUERIES[dim], [
    from,
    to,
  ]);
  const counts = suppressRows(rows, PARTITIONS.has(dim));
  return rows.map((r, i) => ({
    key: r.key,
    ...(r.label != null ? { label: r.label } : {}),
    count: counts[i] ?? null,
  }));
}

/**
 * GET /stats?von=YYYY-MM&bis=YYYY-MM — anonymous referral counts for coordinators, never a
 * single referral and never a count under five. Mounted at /api/referrals.
 */
export function referralsApi({ db }: { db: Db }): Hono {
  const api = new Hono();
  api.get('/stats', async (c) => {
    const allowed = await requireRole(db, c, 'coordinator');
    if (!allowed.ok) return allowed.response;
    const from = c.req.query('von') ?? null;
    const to = c.req.query('bis') ?? null;
    for (const m of [from, to]) {
      if (m !== null && !isMonth(m)) {
        return apiError(
          c,
          400,
          'invalid_month',
          'Monate bitte als JJJJ-MM angeben, z. B. 2026-03.',
        );
      }
    }
    if (from && to && from > to) {
      return apiError(c, 400, 'invalid_range', '„von“ muss vor „bis“ liegen.');
    }
    const stats = await db.snapshot(async (q) => {
      const [totalRow] = await q.query<{ n: number }>(
        `select count(*)::int as n from records r where ${LIVE}`,
        [from, to],
      );
      const by = {} as Record<ReferralDimension, ReferralCount[]>;
      for (const dim of REFERRAL_DIMENSIONS) by[dim] = await dimension(q, dim, from, to);
      return { total: suppressSmall(totalRow?.n ?? 0), by };
    });
    const body: ReferralStats = { generatedAt: new Date().toISOString(), from, to, ...stats };
    return c.json(body);
  });
  return api;
}
