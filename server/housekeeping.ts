/**
 * Housekeeping: deletes rows that nothing needs any more from the tables that would otherwise
 * grow forever. Plain SQL on the `Db` interface, so it runs the same on PGlite and PostgreSQL,
 * and several instances may run it at the same time (each row is deleted once; a second
 * instance finds it gone). Every statement deletes at most `batchSize` rows in its own
 * autocommit transaction, so a first run on a big table never holds long locks, and the
 * embedded database (one connection) keeps answering requests between batches.
 *
 * What goes, and why it is safe:
 *
 * - sessions: expired more than a day ago. `resolveSession` ignores them already; the day
 *   of grace only keeps "just expired" visible to someone looking at the table.
 *
 * - login_failures: last failure older than a day and no lock in force. The counting window
 *   is 15 minutes and a lock lasts at most 15 minutes (server/auth/throttle.ts), so such a row
 *   no longer changes any answer. The condition is checked again by the DELETE itself, so a
 *   row that gets a fresh failure between the SELECT and the DELETE of a batch stays.
 *
 * - processed_mutations: older than PROCESSED_RETENTION_DAYS (default 90). The row only
 *   exists to answer a replay of the same (clientId, mutationId) with `duplicate`. A client
 *   replays only when it did not get the answer, and it retries at its next sync, not months
 *   later. If a replay does come after its row was pruned, server/push.ts treats it as a new
 *   mutation with its old `base` values and `baseVersion`, and the merge
 *   (`mergeMutation` in protocol/merge.ts) compares those bases with what is stored now:
 *   - an edit whose value is already there is a no-op (`applied`, nothing written, no new
 *     version); a field someone else changed since is a `conflict` and keeps their value;
 *   - a create of a record that exists is such an edit (bases null): same fields → no-op,
 *     fields changed since → conflict;
 *   - a delete of a tombstone changes nothing; a delete of a record someone else restored or
 *     edited after `baseVersion` is a conflict on `deleted` (the audit trail tells the
 *     server who wrote; a version without audit rows counts as foreign, so a shorter
 *     AUDIT_RETENTION_DAYS can only add conflicts);
 *   - a restore of a record someone else deleted again is a conflict on `deleted`;
 *   - a referral (append-only) that exists is `rejected` (append_only), nothing written.
 *   The one case the merge cannot tell from a real edit: another user set a field back to
 *   exactly the replayed mutation's `base` (A→B by me, B→A by someone else, then my replay
 *   sets B again; or a field a replayed create had filled was cleared since). That needs a
 *   lost answer plus months offline plus that exact A-B-A, and the audit log still shows
 *   every step. tests/server/housekeeping.test.ts pins all of this down.
 *
 * - audit_log: older than AUDIT_RETENTION_DAYS (default 730, 0 = keep forever). It records
 *   who changed what, i.e. personal data, which under the GDPR (DSGVO) may not be kept
 *   longer than needed; hence a limit, and a configurable one.
 */
import type { Queryable } from './db';

export const DEFAULT_PROCESSED_RETENTION_DAYS = 90;
export const DEFAULT_AUDIT_RETENTION_DAYS = 730;
export const DEFAULT_BATCH_SIZE = 5000;
export const HOUSEKEEPING_FIRST_DELAY_MS = 60 * 1000;
export const HOUSEKEEPING_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface HousekeepingOptions {
  /** Days a push answer is kept for replays; 0 = forever. */
  processedRetentionDays: number;
  /** Days of field-level history; 0 = forever. */
  auditRetentionDays: number;
  /** Rows per DELETE statement (default 5,000). */
  batchSize?: number;
  /** Reference time (tests); default: the database's now(). */
  now?: Date;
  /** Checked between batches: stops early (shutdown), returning what was deleted so far. */
  signal?: AbortSignal;
}

/** Rows deleted per table. */
export interface HousekeepingCounts {
  sessions: number;
  login_failures: number;
  processed_mutations: number;
  audit_log: number;
}

export type HousekeepingTable = keyof HousekeepingCounts;

interface Job {
  table: HousekeepingTable;
  /** Primary-key columns, selected in the batch sub-query and matched by the DELETE. */
  key: string;
  /**
   * Which rows go. $1 = reference time (text, null = now()), $3 = retention in days.
   * Constants only: nothing here comes from outside.
   */
  where: string;
  /** Retention in days; 0 = skip the table. */
  days: number;
}

const REF = 'coalesce($1::text::timestamptz, now())';
// Whole 24-hour steps, not calendar days: the cut-off does not move with the session's time
// zone across a daylight-saving change.
const CUTOFF = `${REF} - $3::int * interval '24 hours'`;

function jobs(o: HousekeepingOptions): Job[] {
  return [
    { table: 'sessions', key: 'token_hash', where: `expires_at < ${CUTOFF}`, days: 1 },
    {
      table: 'login_failures',
      key: 'key',
      where: `last_failure < ${CUTOFF} and (locked_until is null or locked_until <= ${REF})`,
      days: 1,
    },
    {
      table: 'processed_mutations',
      key: 'client_id, mutation_id',
      where: `processed_at < ${CUTOFF}`,
      days: o.processedRetentionDays,
    },
    { table: 'audit_log', key: 'id', where: `at < ${CUTOFF}`, days: o.auditRetentionDays },
  ];
}

function checkDays(name: string, days: number): void {
  if (!Number.isInteger(days) || days < 0) {
    throw new Error(`${name} must be a whole number of days ≥ 0, got ${days}`);
  }
}

/**
 * Runs every job once and returns how many rows each deleted. Each table is deleted in
 * batches until a batch deletes fewer than `batchSize` rows.
 */
export async function runHousekeeping(
  db: Queryable,
  options: HousekeepingOptions,
): Promise<HousekeepingCounts> {
  checkDays('processedRetentionDays', options.processedRetentionDays);
  checkDays('auditRetentionDays', options.auditRetentionDays);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batchSize must be a whole number ≥ 1, got ${batchSize}`);
  }
  const ref = options.now ? options.now.toISOString() : null;
  const counts: HousekeepingCounts = {
    sessions: 0,
    login_failures: 0,
    processed_mutations: 0,
    audit_log: 0,
  };
  for (const job of jobs(options)) {
    if (job.days === 0) continue;
    // The condition is repeated in the DELETE: under READ COMMITTED a row changed by a
    // concurrent transaction is re-checked, so a row that no longer qualifies survives.
    const sql = `with gone as (
        delete from ${job.table}
         where (${job.key}) in (select ${job.key} from ${job.table} where ${job.where} limit $2)
           and ${job.where}
        returning 1)
      select count(*)::int as n from gone`;
    for (;;) {
      if (options.signal?.aborted) return counts;
      const [row] = await db.query<{ n: number | string }>(sql, [ref, batchSize, job.days]);
      const n = Number(row?.n ?? 0);
      counts[job.table] += n;
      if (n < batchSize) break;
    }
  }
  return counts;
}

export function totalDeleted(counts: HousekeepingCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** "sessions 3, processed_mutations 120" – only the tables where something went. */
export function describeCounts(counts: HousekeepingCounts): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

export interface HousekeepingSchedule {
  /** Clears the timers, stops a running pass between batches and waits for it. */
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  firstDelayMs?: number;
  intervalMs?: number;
  log?: (line: string) => void;
  logError?: (line: string, err: unknown) => void;
}

/**
 * Runs housekeeping `firstDelayMs` after the call and then every `intervalMs`, on unref'd
 * timers (they never keep the process alive). Logs one line when something was deleted;
 * an error is logged and the next pass tries again – it never reaches the caller. A pass
 * still running when the next one is due is not doubled.
 */
export function scheduleHousekeeping(
  db: Queryable,
  options: Omit<HousekeepingOptions, 'signal' | 'now'>,
  schedule: ScheduleOptions = {},
): HousekeepingSchedule {
  const log = schedule.log ?? ((line) => console.log(line));
  const logError = schedule.logError ?? ((line, err) => console.error(line, err));
  const abort = new AbortController();
  let running: Promise<void> | null = null;

  const pass = () => {
    if (running || abort.signal.aborted) return;
    running = (async () => {
      try {
        const counts = await runHousekeeping(db, { ...options, signal: abort.signal });
        if (totalDeleted(counts) > 0) {
          log(`Alte Einträge gelöscht / old rows deleted: ${describeCounts(counts)}`);
        }
      } catch (err) {
        if (!abort.signal.aborted) {
          logError('Aufräumen fehlgeschlagen / housekeeping failed:', err);
        }
      } finally {
        running = null;
      }
    })();
  };

  const first = setTimeout(pass, schedule.firstDelayMs ?? HOUSEKEEPING_FIRST_DELAY_MS);
  first.unref();
  const every = setInterval(pass, schedule.intervalMs ?? HOUSEKEEPING_INTERVAL_MS);
  every.unref();

  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      abort.abort();
      await running;
    },
  };
}
