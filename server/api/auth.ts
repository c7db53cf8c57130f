import { Hono } from 'hono';
import { LoginRequest, type LoginResponse, type MeResponse } from '../../src/sync/protocol';
import { authFromHeader, bearerToken, unauthorized } from '../auth/http';
import { dummyHash, verifyPassword } from '../auth/password';
import { createSession, revokeSession } from '../auth/sessions';
import { clearFailures, lockedFor, recordFailure, type ThrottlePolicy } from '../auth/throttle';
import { findLoginCandidate, normalizeEmail } from '../auth/users';
import type { Db } from '../db';
import { apiError } from '../http/errors';
import { readJsonBody } from '../http/json-body';

const MAX_LOGIN_BYTES = 8 * 1024;

export interface AuthApiOptions {
  db: Db;
  sessionTtlMs?: number;
  throttle?: ThrottlePolicy;
}

/** POST /login, POST /logout, GET /me — mounted at /api/auth. */
export function authApi({ db, sessionTtlMs, throttle }: AuthApiOptions): Hono {
  const api = new Hono();

  api.post('/login', async (c) => {
    const body = await readJsonBody(c, MAX_LOGIN_BYTES);
    if (!body.ok) return body.response;
    const parsed = LoginRequest.safeParse(body.value);
    if (!parsed.success) {
      return apiError(c, 400, 'invalid_request', 'Bitte E-Mail-Adresse und Passwort angeben.');
    }
    const key = normalizeEmail(parsed.data.email);
    const wait = await lockedFor(db, key);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return apiError(
        c,
        429,
        'too_many_attempts',
        `Zu viele Fehlversuche. Bitte in ${Math.ceil(wait / 1000)} Sekunden erneut versuchen.`,
      );
    }
    const user = await findLoginCandidate(db, key);
    // Check a dummy hash for unknown accounts, so the timing does not reveal which exist.
    const ok = await verifyPassword(
      parsed.data.password,
      user?.passwordHash ?? (await dummyHash()),
    );
    if (!user || !ok) {
      await recordFailure(db, key, throttle);
      return apiError(c, 401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort ist falsch.');
    }
    await clearFailures(db, key);
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
