import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { hashToken } from '../../server/auth/sessions';
import { addUser, disableUser, listUsers, setPassword } from '../../server/auth/users';
import { seedDemoAccounts } from '../../server/demo-accounts';
import { upsertRecords } from '../../server/records';
import type { PullResponse } from '../../src/model';
import { account, backends, bearer, openMigrated, org, type TestDb } from './helpers';

const THROTTLE = { freeFailures: 3, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 120_000 };

describe('password hashing', () => {
  it('uses scrypt with a salt and verifies only the right password', async () => {
    const a = await hashPassword('Sommer im Quartier');
    const b = await hashPassword('Sommer im Quartier');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Sommer im Quartier', a)).toBe(true);
    expect(await verifyPassword('Sommer im quartier', a)).toBe(false);
    expect(await verifyPassword('x', 'kaputt')).toBe(false);
  });
});

describe.each(backends)('accounts and sessions on $name', (backend) => {
  let t: TestDb;
  const app = () => createApp({ db: t.db, distDir: '/nonexistent', throttle: THROTTLE });

  const login = (email: string, password: string) =>
    app().request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('logs in (e-mail case-insensitive), answers /me, and logs out for good', async () => {
    await addUser(t.db, {
      email: 'Anna@Example.org',
      role: 'coordinator',
      password: 'lang-genug-1',
    });
    const res = await login(' ANNA@example.org ', 'lang-genug-1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: unknown; expiresAt: string };
    expect(body.user).toEqual({ email: 'anna@example.org', role: 'coordinator' });
    expect(body.token).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());

    // Only the hash of the token is stored.
    const rows = await t.db.query<{ token_hash: string }>('select token_hash from sessions');
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(body.token));
    expect(JSON.stringify(rows)).not.toContain(body.token);

    const me = await app().request('/api/auth/me', { headers: bearer(body.token) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: 'anna@example.org', role: 'coordinator' },
    });

    const out = await app().request('/api/auth/logout', {
      method: 'POST',
      headers: bearer(body.token),
    });
    expect(out.status).toBe(204);
    const after = await app().request('/api/auth/me', { headers: bearer(body.token) });
    expect(after.status).toBe(401);
    expect(after.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(await after.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers 401 with one message for a wrong password and an unknown account', async () => {
    await addUser(t.db, { email: 'bert@example.org', role: 'worker', password: 'lang-genug-2' });
    const wrong = await login('bert@example.org', 'falsch-falsch');
    const unknown = await login('niemand@example.org', 'lang-genug-2');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await login('bert@example.org', 'lang-genug-2')).status).toBe(200);
  });

  it('rejects malformed login bodies with 400', async () => {
    const bad = await app().request('/api/auth/login', { method: 'POST', body: '{"email":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_json' } });
    const wrongType = await app().request('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: 5, password: ['x'] }),
    });
    expect(wrongType.status).toBe(400);
  });

  it('throttles repeated failures in the database, for every instance', async () => {
    await addUser(t.db, { email: 'carla@example.org', role: 'worker', password: 'lang-genug-3' });
    for (let i = 0; i < THROTTLE.freeFailures; i++) {
      expect((await login('carla@example.org', `falsch-${i}`)).status).toBe(401);
    }
    // At the limit: locked, even with the right password …
    const locked = await login('carla@example.org', 'lang-genug-3');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    // … also on another instance sharing the database.
    const other = createApp({ db: t.db, distDir: '/nonexistent', throttle: THROTTLE });
    const res = await other.request('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'carla@example.org', password: 'lang-genug-3' }),
    });
    expect(res.status).toBe(429);
    // Another account is not affected.
    await addUser(t.db, { email: 'dora@example.org', role: 'worker', password: 'lang-genug-4' });
    expect((await login('dora@example.org', 'lang-genug-4')).status).toBe(200);
    // When the lock has run out, the right password works and clears the counter.
    await t.db.query("update login_failures set locked_until = now() - interval '1 second'");
    expect((await login('carla@example.org', 'lang-genug-3')).status).toBe(200);
    expect(
      await t.db.query("select * from login_failures where key = 'carla@example.org'"),
    ).toEqual([]);
  });

  it('ends sessions when they expire, the account is disabled or the password changes', async () => {
    const a = await account(t.db, 'coordinator');
    const me = (token: string) => app().request('/api/auth/me', { headers: bearer(token) });
    expect((await me(a.token)).status).toBe(200);
    await t.db.query(
      "update sessions set expires_at = now() - interval '1 second' where token_hash = $1",
      [hashToken(a.token)],
    );
    expect((await me(a.token)).status).toBe(401);

    const b = await account(t.db, 'worker');
    await disableUser(t.db, b.email);
    expect((await me(b.token)).status).toBe(401);
    expect((await login(b.email, b.password)).status).toBe(401);
    expect((await listUsers(t.db)).find((u) => u.email === b.email)?.disabledAt).not.toBeNull();

    const c = await account(t.db, 'worker');
    await setPassword(t.db, c.email, 'ganz-neues-passwort');
    expect((await me(c.token)).status).toBe(401);
    expect((await login(c.email, 'ganz-neues-passwort')).status).toBe(200);
  });

  it('answers 401 for garbage tokens and never downgrades them to resident', async () => {
    for (const header of ['Bearer nope', 'Bearer ', 'Basic abc', `Bearer ${'a'.repeat(43)}`]) {
      const res = await app().request('/api/sync/pull', { headers: { Authorization: header } });
      expect(res.status, header).toBe(401);
    }
  });

  it('gives internal records to every role and only public ones to residents', async () => {
    const pub = org({ name: 'Öffentlich' });
    const internal = org({ name: 'Intern', visibility: 'internal' });
    await t.db.tx((q) => upsertRecords(q, 'organizations', [pub, internal], null));
    const ids = async (headers: Record<string, string>) => {
      const res = await app().request('/api/sync/pull?limit=2000', { headers });
      expect(res.status).toBe(200);
      return ((await res.json()) as PullResponse).changes.map((c) => c.id);
    };
    expect(await ids({})).toContain(pub.id);
    expect(await ids({})).not.toContain(internal.id);
    for (const role of ['worker', 'coordinator', 'admin'] as const) {
      const { token } = await account(t.db, role);
      expect(await ids(bearer(token)), role).toContain(internal.id);
    }
  });

  it('validates accounts: e-mail, role, password length, duplicates', async () => {
    await expect(
      addUser(t.db, { email: 'kein-at', role: 'worker', password: 'lang-genug-5' }),
    ).rejects.toThrow(/E-Mail/);
    await expect(
      addUser(t.db, { email: 'e@example.org', role: 'chef', password: 'lang-genug-5' }),
    ).rejects.toThrow(/Rolle/);
    await expect(
      addUser(t.db, { email: 'e@example.org', role: 'worker', password: 'kurz' }),
    ).rejects.toThrow(/mindestens/);
    await addUser(t.db, { email: 'e@example.org', role: 'worker', password: 'lang-genug-5' });
    await expect(
      addUser(t.db, { email: 'E@example.org', role: 'admin', password: 'lang-genug-5' }),
    ).rejects.toThrow(/schon/);
  });

  it('seeds demo accounts only into a database without accounts', async () => {
    // This database already has accounts: nothing is added.
    expect(await seedDemoAccounts(t.db)).toEqual([]);
    const fresh = await openMigrated(backend);
    try {
      const created = await seedDemoAccounts(fresh.db);
      expect(created.map((a) => a.email)).toEqual([
        'koordination@demo.example',
        'worker@demo.example',
      ]);
      expect(await seedDemoAccounts(fresh.db)).toEqual([]);
      const users = await listUsers(fresh.db);
      expect(users.every((u) => u.demo)).toBe(true);
    } finally {
      await fresh.destroy();
    }
  });
});
