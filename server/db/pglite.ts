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
    pg = await PGlite.create(dir);
  } catch (err) {
    await unlock();
    throw err;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    tx: (fn) => pg.transaction((t) => fn({ ...wrap(t), inTransaction: true })),
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
