import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { type Db, openPglite, openPostgres } from '../../server/db';
import { DATABASE_URL } from './helpers';

/**
 * A database the admin tool can be pointed at through its environment, as an operator
 * would: a DATA_DIR, or a DATABASE_URL whose search_path selects a schema of its own.
 */
export interface AdminTarget {
  kind: 'pglite' | 'postgres';
  env: Record<string, string>;
  /** Opens it in this process (for PGlite: as the running server, holding the lock). */
  open(): Promise<Db>;
  destroy(): Promise<void>;
}

export const targetKinds: AdminTarget['kind'][] = DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export async function adminTarget(kind: AdminTarget['kind']): Promise<AdminTarget> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'qw-admin-target-'));
    return {
      kind,
      env: { DATA_DIR: dir },
      open: () => openPglite(dir),
      destroy: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const url = DATABASE_URL as string;
  const schema = `qw_admin_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('search_path', schema);
  return {
    kind,
    env: { DATABASE_URL: scoped.toString() },
    open: () => openPostgres(url, { schema }),
    async destroy() {
      const a = postgres(url, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop schema if exists ${schema} cascade`);
      await a.end();
    },
  };
}
