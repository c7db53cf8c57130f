/**
 * GET /api/referrals/stats through the real server: coordinators get counts by month,
 * Zielgruppe, Quartier, offer and category; a count under five never leaves the server,
 * nor one that the total would give away; workers and visitors get nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../protocol';
import type { ReferralStats } from '../../protocol/referralStats';
import { createApp } from '../../server/app';
import {
  account,
  backends,
  bearer,
  createMutation,
  openMigrated,
  org,
  referral,
  service,
  type TestDb,
} from './helpers';

type Account = Awaited<ReturnType<typeof account>>;

describe.each(backends)('referral figures on $name', (backend) => {
  let t: TestDb;
  let coordinator: Account;
  let worker: Account;
  const app = () => createApp({ db: t.db, distDir: '/nonexistent' });
  const o = org();
  const jobs = service(o.id, { name: 'Jobcafé', categories: ['arbeit'] });
  const debts = service(o.id, { name: 'Schuldnerberatung', categories: ['beratung', 'schulden'] });

  async function push(token: string, mutations: ReturnType<typeof createMutation>[]) {
    const res = await app().request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ clientId: `c-${token.slice(0, 6)}`, mutations }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as PushResponse;
    expect(results.every((r) => r.status === 'applied')).toBe(true);
  }

  const times = (n: number, make: () => Record<string, unknown>) =>
    Array.from({ length: n }, () => createMutation('referrals', make()));

  async function stats(query = '', token: string | null = coordinator.token) {
    return app().request(`/api/referrals/stats${query}`, { headers: token ? bearer(token) : {} });
  }

  /*
   * Jobcafé (arbeit): 6 × January, Heckinghausen, jugendliche;
   *                   2 × February, Oberbarmen, jugendliche + alleinerziehende.
   * Schuldnerberatung (beratung, schulden): 5 × February, Heckinghausen, alleinerziehende.
   */
  beforeAll(async () => {
    t = await openMigrated(backend);
    coordinator = await account(t.db, 'coordinator');
    worker = await account(t.db, 'worker');
    await push(coordinator.token, [
      createMutation('organizations', o),
      createMutation('services', jobs),
      createMutation('services', debts),
    ]);
    await push(worker.token, [
      ...times(6, () => referral(jobs.id, { date: '2026-01-20', quartier: 'Heckinghausen' })),
      ...times(2, () =>
        referral(jobs.id, {
          date: '2026-02-03',
          quartier: 'Oberbarmen',
          target_groups: ['jugendliche', 'alleinerziehende'],
        }),
      ),
      ...times(5, () =>
        referral(debts.id, {
          date: '2026-02-11',
          quartier: 'Heckinghausen',
          target_groups: ['alleinerziehende'],
        }),
      ),
    ]);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  const pairs = (rows: ReferralStats['by'][keyof ReferralStats['by']]) =>
    rows.map((r) => [r.label ?? r.key, r.count]);

  it('counts every dimension, hiding counts under five and what the total would reveal', async () => {
    const res = await stats();
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReferralStats;
    expect(body.total).toBe(13);
    expect(pairs(body.by.month)).toEqual([
      ['2026-01', 6],
      ['2026-02', 7],
    ]);
    expect(pairs(body.by.targetGroup)).toEqual([
      ['jugendliche', 8],
      ['alleinerziehende', 7],
    ]);
    // Oberbarmen's 2 is hidden; Heckinghausen's 11 would give it away as 13 − 11.
    expect(pairs(body.by.quartier)).toEqual([
      ['Heckinghausen', null],
      ['Oberbarmen', null],
    ]);
    expect(pairs(body.by.service)).toEqual([
      ['Jobcafé', 8],
      ['Schuldnerberatung', 5],
    ]);
    expect(pairs(body.by.category)).toEqual([
      ['arbeit', 8],
      ['beratung', 5],
      ['schulden', 5],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/"count":[1-4][,}]/);
  });

  it('limits to a month range and still never shows a count under five', async () => {
    const body = (await (await stats('?von=2026-02&bis=2026-02')).json()) as ReferralStats;
    expect(body.total).toBe(7);
    expect(pairs(body.by.month)).toEqual([['2026-02', 7]]);
    expect(pairs(body.by.targetGroup)).toEqual([
      ['alleinerziehende', 7],
      ['jugendliche', null],
    ]);
    expect(pairs(body.by.service)).toEqual([
      ['Schuldnerberatung', null],
      ['Jobcafé', null],
    ]);
    expect(pairs(body.by.category)).toEqual([
      ['beratung', 5],
      ['schulden', 5],
      ['arbeit', null],
    ]);
    const few = (await (await stats('?von=2026-03')).json()) as ReferralStats;
    expect(few.total).toBeNull();
    expect(few.by.month).toEqual([]);
  });

  it('answers visitors with 401 and workers with 403', async () => {
    expect((await stats('', null)).status).toBe(401);
    expect((await stats('', worker.token)).status).toBe(403);
  });

  it('refuses a malformed or reversed month range with 400', async () => {
    for (const q of ['?von=2026-13', '?bis=März', '?von=2026-1', '?von=2026-03&bis=2026-01']) {
      const res = await stats(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^invalid_/);
    }
  });
});
