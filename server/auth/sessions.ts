import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../protocol';
import type { Queryable } from '../db';

/** Coordinators may be offline for days; their outbox survives expiry anyway (re-login). */
export const DEFAULT_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface Session {
  userId: number;
  email: string;
  role: Role;
  expiresAt: string;
}

/** Tokens are 256 random bits; the database only keeps their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function createSession(
  q: Queryable,
  userId: number,
  ttlMs: number = DEFAULT_SESSION_TTL_MS,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  await q.query(
    'insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3::text::timestamptz)',
    [hashToken(token), userId, expiresAt],
  );
  // Housekeeping on the rare write path instead of a timer in every instance.
  await q.query(
    "delete from sessions where expires_at < now() - interval '30 days' or revoked_at < now() - interval '30 days'",
  );
  return { token, expiresAt };
}

/** The live session of `token`: not expired, not revoked, account not disabled. */
export async function resolveSession(q: Queryable, token: string): Promise<Session | null> {
  if (!TOKEN.test(token)) return null;
  const rows = await q.query<{
    user_id: string | number;
    email: string;
    role: Role;
    expires_at: Date | string;
  }>(
    `select s.user_id, u.email, u.role, s.expires_at
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()
        and u.disabled_at is null`,
    [hashToken(token)],
  );
  const r = rows[0];
  return r
    ? {
        userId: Number(r.user_id),
        email: r.email,
        role: r.role,
        expiresAt: new Date(r.expires_at).toISOString(),
      }
    : null;
}

export async function revokeSession(q: Queryable, token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  await q.query(
    'update sessions set revoked_at = now() where token_hash = $1 and revoked_at is null',
    [hashToken(token)],
  );
}
