import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './dir-lock';
import type { Db, Queryable } from './types';

function wrap(pg: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

/**
 * PostgreSQL's default of 128 MB shared buffers is sized for a database server; inside the
 * app's own process it is resident memory on top of Node's. A city's data fits in a few
 * MB, and a buffer miss here is a read from the kernel's page cache, so 32 MB costs nothing
 * measurable and saved about 110 MB of RSS (404 → 295 MB for a process that opened a
 * database and ran a few hundred queries).
 */
const START_PARAMS = [
  ...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams,
  '-c',
  'shared_buffers=32MB',
];

/**
 * Embedded PostgreSQL (WASM) persisted in `dataDir`. PGlite is single-connection: its
 * `transaction()` holds an exclusive mutex, so transactions never interleave here, and a
 * query issued outside waits until the transaction ends. Inside `tx(fn)` use only the `q`
 * handed to fn: a query on the outer Db would wait for the transaction and deadlock.
 * Only one process may open a data directory at a time (enforced by a lock file).
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  // Postgres ignores unknown files at the top of its data directory.
  const unlock = await lockDataDir(dir, join(dir, 'wegweiser-server.lock'));
  let pg: PGlite;
  try {
    pg = await PGlite.create(dir, { startParams: START_PARAMS });
  } catch (err) {
    await unlock();
    throw err;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    tx: (fn) => pg.transaction((t) => fn({ ...wrap(t), inTransaction: true })),
    // One connection: the transaction's mutex already keeps every writer out meanwhile.
    snapshot: (fn) =>
      pg.transaction(async (t) => {
        await t.exec('set transaction isolation level repeatable read, read only');
        return fn(wrap(t));
      }),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    async close() {
      if (pg.closed) return;
      await pg.close();
      await unlock();
    },
  };
}
