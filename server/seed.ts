import type { Dataset } from '../src/demo/types';
import type { TableName } from '../src/model';
import type { Db } from './db';
import { lockVersions, upsertRecords } from './records';

/** Dataset tables in foreign-key order (referrals are never seeded). */
const SEED_TABLES = [
  'organizations',
  'locations',
  'services',
  'schedules',
  'contacts',
] as const satisfies readonly (keyof Dataset & TableName)[];

export const SEED_AUTHOR = 'seed';

/**
 * Inserts `dataset` if the database holds no records at all (tombstones count as records,
 * so deleting everything does not bring the demo back). The check runs under the version
 * lock, so two instances starting together against one PostgreSQL seed exactly once.
 * `dataset` may be a function so that nothing is generated when there is nothing to do.
 */
export async function seedIfEmpty(
  db: Db,
  dataset: Dataset | (() => Dataset | Promise<Dataset>),
): Promise<{ seeded: boolean; count: number }> {
  return db.tx(async (q) => {
    await lockVersions(q);
    const [row] = await q.query<{ present: boolean }>(
      'select exists (select 1 from records) as present',
    );
    if (row?.present) return { seeded: false, count: 0 };
    const data = typeof dataset === 'function' ? await dataset() : dataset;
    let count = 0;
    for (const table of SEED_TABLES) {
      count += (await upsertRecords(q, table, data[table], SEED_AUTHOR)).length;
    }
    return { seeded: true, count };
  });
}
