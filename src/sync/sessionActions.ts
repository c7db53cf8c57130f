/** Signing in and out (loaded on demand by session.ts). */

import { LoginResponse, type SessionUser } from '../../protocol/accounts';
import { META_KEYS } from '../db/schema';
import { wipeForUser } from './outboxWipe';
import { type LoginOutcome, normalizeEmail, type SessionEnv, type StoredSession } from './session';

function url(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

export async function login(
  env: SessionEnv,
  email: string,
  password: string,
): Promise<LoginOutcome> {
  const { db } = env;
  let res: Response;
  try {
    res = await env.fetch(url(env.baseUrl, '/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: email.trim(), password }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (res.status === 401) return { ok: false, reason: 'credentials' };
  if (res.status === 429) return { ok: false, reason: 'throttled' };
  if (!res.ok) return { ok: false, reason: 'server' };
  const parsed = LoginResponse.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return { ok: false, reason: 'server' };
  const { token, user, expiresAt } = parsed.data;
  const who: SessionUser = { email: normalizeEmail(user.email), role: user.role };
  const last = (await db.meta.get(META_KEYS.lastUser))?.value as string | undefined;
  let wiped = 0;
  if (last !== undefined && last !== who.email) {
    // A different person on this phone: nothing of the previous one may stay.
    wiped = (await wipeForUser(db, who.email, true)).entries;
  }
  const next: StoredSession = { token, user: who, ...(expiresAt ? { expiresAt } : {}) };
  await db.meta.bulkPut([
    { key: META_KEYS.session, value: next },
    { key: META_KEYS.lastUser, value: who.email },
  ]);
  env.adopt(next);
  return { ok: true, user: who, wiped };
}

export async function logout(env: SessionEnv): Promise<void> {
  const ending = env.current();
  if (ending && !ending.expired) {
    // Best effort: offline, the token simply expires on the server.
    void env
      .fetch(url(env.baseUrl, '/api/auth/logout'), {
        method: 'POST',
        headers: { authorization: `Bearer ${ending.token}` },
        cache: 'no-store',
      })
      .catch(() => undefined);
  }
  await wipeForUser(env.db, null, true);
  await env.db.meta.bulkDelete([META_KEYS.session, META_KEYS.lastUser]);
  env.adopt(null);
}
