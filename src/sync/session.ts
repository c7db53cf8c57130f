/**
 * The signed-in account on this device: token and user in IndexedDB (meta 'session'), so a
 * coordinator stays signed in offline. A 401 marks the session expired: the user signs in
 * again and the outbox is kept. Logout, or a different user signing in on a shared phone,
 * wipes internal records and the other user's outbox entries (the UI warns first).
 *
 * This part is in the start bundle (the header shows the user, the sync needs the token);
 * signing in and out is loaded on demand (sessionActions.ts).
 */

import type { SessionUser } from '../../protocol/accounts';
import { META_KEYS, type WegweiserDB } from '../db/schema';
import { createStore, type ReadableStore } from '../db/store';
import type { FetchLike } from './pull';

export interface StoredSession {
  token: string;
  user: SessionUser;
  expiresAt?: string;
  expired?: boolean;
}

export type AccountStatus = 'loading' | 'anonymous' | 'active' | 'expired';

export interface AccountState {
  status: AccountStatus;
  /** Kept while expired: the outbox still belongs to this user. */
  user: SessionUser | null;
}

export type LoginOutcome =
  | { ok: true; user: SessionUser; wiped: number }
  | { ok: false; reason: 'credentials' | 'throttled' | 'network' | 'server' };

export interface Account extends ReadableStore<AccountState> {
  /** Resolves once the stored session was read. */
  ready: Promise<void>;
  /** Bearer token for requests; null when anonymous or expired. */
  token(): string | null;
  login(email: string, password: string): Promise<LoginOutcome>;
  /** Ends the session here and on the server (best effort) and wipes the user's data. */
  logout(): Promise<void>;
  /** The server refused the token (401). */
  markExpired(): void;
  /** Unsent outbox entries that signing in as `email` would wipe (shared phones). */
  unsentWipedBy(email: string | null): Promise<number>;
  /** Stable id of this device for push idempotency. */
  clientId(): Promise<string>;
  /**
   * Writes the session back after the browser deleted the database, so the user stays
   * signed in; the token in memory is still valid.
   */
  restore(): Promise<void>;
}

export interface AccountOptions {
  db: WegweiserDB;
  fetch: FetchLike;
  baseUrl: string;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function createAccount({ db, fetch, baseUrl }: AccountOptions): Account {
  const store = createStore<AccountState>({ status: 'loading', user: null });
  let session: StoredSession | null = null;

  const publish = () =>
    store.set(
      session ? { status: session.expired ? 'expired' : 'active', user: session.user } : ANON,
    );
  const adopt = (next: StoredSession | null) => {
    session = next;
    publish();
  };

  const ready = db.meta
    .get(META_KEYS.session)
    .then((entry) => {
      const v = entry?.value as StoredSession | undefined;
      session = v && typeof v.token === 'string' && v.user ? v : null;
    })
    .catch(() => {
      session = null;
    })
    .finally(publish);

  const actions = () => import('./sessionActions');
  const env = { db, fetch, baseUrl, current: () => session, adopt };

  return {
    get: store.get,
    subscribe: store.subscribe,
    ready,
    token: () => (session && !session.expired ? session.token : null),
    login: async (email, password) => (await actions()).login(env, email, password),
    logout: async () => (await actions()).logout(env),
    markExpired() {
      if (!session || session.expired) return;
      adopt({ ...session, expired: true });
      void db.meta.put({ key: META_KEYS.session, value: session }).catch(() => undefined);
    },
    async unsentWipedBy(email) {
      const keep = email ? normalizeEmail(email) : null;
      const entries = await db.outbox.toArray();
      return entries.filter((e) => e.userEmail !== null && e.userEmail !== keep).length;
    },
    clientId: () => getClientId(db),
    async restore() {
      if (!session) return;
      await db.meta.bulkPut([
        { key: META_KEYS.session, value: session },
        { key: META_KEYS.lastUser, value: session.user.email },
      ]);
    },
  };
}

const ANON: AccountState = { status: 'anonymous', user: null };

/** What sessionActions.ts needs from an account. */
export interface SessionEnv {
  db: WegweiserDB;
  fetch: FetchLike;
  baseUrl: string;
  current(): StoredSession | null;
  adopt(session: StoredSession | null): void;
}

/** This device's id for push idempotency; created once and kept across sessions. */
export async function getClientId(db: WegweiserDB): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get(META_KEYS.clientId))?.value;
    if (typeof stored === 'string') return stored;
    const id = crypto.randomUUID();
    await db.meta.put({ key: META_KEYS.clientId, value: id });
    return id;
  });
}

/**
 * Internal records only arrive with a token. When the cursor was reached without one (as a
 * resident, or while the session was expired), a pull with a token starts from scratch, or
 * it would never receive the internal records behind that cursor.
 */
export async function alignCursorScope(
  db: WegweiserDB,
  scope: 'public' | 'internal',
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get(META_KEYS.cursorScope))?.value;
    if (stored === scope) return;
    if (scope === 'internal') await db.meta.delete(META_KEYS.cursor);
    await db.meta.put({ key: META_KEYS.cursorScope, value: scope });
  });
}
