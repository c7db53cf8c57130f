import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Db } from './types';

export { openPglite } from './pglite';
export { openPostgres } from './postgres';
export type { Db, DbKind, Queryable, TxQueryable } from './types';

export interface DbEnv {
  DATABASE_URL?: string;
  DATA_DIR?: string;
}

/** PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite under DATA_DIR (./data). */
export function openDb(env: DbEnv): Promise<Db> {
  const url = env.DATABASE_URL?.trim();
  if (url) return openPostgres(url);
  return openPglite(env.DATA_DIR?.trim() || './data');
}

/** For log lines: never print a password. */
export function describeDb(env: DbEnv): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) return `PGlite ${env.DATA_DIR?.trim() || './data'}`;
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
