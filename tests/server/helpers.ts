import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { MutationInput } from '../../protocol';
import { createSession } from '../../server/auth/sessions';
import { addUser } from '../../server/auth/users';
import type { Db } from '../../server/db';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';
import { migrate } from '../../server/migrate';

export interface TestDb {
  db: Db;
  /** Closes and opens the same database again, as a server restart would. */
  reopen(): Promise<Db>;
  /** Closes the database and removes its data directory or schema. */
  destroy(): Promise<void>;
  /**
   * PostgreSQL only: a second, independent connection pool to the same database, as a
   * second server instance would have. The caller closes it.
   */
  sibling?: () => Promise<Db>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDb>;
}

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const dir = await mkdtemp(join(tmpdir(), 'qw-server-'));
    const handle: TestDb = {
      db: await openPglite(dir),
      async reopen() {
        await handle.db.close();
        handle.db = await openPglite(dir);
        return handle.db;
      },
      async destroy() {
        await handle.db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return handle;
  },
};

function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    async open() {
      // A schema of its own per test database keeps files and runs isolated on one server.
      const schema = `qw_test_${randomBytes(6).toString('hex')}`;
      const handle: TestDb = {
        db: await openPostgres(url, { schema }),
        sibling: () => openPostgres(url, { schema }),
        async reopen() {
          await handle.db.close();
          handle.db = await openPostgres(url, { schema });
          return handle.db;
        },
        async destroy() {
          await handle.db.close();
          const admin = postgres(url, { max: 1, onnotice: () => {} });
          try {
            await admin.unsafe(`drop schema if exists ${schema} cascade`);
          } finally {
            await admin.end();
          }
        },
      };
      return handle;
    },
  };
}

export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

/** Every test suite runs against PGlite, and against PostgreSQL when DATABASE_URL is set. */
export const backends: Backend[] = DATABASE_URL
  ? [pglite, postgresBackend(DATABASE_URL)]
  : [pglite];

export async function openMigrated(backend: Backend): Promise<TestDb> {
  const t = await backend.open();
  await migrate(t.db);
  return t;
}

const NOW = '2026-01-15T10:00:00.000Z';

/** Small hand-made records that pass the model's schemas. */
export function org(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    updated_at: NOW,
    name: 'Stadtteilzentrum Heckinghausen',
    ...overrides,
  };
}

export function service(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    updated_at: NOW,
    organization_id: organizationId,
    name: 'Jobcenter vor Ort',
    target_groups: ['langzeitarbeitslose'],
    categories: ['arbeit'],
    ...overrides,
  };
}

export function contact(serviceId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    updated_at: NOW,
    service_id: serviceId,
    name: 'Frau Özdemir',
    phone: '0202 123456',
    ...overrides,
  };
}

export function referral(serviceId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    updated_at: NOW,
    date: '2026-01-15',
    service_id: serviceId,
    target_groups: ['jugendliche'],
    channel: 'qr',
    ...overrides,
  };
}

let userSeq = 0;

/** A fresh account of `role` with a live session: { email, password, token }. */
export async function account(
  db: Db,
  role: 'admin' | 'coordinator' | 'worker',
  password = 'richtig-geheim-123',
): Promise<{ email: string; password: string; token: string }> {
  const email = `${role}-${process.pid}-${++userSeq}-${randomBytes(3).toString('hex')}@test.example`;
  const user = await addUser(db, { email, role, password });
  const { token } = await createSession(db, user.id);
  return { email, password, token };
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** A push mutation creating `data` as a new record (every field with base null). */
export function createMutation(
  table: string,
  data: Record<string, unknown>,
  mutationId = `m-${randomUUID()}`,
): MutationInput {
  const { id, updated_at: _, ...rest } = data;
  return {
    mutationId,
    table,
    id: String(id),
    op: 'upsert',
    baseVersion: 0,
    fields: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, { base: null, value: v }])),
  };
}
