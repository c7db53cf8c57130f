import type { Table } from 'dexie';
import { META_KEYS, type OutboxEntry, type WegweiserDB } from '../db/schema';
import {
  type AnyRecord,
  isTableName,
  PULL_SCHEMAS,
  type PullResponse,
  parseStored,
  TABLE_NAMES,
  type TableName,
} from '../model';
import { SyncError } from './errors';
import { overlayPending, settledCount } from './outbox';

export interface ApplyResult {
  /** Rows written (inserted or replaced). */
  upserted: number;
  /** Local rows removed by tombstones. */
  deleted: number;
  /** Changes that failed validation; skipped so one bad record cannot stall the sync. */
  invalid: number;
  /** Changes older than the local row; never allowed to overwrite it. */
  stale: number;
  /** Changes for tables this client does not know (a newer server); ignored. */
  unknownTable: number;
}

interface Decision {
  version: number;
  /** null = tombstone. */
  record: AnyRecord | null;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/**
 * Validates a page and reduces it to the newest change per record. Pure; no I/O.
 * Exported for the push half, which must treat server echoes the same way.
 */
export function decidePage(page: PullResponse): {
  byTable: Map<TableName, Map<string, Decision>>;
  invalid: number;
  unknownTable: number;
} {
  const byTable = new Map<TableName, Map<string, Decision>>();
  let invalid = 0;
  let unknownTable = 0;

  for (const change of page.changes as unknown[]) {
    if (!isObject(change)) {
      invalid++;
      continue;
    }
    const { table, id, version, deleted, data } = change;
    if (!isTableName(table)) {
      unknownTable++;
      continue;
    }
    if (typeof id !== 'string' || !Number.isSafeInteger(version) || (version as number) < 0) {
      invalid++;
      continue;
    }
    let record: AnyRecord | null = null;
    if (deleted !== true) {
      // A resident's page may lack references to what residents cannot see (PULL_SCHEMAS).
      const parsed = parseStored(table, data, PULL_SCHEMAS);
      if (!parsed.success || parsed.data.id !== id) {
        invalid++;
        continue;
      }
      // The envelope's version is the server's word; a record may carry a stale copy.
      if (!parsed.data.deleted) record = { ...parsed.data, version: version as number };
    }
    let rows = byTable.get(table);
    if (!rows) {
      rows = new Map();
      byTable.set(table, rows);
    }
    const seen = rows.get(id);
    if (!seen || seen.version <= (version as number))
      rows.set(id, { version: version as number, record });
  }
  return { byTable, invalid, unknownTable };
}

/** Outbox entries by `table/id`; empty (and read in one step) when nothing is pending. */
async function pendingByRecord(db: WegweiserDB): Promise<Map<string, OutboxEntry[]>> {
  const map = new Map<string, OutboxEntry[]>();
  if ((await db.outbox.count()) === 0) return map;
  for (const entry of await db.outbox.orderBy('seq').toArray()) {
    const key = `${entry.table}/${entry.recordId}`;
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }
  return map;
}

/**
 * The highest `version` among a table's rows, from its `version` index (one request instead
 * of reading every row of a page), or null when that proves nothing: no such index, or a
 * version that is not a number (such keys sort above all numbers). Rows whose version is not
 * a valid key are not in the index, and the stale rule ignores them too.
 */
async function newestLocalVersion(table: Table<AnyRecord, string>): Promise<number | null> {
  if (!table.schema.idxByName.version) return null;
  const newest = await table.orderBy('version').lastKey();
  if (newest === undefined) return Number.NEGATIVE_INFINITY;
  return typeof newest === 'number' ? newest : null;
}

interface TablePlan {
  name: TableName;
  table: Table<AnyRecord, string>;
  decisions: Map<string, Decision>;
  /** From newestLocalVersion: changes above it cannot be stale. */
  newest: number | null;
}

/**
 * Applies one pull page and its cursor in a single transaction: either the whole page and
 * the new cursor land, or neither does, so a crash or quota error mid-page re-pulls it.
 * Tombstones delete the local row (queries never see deleted records).
 *
 * Records with local edits still in the outbox are rebased, not clobbered: the server's copy
 * is taken with this device's pending values on top (their bases stay as they were, so the
 * push still detects a concurrent edit of the same field). A tombstone does not remove a
 * record with a pending edit; the push answers with a conflict the user resolves. Pending
 * edits the server's copy already contains (a push whose answer was lost) are done and
 * leave the outbox, so the record no longer says it waits.
 *
 * A local row is read only where it can change the outcome: a change no newer than the
 * table's newest local version (it might be stale), a tombstone (is there a row to delete?)
 * and a record with pending edits. On a first sync that is none of a page's rows, which
 * would otherwise cost one read each. Requests of one step go out together rather than one
 * table after the other; within the one transaction nobody sees an intermediate state.
 */
export async function applyPullPage(db: WegweiserDB, page: PullResponse): Promise<ApplyResult> {
  if (!isObject(page) || !Array.isArray(page.changes) || typeof page.cursor !== 'string') {
    throw new SyncError('invalid');
  }
  const tables = TABLE_NAMES.map((name) => db.table<AnyRecord, string>(name));
  return db.transaction('rw', [...tables, db.meta, db.outbox], async () => {
    // Asked first: the records are validated while IndexedDB answers (in another process).
    const named = new Set<unknown>();
    for (const c of page.changes as unknown[]) if (isObject(c)) named.add(c.table);
    const reads = Promise.all([
      pendingByRecord(db),
      Promise.all(tables.map((t, i) => (named.has(TABLE_NAMES[i]) ? newestLocalVersion(t) : null))),
    ]);
    const { byTable, invalid, unknownTable } = decidePage(page);
    const applied: ApplyResult = { upserted: 0, deleted: 0, invalid, stale: 0, unknownTable };
    const [pending, newestOf] = await reads;
    // Foreign-key order (TABLE_NAMES), kept for the writes below.
    const plans: TablePlan[] = [];
    TABLE_NAMES.forEach((name, i) => {
      const decisions = byTable.get(name);
      if (!decisions) return;
      const table = tables[i] as Table<AnyRecord, string>;
      plans.push({ name, table, decisions, newest: newestOf[i] ?? null });
    });
    const locals = await Promise.all(
      plans.map(async ({ name, table, decisions, newest }) => {
        const ids: string[] = [];
        for (const [id, d] of decisions) {
          if (newest === null || d.version <= newest || !d.record || pending.has(`${name}/${id}`))
            ids.push(id);
        }
        const rows = ids.length > 0 ? await table.bulkGet(ids) : [];
        const byId = new Map<string, AnyRecord>();
        ids.forEach((id, k) => {
          const row = rows[k];
          if (row) byId.set(id, row);
        });
        return byId;
      }),
    );
    const writes: Promise<unknown>[] = [];
    plans.forEach(({ name, table, decisions }, i) => {
      const current = locals[i] as Map<string, AnyRecord>;
      const puts: AnyRecord[] = [];
      const deletes: string[] = [];
      const settled: number[] = [];
      for (const [id, decision] of decisions) {
        const local = current.get(id);
        let mine = pending.get(`${name}/${id}`);
        if (mine && decision.record) {
          const done = settledCount(decision.record, mine);
          for (const e of mine.slice(0, done)) settled.push(e.seq as number);
          mine = done === mine.length ? undefined : mine.slice(done);
        }
        if (local && typeof local.version === 'number' && local.version > decision.version) {
          applied.stale++;
        } else if (mine && decision.record) {
          puts.push(overlayPending(decision.record, mine));
        } else if (mine && local && mine.some((e) => e.op !== 'delete')) {
          // Deleted on the server while edited here: keep it (and the tombstone's version,
          // so "restore mine" can build on it) until the user decides.
          puts.push({ ...local, version: decision.version });
        } else if (decision.record) {
          puts.push(decision.record);
        } else if (local) {
          deletes.push(id);
        }
      }
      if (settled.length > 0) writes.push(db.outbox.bulkDelete(settled));
      if (puts.length > 0) writes.push(table.bulkPut(puts));
      if (deletes.length > 0) writes.push(table.bulkDelete(deletes));
      applied.upserted += puts.length;
      applied.deleted += deletes.length;
    });
    writes.push(db.meta.put({ key: META_KEYS.cursor, value: page.cursor }));
    await Promise.all(writes);
    return applied;
  });
}
