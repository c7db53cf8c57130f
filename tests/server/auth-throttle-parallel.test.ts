import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import {
  DEFAULT_IP_THROTTLE,
  DEFAULT_THROTTLE,
  type ThrottlePolicy,
} from '../../server/auth/throttle';
import { addUser } from '../../server/auth/users';
import type { Db } from '../../server/db';
import { backends, openMigrated, type TestDb } from './helpers';

/**
 * Requests that arrive at the same moment must not all reach the password check: the
 * attempt is reserved in the database before the check, so the limits hold however the
 * requests interleave, and across instances sharing one database.
 */
describe.each(backends)('login throttling under parallel requests on $name', (backend) => {
  let t: TestDb;
  let seq = 0;
  const stranger = () => `parallel-${++seq}@example.org`;

  const login = (
    db: Db,
    ip: string,
    email: string,
    password: string,
    ipThrottle: ThrottlePolicy = DEFAULT_IP_THROTTLE,
  ) =>
    createApp({ db, distDir: '/nonexistent', clientIp: () => ip, ipThrottle }).request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      },
    );

  // Fewer free failures where the test has to use them all up one by one first.
  const SMALL: ThrottlePolicy = { ...DEFAULT_IP_THROTTLE, freeFailures: 3 };

  const statuses = async (responses: (Response | Promise<Response>)[]) => {
    const all = await Promise.all(responses);
    const count = (s: number) => all.filter((r) => r.status === s).length;
    return { ok: count(200), wrong: count(401), locked: count(429), total: all.length };
  };

  beforeAll(async () => {
    t = await openMigrated(backend);
    await addUser(t.db, { email: 'gina@example.org', role: 'worker', password: 'lang-genug-7' });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('checks at most 5 passwords for one e-mail, however many arrive at once', async () => {
    expect(DEFAULT_THROTTLE.freeFailures).toBe(5);
    const sibling = await t.sibling?.();
    try {
      // Half of them through a second instance where there is one (PostgreSQL).
      const dbs = [t.db, sibling ?? t.db];
      const r = await statuses(
        Array.from({ length: 20 }, (_, i) =>
          login(dbs[i % 2]!, `198.51.100.${i + 1}`, 'gina@example.org', `falsch-${i}`),
        ),
      );
      expect(r).toEqual({ ok: 0, wrong: 5, locked: 15, total: 20 });
      // The right password waits too, and nothing further was counted.
      expect((await login(t.db, '198.51.100.99', 'gina@example.org', 'lang-genug-7')).status).toBe(
        429,
      );
      const [row] = await t.db.query<{ failures: number }>(
        "select failures from login_failures where key = 'gina@example.org'",
      );
      expect(row?.failures).toBe(5);
    } finally {
      await sibling?.close();
    }
  });

  it('checks at most 30 passwords from one address, however many arrive at once', async () => {
    expect(DEFAULT_IP_THROTTLE.freeFailures).toBe(30);
    const r = await statuses(
      Array.from({ length: 40 }, () => login(t.db, '192.0.2.200', stranger(), 'falsch')),
    );
    expect(r).toEqual({ ok: 0, wrong: 30, locked: 10, total: 40 });
  });

  it('gives an address already over its limit no parallel tries', async () => {
    const ip = '192.0.2.201';
    for (let i = 0; i < SMALL.freeFailures; i++) {
      expect((await login(t.db, ip, stranger(), 'falsch', SMALL)).status).toBe(401);
    }
    const r = await statuses(
      Array.from({ length: 6 }, () => login(t.db, ip, stranger(), 'x', SMALL)),
    );
    expect(r).toEqual({ ok: 0, wrong: 0, locked: 6, total: 6 });
  });

  it('lets the right password in on the last free try, and does not lock after it', async () => {
    await addUser(t.db, { email: 'hugo@example.org', role: 'worker', password: 'lang-genug-8' });
    const ip = '192.0.2.202';
    for (let i = 0; i < DEFAULT_THROTTLE.freeFailures - 1; i++) {
      expect((await login(t.db, ip, 'hugo@example.org', 'falsch')).status).toBe(401);
    }
    // This attempt is the fifth for the e-mail: its own reservation must not block it.
    expect((await login(t.db, ip, 'hugo@example.org', 'lang-genug-8')).status).toBe(200);
    expect((await login(t.db, ip, 'hugo@example.org', 'falsch')).status).toBe(401);

    // The same at the address limit: the success is let in and leaves no lock behind.
    const other = '192.0.2.203';
    for (let i = 0; i < SMALL.freeFailures - 1; i++) {
      expect((await login(t.db, other, stranger(), 'falsch', SMALL)).status).toBe(401);
    }
    expect((await login(t.db, other, 'hugo@example.org', 'lang-genug-8', SMALL)).status).toBe(200);
    const [row] = await t.db.query<{ failures: number; locked: boolean }>(
      `select failures, coalesce(locked_until > now(), false) as locked
         from login_failures where key = $1`,
      [`ip:${other}`],
    );
    expect(row).toEqual({ failures: SMALL.freeFailures - 1, locked: false });
    expect((await login(t.db, other, stranger(), 'falsch', SMALL)).status).toBe(401);
    expect((await login(t.db, other, stranger(), 'falsch', SMALL)).status).toBe(429);
  });
});
