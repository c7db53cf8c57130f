import type { Role } from '../protocol';
import { addUser } from './auth/users';
import type { Db } from './db';
import { lockVersions } from './records';

/**
 * Accounts for trying the app on a laptop. Seeded only into the embedded demo database
 * (PGlite with SEED_DEMO on), and only while there is no account at all, so a real
 * installation never gets a known password. Documented in README ("Demo-Zugänge").
 */
export const DEMO_ACCOUNTS: readonly { email: string; role: Role; password: string }[] = [
  { email: 'koordination@demo.example', role: 'coordinator', password: 'demo-koordination' },
  { email: 'worker@demo.example', role: 'worker', password: 'demo-kuemmerer' },
];

export async function seedDemoAccounts(db: Db): Promise<typeof DEMO_ACCOUNTS> {
  return db.tx(async (q) => {
    // Any lock shared by all starters would do; this one already is.
    await lockVersions(q);
    const [row] = await q.query<{ present: boolean }>(
      'select exists (select 1 from users) as present',
    );
    if (row?.present) return [];
    for (const a of DEMO_ACCOUNTS) await addUser(q, { ...a, demo: true });
    return DEMO_ACCOUNTS;
  });
}

/** Enabled demo accounts, for the start log. */
export async function activeDemoAccounts(db: Db): Promise<string[]> {
  const rows = await db.query<{ email: string }>(
    'select email from users where demo and disabled_at is null order by email',
  );
  return rows.map((r) => r.email);
}
