import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import {
  emailThrottleKey,
  ipThrottleKey,
  normalizeIp,
  type ThrottlePolicy,
} from '../../server/auth/throttle';
import { addUser } from '../../server/auth/users';
import { backends, openMigrated, type TestDb } from './helpers';

const IP_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  windowMs: 60_000,
  baseLockMs: 60_000,
  maxLockMs: 120_000,
};

describe('client address keys', () => {
  it('normalises IPv4-mapped IPv6, ports and brackets', () => {
    expect(normalizeIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeIp('::FFFF:c000:0201')).toBe('192.0.2.1');
    expect(normalizeIp(' 192.0.2.1:4711 ')).toBe('192.0.2.1');
    expect(normalizeIp('[2001:DB8::1]:443')).toBe('2001:db8:0:0:0:0:0:1');
    expect(normalizeIp('fe80::1%eth0')).toBe('fe80:0:0:0:0:0:0:1');
    expect(normalizeIp('::')).toBe('0:0:0:0:0:0:0:0');
    for (const bad of ['', 'unknown', '192.0.2', '192.0.2.256', '01.2.3.4', 'ip:192.0.2.1']) {
      expect(normalizeIp(bad), bad).toBeUndefined();
    }
  });

  it('keys IPv4 per address and IPv6 per /64', () => {
    expect(ipThrottleKey('::ffff:192.0.2.1')).toBe('ip:192.0.2.1');
    expect(ipThrottleKey('192.0.2.1')).toBe('ip:192.0.2.1');
    expect(ipThrottleKey('2001:db8:1:2::1')).toBe('ip:2001:db8:1:2::/64');
    expect(ipThrottleKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('ip:2001:db8:1:2::/64');
    expect(ipThrottleKey('2001:db8:1:3::1')).toBe('ip:2001:db8:1:3::/64');
    expect(ipThrottleKey(undefined)).toBeUndefined();
    expect(ipThrottleKey('nonsense')).toBeUndefined();
  });

  it('never uses an e-mail key that could collide with an address key', () => {
    expect(emailThrottleKey('anna@example.org')).toBe('anna@example.org');
    expect(emailThrottleKey('ip:192.0.2.1')).toBeUndefined();
    for (const ip of ['192.0.2.1', '::ffff:192.0.2.1', '2001:db8::1']) {
      expect(ipThrottleKey(ip)).not.toContain('@');
    }
  });
});

describe.each(backends)('login throttling per client address on $name', (backend) => {
  let t: TestDb;
  let seq = 0;
  const stranger = () => `niemand-${++seq}@example.org`;

  /** Node bindings as @hono/node-server passes them, so the real getConnInfo path runs. */
  const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

  const app = (options: Partial<Parameters<typeof createApp>[0]> = {}) =>
    createApp({ db: t.db, distDir: '/nonexistent', ipThrottle: IP_THROTTLE, ...options });

  const login = (
    from: string | undefined,
    email: string,
    password: string,
    opts: { headers?: Record<string, string>; trustProxy?: number } = {},
  ) =>
    app({ trustProxy: opts.trustProxy }).request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...opts.headers },
        body: JSON.stringify({ email, password }),
      },
      from === undefined ? undefined : socket(from),
    );

  const failures = async (key: string) =>
    (
      await t.db.query<{ failures: number }>('select failures from login_failures where key = $1', [
        key,
      ])
    )[0]?.failures;

  beforeAll(async () => {
    t = await openMigrated(backend);
    await addUser(t.db, {
      email: 'eva@example.org',
      role: 'coordinator',
      password: 'lang-genug-1',
    });
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('locks an address that sprays many e-mails, but not another address', async () => {
    const tried: string[] = [];
    for (let i = 0; i < IP_THROTTLE.freeFailures; i++) {
      const email = stranger();
      tried.push(email);
      expect((await login('192.0.2.10', email, 'falsch')).status).toBe(401);
    }
    const locked = await login('192.0.2.10', stranger(), 'falsch');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({
      error: {
        code: 'too_many_attempts',
        message: expect.stringMatching(/^Zu viele Fehlversuche/),
      },
    });
    // Even the right password waits: the lock is on the address, not the account.
    expect((await login('192.0.2.10', 'eva@example.org', 'lang-genug-1')).status).toBe(429);

    // The same e-mails from elsewhere are only wrong, not locked (and stay within that
    // address's own free failures, so the right password still gets in).
    for (const email of tried.slice(0, IP_THROTTLE.freeFailures - 1)) {
      expect((await login('192.0.2.11', email, 'falsch')).status).toBe(401);
    }
    expect((await login('192.0.2.11', 'eva@example.org', 'lang-genug-1')).status).toBe(200);
  });

  it('does not clear the address counter on a successful login', async () => {
    const ip = '192.0.2.20';
    for (let i = 0; i < 2; i++) {
      expect((await login(ip, stranger(), 'falsch')).status).toBe(401);
    }
    expect((await login(ip, 'eva@example.org', 'lang-genug-1')).status).toBe(200);
    expect(await failures('ip:192.0.2.20')).toBe(2);
    expect((await login(ip, stranger(), 'falsch')).status).toBe(401);
    expect(await failures('ip:192.0.2.20')).toBe(3);
    expect((await login(ip, 'eva@example.org', 'lang-genug-1')).status).toBe(429);
  });

  it('counts a failure against both keys and reports the longer wait', async () => {
    await addUser(t.db, { email: 'fritz@example.org', role: 'worker', password: 'lang-genug-2' });
    expect((await login('192.0.2.30', 'fritz@example.org', 'falsch')).status).toBe(401);
    expect(await failures('fritz@example.org')).toBe(1);
    expect(await failures('ip:192.0.2.30')).toBe(1);

    const lock = (key: string, seconds: number) =>
      t.db.query(
        `update login_failures set locked_until = now() + $2::int * interval '1 second'
          where key = $1`,
        [key, seconds],
      );
    const retryAfter = async () => {
      const res = await login('192.0.2.30', 'fritz@example.org', 'lang-genug-2');
      expect(res.status).toBe(429);
      return Number(res.headers.get('Retry-After'));
    };
    await lock('fritz@example.org', 100);
    await lock('ip:192.0.2.30', 600);
    expect(await retryAfter()).toBeGreaterThan(500);
    await lock('fritz@example.org', 600);
    await lock('ip:192.0.2.30', 100);
    expect(await retryAfter()).toBeGreaterThan(500);
    await lock('fritz@example.org', -1);
    expect(await retryAfter()).toBeLessThanOrEqual(100);
    await lock('ip:192.0.2.30', -1);
    expect((await login('192.0.2.30', 'fritz@example.org', 'lang-genug-2')).status).toBe(200);
  });

  it('counts ::ffff:a.b.c.d and a.b.c.d as one client', async () => {
    for (const from of ['::ffff:192.0.2.40', '192.0.2.40', '::ffff:192.0.2.40']) {
      expect((await login(from, stranger(), 'falsch')).status).toBe(401);
    }
    expect(await failures('ip:192.0.2.40')).toBe(3);
    expect((await login('::ffff:192.0.2.40', stranger(), 'falsch')).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    // Not trusted: every forged header still lands on the socket address.
    for (let i = 0; i < IP_THROTTLE.freeFailures; i++) {
      const headers = { 'X-Forwarded-For': `198.51.100.${i + 1}` };
      expect((await login('192.0.2.50', stranger(), 'falsch', { headers })).status).toBe(401);
    }
    expect(
      (
        await login('192.0.2.50', stranger(), 'falsch', {
          headers: { 'X-Forwarded-For': '1.1.1.1' },
        })
      ).status,
    ).toBe(429);
    expect(await failures('ip:198.51.100.1')).toBeUndefined();

    // Trusted: clients behind the one proxy are told apart by the address it appended.
    const proxy = '10.0.0.1';
    for (let i = 0; i <= IP_THROTTLE.freeFailures + 1; i++) {
      const headers = { 'X-Forwarded-For': `198.51.100.${100 + i}` };
      const res = await login(proxy, stranger(), 'falsch', { headers, trustProxy: 1 });
      expect(res.status).toBe(401);
    }
    expect(await failures('ip:198.51.100.100')).toBe(1);
    expect(await failures('ip:10.0.0.1')).toBeUndefined();
  });

  it('cannot be escaped by forging entries left of the one the proxy appended', async () => {
    const proxy = '10.0.0.2';
    for (let i = 0; i < IP_THROTTLE.freeFailures; i++) {
      const headers = { 'X-Forwarded-For': `203.0.113.${i + 1}, 198.51.100.60` };
      const res = await login(proxy, stranger(), 'falsch', { headers, trustProxy: 1 });
      expect(res.status).toBe(401);
    }
    const headers = { 'X-Forwarded-For': '203.0.113.99, ::ffff:198.51.100.60' };
    expect((await login(proxy, stranger(), 'falsch', { headers, trustProxy: 1 })).status).toBe(429);
    expect(await failures('ip:203.0.113.1')).toBeUndefined();
    // Two proxies in a row: the client is the second entry from the right.
    const twoHops = { 'X-Forwarded-For': '203.0.113.1, 198.51.100.61, 10.0.0.3' };
    expect(
      (await login(proxy, stranger(), 'falsch', { headers: twoHops, trustProxy: 2 })).status,
    ).toBe(401);
    expect(await failures('ip:198.51.100.61')).toBe(1);
    // Without a usable header the socket address counts.
    const junk = { 'X-Forwarded-For': 'unknown' };
    expect(
      (await login('10.0.0.4', stranger(), 'falsch', { headers: junk, trustProxy: 1 })).status,
    ).toBe(401);
    expect(await failures('ip:10.0.0.4')).toBe(1);
  });

  it('has no address key without a socket, and an e-mail cannot pose as one', async () => {
    const before = await t.db.query(
      "select key from login_failures where key like 'ip:%' order by key",
    );
    for (let i = 0; i <= IP_THROTTLE.freeFailures + 1; i++) {
      expect((await login(undefined, 'ip:192.0.2.70', 'falsch')).status).toBe(401);
    }
    expect(
      await t.db.query("select key from login_failures where key like 'ip:%' order by key"),
    ).toEqual(before);
    expect((await login('192.0.2.70', 'eva@example.org', 'lang-genug-1')).status).toBe(200);
  });

  it('takes an injected address function', async () => {
    const custom = app({ clientIp: () => '::ffff:192.0.2.80' });
    const res = await custom.request('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: stranger(), password: 'falsch' }),
    });
    expect(res.status).toBe(401);
    expect(await failures('ip:192.0.2.80')).toBe(1);
  });

  it('reads the address from a real socket', async () => {
    const server = serve({ fetch: app().fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise<void>((done) => server.once('listening', () => done()));
      const { port } = server.address() as AddressInfo;
      const post = (i: number) =>
        fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-For': `198.51.100.${200 + i}`,
          },
          body: JSON.stringify({ email: stranger(), password: 'falsch' }),
        });
      for (let i = 0; i < IP_THROTTLE.freeFailures; i++) {
        expect((await post(i)).status).toBe(401);
      }
      expect((await post(99)).status).toBe(429);
      expect(await failures('ip:127.0.0.1')).toBe(IP_THROTTLE.freeFailures);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
