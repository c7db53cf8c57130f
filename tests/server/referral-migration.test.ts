import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../server/audit';
import { addUser } from '../../server/auth/users';
import { MIGRATIONS_DIR, migrate } from '../../server/migrate';
import { upsertRecords } from '../../server/records';
import { backends, org, referral, service, type TestDb } from './helpers';

/** Earlier releases kept the worker's e-mail with each referral; the upgrade forgets it. */
describe.each(backends)('upgrading referrals to anonymous ones on $name', (backend) => {
  let t: TestDb;
  let oldDir: string;

  beforeAll(async () => {
    t = await backend.open();
    oldDir = await mkdtemp(join(tmpdir(), 'qw-mig-old-'));
    for (const name of await readdir(MIGRATIONS_DIR)) {
      if (name < '005') await copyFile(join(MIGRATIONS_DIR, name), join(oldDir, name));
    }
    await migrate(t.db, oldDir);
  });
  afterAll(async () => {
    await t?.destroy();
    await rm(oldDir, { recursive: true, force: true });
  });

  it('removes the author, the audit rows and the account link of stored referrals', async () => {
    const worker = 'wanda@example.org';
    const { id: userId } = await addUser(t.db, {
      email: worker,
      role: 'worker',
      password: 'lang-genug-9',
    });
    const o = org();
    const s = service(o.id);
    const r = referral(s.id);
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [o], 'chefin@example.org');
      await upsertRecords(q, 'services', [s], 'chefin@example.org');
      const [stored] = await upsertRecords(q, 'referrals', [r], worker);
      if (!stored) throw new Error('referral not stored');
      for (const [table, rec] of [
        ['services', s],
        ['referrals', stored],
      ] as const) {
        await writeAudit(q, {
          actor: table === 'referrals' ? worker : 'chefin@example.org',
          table,
          id: rec.id,
          version: (rec as { version?: number }).version ?? 1,
          action: 'create',
          before: null,
          after: rec as Record<string, unknown>,
          clientId: 'c',
          mutationId: `m-${table}`,
        });
      }
      await q.query(
        `insert into processed_mutations (client_id, mutation_id, user_id, table_name, record_id, status, result)
         values ('c', 'm-ref', $1, 'referrals', $2, 'applied', '{}'), ('c', 'm-svc', $1, 'services', $3, 'applied', '{}')`,
        [userId, r.id, s.id],
      );
    });
    const before = await t.db.query<{ version: string }>(
      "select version from records where table_name = 'referrals' and id = $1::uuid",
      [r.id],
    );

    await migrate(t.db);

    const everything = JSON.stringify([
      await t.db.query("select * from records where table_name = 'referrals'"),
      await t.db.query("select * from audit_log where table_name = 'referrals'"),
      await t.db.query("select * from processed_mutations where table_name = 'referrals'"),
    ]);
    expect(everything).toContain(r.id);
    expect(everything).not.toContain(worker);
    expect(everything).not.toContain(`"user_id":${userId}`);
    const [ref] = await t.db.query<{ version: string; data: Record<string, unknown> }>(
      "select version, data from records where table_name = 'referrals' and id = $1::uuid",
      [r.id],
    );
    expect(ref).toMatchObject({
      version: before[0]?.version,
      data: { date: r.date, updated_by: null },
    });
    expect(await t.db.query("select * from audit_log where table_name = 'referrals'")).toEqual([]);
    // Other tables keep their history.
    const kept = await t.db.query<{ actor: string }>(
      "select distinct actor from audit_log where table_name = 'services'",
    );
    expect(kept).toEqual([{ actor: 'chefin@example.org' }]);
  });
});
