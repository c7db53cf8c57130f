import type { Role } from '../../../protocol';
import type { AppDeps } from '../../../src/app/deps';
import type { WegweiserDB } from '../../../src/db/schema';
import type { Service } from '../../../src/model';
import type { FetchLike } from '../../../src/sync/pull';
import { type Account, createAccount } from '../../../src/sync/session';
import { freshDb, org, service, testDeps, uid } from './helpers';

export const COORD = 'kim@example.org';

/**
 * App services with a signed-in account (the stored session is what the app reads at
 * start). `fetch` answers the login endpoint for tests that sign in.
 */
export async function signedIn(
  role: Role | null = 'coordinator',
  email = COORD,
  fetch: FetchLike = async () => {
    throw new TypeError('offline');
  },
): Promise<{ svc: AppDeps; db: WegweiserDB; account: Account }> {
  const { db } = freshDb();
  if (role) {
    await db.meta.bulkPut([
      { key: 'session', value: { token: 'x'.repeat(43), user: { email, role } } },
      { key: 'lastUser', value: email },
    ]);
  }
  const account = createAccount({ db, fetch, baseUrl: '' });
  await account.ready;
  await db.organizations.put(org(1, { name: 'Caritasverband Ruhrstadt' }));
  return { svc: testDeps({ db, account }), db, account };
}

export const svcId = uid(100);

type ConflictLeft = {
  field: string;
  server: unknown;
  client: unknown;
  base: unknown;
  by?: string;
  at?: string;
};

/**
 * What the push leaves behind after the server answered `conflict`: the local record in
 * conflict and its outbox entry with the contested fields.
 */
export async function conflictOn(
  db: WegweiserDB,
  record: Partial<Service> & { version: number },
  baseVersion: number,
  conflicts: ConflictLeft[],
) {
  await db.services.put({ ...service(100, record), local_state: 'conflict' } as never);
  await db.outbox.add({
    mutationId: `m-${baseVersion}`,
    table: 'services',
    recordId: svcId,
    op: 'upsert',
    userEmail: COORD,
    createdAt: '2026-10-14T08:00:00Z',
    payload: {
      baseVersion,
      state: 'conflict',
      serverVersion: record.version,
      fields: Object.fromEntries(
        conflicts.map((c) => [c.field, { base: c.base, value: c.client }]),
      ),
      conflicts,
    },
  });
}
