import postgres from 'postgres';
import type { Db, Queryable } from './types';

export interface PostgresOptions {
  /** Pool size per instance; several instances share one server, so keep it modest. */
  max?: number;
  /**
   * Schema to work in (created if missing), e.g. one per test file. Default: the server's
   * search_path (normally `public`).
   */
  schema?: string;
}

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Queryable {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      // postgres.js returns a Result (an array subclass); copy to a plain array.
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return Array.from(rows) as T[];
    },
    async exec(text: string) {
      await sql.unsafe(text).simple();
    },
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) {
    throw new Error(`Invalid schema name: ${opts.schema}`);
  }
  if (opts.schema) {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create schema if not exists ${opts.schema}`);
    } finally {
      await admin.end();
    }
  }
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    idle_timeout: 60,
    connection: {
      application_name: 'quartier-wegweiser',
      ...(opts.schema ? { search_path: opts.schema } : {}),
    },
  });
  // Fail at startup, not on the first request, when the URL is wrong.
  await sql.unsafe('select 1');
  const base = wrap(sql);
  return {
    kind: 'postgres',
    ...base,
    tx: async (fn) =>
      (await sql.begin((t) => fn({ ...wrap(t), inTransaction: true }))) as Awaited<
        ReturnType<typeof fn>
      >,
    snapshot: async (fn) =>
      (await sql.begin('isolation level repeatable read read only', (t) => fn(wrap(t)))) as Awaited<
        ReturnType<typeof fn>
      >,
    async listen(channel, onPayload) {
      const meta = await sql.listen(channel, onPayload);
      return () => meta.unlisten();
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
