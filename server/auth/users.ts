import { ROLES, type Role } from '../../protocol';
import type { Queryable } from '../db';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';

export interface UserRow {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
  demo: boolean;
}

export class UserError extends Error {
  constructor(
    readonly code: 'invalid_email' | 'invalid_role' | 'weak_password' | 'exists' | 'not_found',
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

interface Row {
  id: string | number;
  email: string;
  role: Role;
  created_at: Date | string;
  disabled_at: Date | string | null;
  demo: boolean;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toUser(r: Row): UserRow {
  return {
    id: Number(r.id),
    email: r.email,
    role: r.role,
    createdAt: iso(r.created_at),
    disabledAt: r.disabled_at === null ? null : iso(r.disabled_at),
    demo: r.demo,
  };
}

export async function addUser(
  q: Queryable,
  input: { email: string; role: string; password: string; demo?: boolean },
): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email) || email.length > 320) {
    throw new UserError('invalid_email', `Keine gültige E-Mail-Adresse: „${input.email}“`);
  }
  if (!isRole(input.role)) {
    throw new UserError(
      'invalid_role',
      `Unbekannte Rolle „${input.role}“. Erlaubt: ${ROLES.join(', ')}`,
    );
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(
      'weak_password',
      `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein`,
    );
  }
  const hash = await hashPassword(input.password);
  const rows = await q.query<Row>(
    `insert into users (email, role, password_hash, demo) values ($1, $2, $3, $4)
     on conflict (email) do nothing
     returning id, email, role, created_at, disabled_at, demo`,
    [email, input.role, hash, input.demo ?? false],
  );
  const row = rows[0];
  if (!row) throw new UserError('exists', `Es gibt schon ein Konto für ${email}`);
  return toUser(row);
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  const rows = await q.query<Row>(
    'select id, email, role, created_at, disabled_at, demo from users order by email',
  );
  return rows.map(toUser);
}

/** Disables the account and ends all its sessions at once. */
export async function disableUser(q: Queryable, email: string): Promise<UserRow> {
  const rows = await q.query<Row>(
    `with u as (
       update users set disabled_at = coalesce(disabled_at, now()) where email = $1
       returning id, email, role, created_at, disabled_at, demo),
     s as (
       update sessions set revoked_at = now()
        where user_id in (select id from u) and revoked_at is null)
     select * from u`,
    [normalizeEmail(email)],
  );
  const row = rows[0];
  if (!row) throw new UserError('not_found', `Kein Konto für ${normalizeEmail(email)}`);
  return toUser(row);
}

export async function enableUser(q: Queryable, email: string): Promise<UserRow> {
  const rows = await q.query<Row>(
    `update users set disabled_at = null where email = $1
     returning id, email, role, created_at, disabled_at, demo`,
    [normalizeEmail(email)],
  );
  const row = rows[0];
  if (!row) throw new UserError('not_found', `Kein Konto für ${normalizeEmail(email)}`);
  return toUser(row);
}

/** New password; existing sessions end, so a leaked one stops working too. */
export async function setPassword(q: Queryable, email: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(
      'weak_password',
      `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein`,
    );
  }
  const hash = await hashPassword(password);
  const rows = await q.query<{ id: string | number }>(
    `with u as (update users set password_hash = $2 where email = $1 returning id),
     s as (update sessions set revoked_at = now()
            where user_id in (select id from u) and revoked_at is null)
     select id from u`,
    [normalizeEmail(email), hash],
  );
  if (!rows[0]) throw new UserError('not_found', `Kein Konto für ${normalizeEmail(email)}`);
}

export interface LoginCandidate {
  id: number;
  email: string;
  role: Role;
  passwordHash: string;
}

/** An enabled account by e-mail, or null. */
export async function findLoginCandidate(
  q: Queryable,
  email: string,
): Promise<LoginCandidate | null> {
  const rows = await q.query<{
    id: string | number;
    email: string;
    role: Role;
    password_hash: string;
  }>('select id, email, role, password_hash from users where email = $1 and disabled_at is null', [
    normalizeEmail(email),
  ]);
  const r = rows[0];
  return r
    ? { id: Number(r.id), email: r.email, role: r.role, passwordHash: r.password_hash }
    : null;
}
