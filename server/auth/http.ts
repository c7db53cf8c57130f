import type { Context } from 'hono';
import { hasRole, type Role } from '../../protocol';
import type { Queryable } from '../db';
import { apiError } from '../http/errors';
import { resolveSession, type Session } from './sessions';

/**
 * - anonymous: no credentials (a resident)
 * - invalid:   credentials that are wrong, expired, revoked or of a disabled account → 401,
 *              never a silent downgrade to resident (the client would "lose" internal data)
 * - user:      a live session
 */
export type Auth = { kind: 'anonymous' } | { kind: 'invalid' } | { kind: 'user'; session: Session };

export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

export async function authenticate(q: Queryable, token: string | null | undefined): Promise<Auth> {
  if (token === undefined) return { kind: 'anonymous' };
  if (token === null) return { kind: 'invalid' };
  const session = await resolveSession(q, token);
  return session ? { kind: 'user', session } : { kind: 'invalid' };
}

export function authFromHeader(q: Queryable, c: Context): Promise<Auth> {
  return authenticate(q, bearerToken(c.req.header('Authorization')));
}

export function unauthorized(c: Context): Response {
  c.header('WWW-Authenticate', 'Bearer realm="wegweiser"');
  return apiError(
    c,
    401,
    'unauthorized',
    'Anmeldung abgelaufen oder ungültig. Bitte erneut anmelden.',
  );
}

export function forbidden(c: Context, role: Role): Response {
  return apiError(
    c,
    403,
    'forbidden',
    role === 'worker'
      ? 'Diese Funktion ist Koordinator*innen vorbehalten.'
      : 'Für diese Funktion fehlt die Berechtigung.',
  );
}

/** Either the session of a user with at least `atLeast`, or the 401/403 response to send. */
export async function requireRole(
  q: Queryable,
  c: Context,
  atLeast: Role,
): Promise<{ ok: true; session: Session } | { ok: false; response: Response }> {
  const auth = await authFromHeader(q, c);
  if (auth.kind !== 'user') return { ok: false, response: unauthorized(c) };
  if (!hasRole(auth.session.role, atLeast)) {
    return { ok: false, response: forbidden(c, auth.session.role) };
  }
  return { ok: true, session: auth.session };
}
