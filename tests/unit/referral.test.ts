import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/db';
import type { WegweiserDB } from '../../src/db/schema';
import { type HandOver, recordHandOver } from '../../src/sync/referral';

let db: WegweiserDB;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const fresh = () => {
  db = createDb(`referral-${Date.now()}-${++n}`);
  return db;
};
const handOver = (id = '11111111-1111-4111-8111-111111111111'): HandOver => ({
  id,
  serviceId: '22222222-2222-4222-8222-222222222222',
  targetGroups: ['alleinerziehende', 'alleinerziehende'],
  quartier: 'Heckinghausen',
});
const worker = { email: 'bert@traeger.example', role: 'worker' as const };
const now = new Date('2026-12-03T23:30:00Z'); // already 4 December in Berlin

describe('recordHandOver', () => {
  it('records nothing for a resident (no account) and queues nothing', async () => {
    const db = fresh();
    expect(await recordHandOver(db, handOver(), 'copy', { user: null, now })).toBe('not-recorded');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.referrals.count()).toBe(0);
  });

  it('records a caretaker’s hand-over once, with the first channel used', async () => {
    const db = fresh();
    const h = handOver();
    expect(await recordHandOver(db, h, 'copy', { user: worker, now })).toBe('recorded');
    expect(await recordHandOver(db, h, 'qr', { user: worker, now })).toBe('already-recorded');
    expect(await recordHandOver(db, h, 'copy', { user: worker, now })).toBe('already-recorded');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.referrals.toArray()).toMatchObject([
      {
        id: h.id,
        channel: 'copy',
        date: '2026-12-04',
        target_groups: ['alleinerziehende'],
        quartier: 'Heckinghausen',
        visibility: 'internal',
      },
    ]);
  });

  it('two channels at the same moment are still one referral', async () => {
    const db = fresh();
    const h = handOver();
    const outcomes = await Promise.all([
      recordHandOver(db, h, 'share', { user: worker, now }),
      recordHandOver(db, h, 'sms', { user: worker, now }),
    ]);
    expect(outcomes.sort()).toEqual(['already-recorded', 'recorded']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a new visit is a new hand-over', async () => {
    const db = fresh();
    await recordHandOver(db, handOver(), 'qr', { user: worker, now });
    await recordHandOver(db, handOver('33333333-3333-4333-8333-333333333333'), 'qr', {
      user: worker,
      now,
    });
    expect(await db.referrals.count()).toBe(2);
  });
});
