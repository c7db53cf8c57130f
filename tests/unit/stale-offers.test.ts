import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/db';
import { markAssured } from '../../src/db/edits';
import { cacheReferralStats, readCachedReferralStats } from '../../src/db/referralStats';
import type { WegweiserDB } from '../../src/db/schema';
import { compareStale, isStale, staleCutoff } from '../../src/features/koordination/stale';
import { applyPullPage } from '../../src/sync/apply';
import { readPayload } from '../../src/sync/outbox';
import { wipeForUser } from '../../src/sync/outboxWipe';
import { destroy, page, service, uid, uniqueName, upsert } from './db.fixtures';

describe('stale offers', () => {
  it('cuts off six calendar months back, clamping the day', () => {
    expect(staleCutoff('2026-12-05')).toBe('2026-06-05');
    expect(staleCutoff('2026-08-31')).toBe('2026-02-28');
    expect(staleCutoff('2028-08-31')).toBe('2028-02-29');
    expect(staleCutoff('2026-03-15')).toBe('2025-09-15');
  });
  it('is stale when never checked or checked before the cutoff', () => {
    expect(isStale(null, '2026-12-05')).toBe(true);
    expect(isStale(undefined, '2026-12-05')).toBe(true);
    expect(isStale('2026-06-04', '2026-12-05')).toBe(true);
    expect(isStale('2026-06-05', '2026-12-05')).toBe(false);
    expect(isStale('2026-12-01', '2026-12-05')).toBe(false);
  });
  it('lists never-checked offers first, then the oldest', () => {
    const rows = [
      { name: 'B', assured_date: '2025-01-01' },
      { name: 'C', assured_date: null },
      { name: 'A', assured_date: '2024-01-01' },
    ];
    expect(rows.sort(compareStale).map((r) => r.name)).toEqual(['C', 'A', 'B']);
  });
});

describe('markAssured', () => {
  let db: WegweiserDB;
  beforeEach(async () => {
    db = createDb(uniqueName());
    await applyPullPage(
      db,
      page([upsert('services', service(100, { assured_date: '2025-01-10' }))], 'c1'),
    );
  });
  afterEach(() => destroy(db));

  it("sets assured_date to today's Berlin date and queues only that field", async () => {
    // 23:30 UTC on 5 December is already 6 December in Berlin.
    const ctx = { db, userEmail: 'kim@example.org', now: () => new Date('2026-12-05T23:30:00Z') };
    const result = await markAssured(ctx, uid(100));
    expect(result).toEqual({ ok: true, queued: true });
    expect((await db.services.get(uid(100)))?.assured_date).toBe('2026-12-06');
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    const payload = readPayload(entries[0] as (typeof entries)[number]);
    expect(payload && 'fields' in payload ? Object.keys(payload.fields) : []).toEqual([
      'assured_date',
    ]);
    expect((await db.services.get(uid(100)))?.name).toBe('Angebot 100');
  });
});

describe('referral figures on the device', () => {
  it('are dropped with the other internal data when a user signs out', async () => {
    const db = createDb(uniqueName());
    const stats = {
      generatedAt: '2026-10-13T08:30:00.000Z',
      from: null,
      to: null,
      total: 5,
      by: { month: [], targetGroup: [], quartier: [], service: [], category: [] },
    };
    await cacheReferralStats(db, stats);
    expect(await readCachedReferralStats(db)).toEqual(stats);
    await wipeForUser(db, null, true);
    expect(await readCachedReferralStats(db)).toBeUndefined();
    await destroy(db);
  });
});
