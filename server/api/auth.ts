import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { LoginRequest, type LoginResponse, type MeResponse } from '../../protocol';
import { authFromHeader, bearerToken, unauthorized } from '../auth/http';
import { dummyHash, verifyPassword } from '../auth/password';
import { createSession, revokeSession } from '../auth/sessions';
import {
  clearFailures,
  DEFAULT_IP_THROTTLE,
  emailThrottleKey,
  ipThrottleKey,
  lockedFor,
  normalizeIp,
  releaseAttempt,
  reserveAttempt,
  type ThrottlePolicy,
} from '../auth/throttle';
import { findLoginCandidate, normalizeEmail } from '../auth/users';
import type { Db } from '../db';
import { apiError } from '../http/errors';
import { readJsonBody } from '../http/json-body';

const MAX_LOGIN_BYTES = 8 * 1024;

export interface AuthApiOptions {
  db: Db;
  sessionTtlMs?: number;
  throttle?: ThrottlePolicy;
  ipThrottle?: ThrottlePolicy;
  /** Address of the client for the per-address throttle; undefined = no such key. */
  clientIp?: (c: Context) => string | undefined;
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // No Node socket behind this request (app.request() in tests, other runtimes).
    return undefined;
  }
}

/**
 * The client address as the server sees it. Behind `trustProxy` reverse proxies it is taken
 * from X-Forwarded-For, counting that many entries from the right: each proxy appends the
 * peer it saw, while everything further left came from the client and can be forged (a
 * forged left-most entry would give an attacker a fresh counter on every request).
 */
export function clientIpResolver(trustProxy = 0): (c: Context) => string | undefined {
  return (c) => {
    if (trustProxy > 0) {
      const entries = (c.req.header('X-Forwarded-For') ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
      const entry = entries[Math.max(0, entries.length - trustProxy)];
      const forwarded = entry === undefined ? undefined : normalizeIp(entry);
      if (forwarded) return forwarded;
    }
    return socketAddress(c);
  };
}

/** POST /login, POST /logout, GET /me — mounted at /api/auth. */
export function authApi({
  db,
  sessionTtlMs,
  throttle,
  ipThrottle = DEFAULT_IP_THROTTLE,
  clientIp = clientIpResolver(),
}: AuthApiOptions): Hono {
  const api = new Hono();

  api.post('/login', async (c) => {
    const body = await readJsonBody(c, MAX_LOGIN_BYTES);
    if (!body.ok) return body.response;
    const parsed = LoginRequest.safeParse(body.value);
    if (!parsed.success) {
      return apiError(c, 400, 'invalid_request', 'Bitte E-Mail-Adresse und Passwort angeben.');
    }
    const email = normalizeEmail(parsed.data.email);
    const emailKey = emailThrottleKey(email);
    const ipKey = ipThrottleKey(clientIp(c));
    // Reserve before checking, so parallel requests cannot all reach the check (throttle.ts).
    const ipSlot = ipKey ? await reserveAttempt(db, ipKey, ipThrottle) : undefined;
    const emailSlot =
      emailKey && ipSlot !== null ? await reserveAttempt(db, emailKey, throttle) : undefined;
    if (ipSlot === null || emailSlot === null) {
      if (ipSlot) await releaseAttempt(db, ipSlot);
      const wait = Math.max(
        1000,
        emailKey ? await lockedFor(db, emailKey) : 0,
        ipKey ? await lockedFor(db, ipKey) : 0,
      );
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return apiError(
        c,
        429,
        'too_many_attempts',
        `Zu viele Fehlversuche. Bitte in ${Math.ceil(wait / 1000)} Sekunden erneut versuchen.`,
      );
    }
    const user = await findLoginCandidate(db, email);
    // Check a dummy hash for unknown accounts, so the timing does not reveal which exist.
    const ok = await verifyPassword(
      parsed.data.password,
      user?.passwordHash ?? (await dummyHash()),
    );
    // A failure keeps its reservations: they already counted it.
    if (!user || !ok) {
      return apiError(c, 401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');
    }
    // The e-mail key starts afresh; the address key only gets this attempt back: clearing it
    // would let an attacker with one valid account reset their own counter between rounds.
    if (emailKey) await clearFailures(db, emailKey);
    if (ipSlot) await releaseAttempt(db, ipSlot);
    const { token, expiresAt } = await createSession(db, user.id, sessionTtlMs);
    const res: LoginResponse = { token, user: { email: user.email, role: user.role }, expiresAt };
    return c.json(res);
  });

  // Idempotent: ends the presented session if it is live; 204 either way, so a client can
  // always clear its local state.
  api.post('/logout', async (c) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (token) await revokeSession(db, token);
    return c.body(null, 204);
  });

  api.get('/me', async (c) => {
    const auth = await authFromHeader(db, c);
    if (auth.kind !== 'user') return unauthorized(c);
    const { email, role, expiresAt } = auth.session;
    const res: MeResponse = { user: { email, role }, expiresAt };
    return c.json(res);
  });

  return api;
}
