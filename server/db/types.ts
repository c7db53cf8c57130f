/** What every piece of server code needs from a database: plain SQL with $n parameters. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * A Queryable inside `Db.tx`. Writers demand this type so that the version advisory lock
 * (transaction-scoped) cannot be taken by mistake in autocommit mode, where it would be
 * released at once.
 */
export interface TxQueryable extends Queryable {
  readonly inTransaction: true;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` in one transaction (READ COMMITTED) on one connection; commits when it resolves,
   * rolls back when it throws.
   */
  tx<T>(fn: (q: TxQueryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a READ ONLY, REPEATABLE READ transaction: every query sees the same
   * snapshot, whatever commits meanwhile (backups).
   */
  snapshot<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; resolves to an unsubscribe function. */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
