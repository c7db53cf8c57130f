/**
 * Push half of the sync: sends the outbox (POST /api/sync/push) and records each answer.
 *
 * Never loses or doubles an edit:
 * - entries are marked `sent` in a committed transaction BEFORE the request, and a sent
 *   entry never changes again; if the answer is lost it is sent again with the same
 *   mutationId and the server answers `duplicate` with the original outcome;
 * - an entry only leaves the outbox when the server confirmed it (applied / duplicate);
 * - conflicts and rejections stay in the outbox for the user.
 */

import {
  type FieldError,
  MAX_MUTATIONS_PER_PUSH,
  PushResponse,
  type PushResult,
} from '../../protocol/push';
import type { OutboxEntry, WegweiserDB } from '../db/schema';
import { TABLE_NAMES, type TableName } from '../model';
import { isAbort, readJson, SyncError, toSyncError } from './errors';
import { type MutationPayload, readPayload } from './outbox';
import { isIndivisible, planBatch, toMutation } from './outboxEdit';
import { type Row, remarkRow } from './outboxRows';
import type { FetchLike } from './pull';

export interface PushOptions {
  db: WegweiserDB;
  fetch: FetchLike;
  baseUrl: string;
  clientId: string;
  /** Bearer token of the signed-in user. */
  token: string;
  /** Only this user's entries (and anonymous ones) are pushed with this token. */
  userEmail: string | null;
  signal?: AbortSignal;
  batchSize?: number;
}

export interface PushSummary {
  sent: number;
  applied: number;
  conflicts: number;
  rejected: number;
}

/** A server that never answers some mutation must not keep the loop going. */
const MAX_ROUNDS = 200;

function pushUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/sync/push`;
}

function belongsTo(entry: OutboxEntry, userEmail: string | null): boolean {
  return entry.userEmail === null || entry.userEmail === userEmail;
}

async function markSent(db: WegweiserDB, batch: OutboxEntry[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const entry of batch) {
      const fresh = await db.outbox.get(entry.seq as number);
      if (!fresh) continue;
      const payload = readPayload(fresh);
      if (payload.state === 'queued') {
        await db.outbox.put({ ...fresh, payload: { ...payload, state: 'sent' } });
      }
    }
  });
}

async function post(opts: PushOptions, batch: OutboxEntry[]): Promise<Response> {
  const body = JSON.stringify({
    clientId: opts.clientId,
    mutations: batch.map((e) => toMutation(e)),
  });
  try {
    return await opts.fetch(pushUrl(opts.baseUrl), {
      method: 'POST',
      signal: opts.signal,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${opts.token}`,
      },
      body,
      cache: 'no-store',
    });
  } catch (e) {
    if (isAbort(e, opts.signal)) throw e;
    throw new SyncError('network', { cause: e });
  }
}

/** Records the server's answers for one batch in one transaction. Exported for tests. */
export async function applyPushResults(
  db: WegweiserDB,
  batch: readonly OutboxEntry[],
  results: readonly PushResult[],
): Promise<Omit<PushSummary, 'sent'>> {
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  const summary = { applied: 0, conflicts: 0, rejected: 0 };
  const tables = TABLE_NAMES.map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.outbox], async () => {
    const touched = new Map<string, { table: TableName; id: string }>();
    for (const sent of batch) {
      const result = byId.get(sent.mutationId);
      const entry = await db.outbox.get(sent.seq as number);
      // No answer for it: it stays `sent` and goes out again with the same id.
      if (!result || !entry || entry.mutationId !== sent.mutationId) continue;
      const payload = readPayload(entry);
      const status =
        result.status === 'duplicate' ? (result.originalStatus ?? 'applied') : result.status;
      const table = db.table<Row, string>(entry.table);
      const row = await table.get(entry.recordId);
      touched.set(`${entry.table}/${entry.recordId}`, { table: entry.table, id: entry.recordId });

      if (status === 'applied') {
        summary.applied++;
        await db.outbox.delete(entry.seq as number);
        if (typeof result.version === 'number') {
          await rebaseFollowers(db, entry, payload.baseVersion, result.version);
          if (row && (row.version ?? 0) < result.version) {
            await table.put({ ...row, version: result.version });
          }
        }
        if (entry.op === 'delete' && row) {
          const rest = await followers(db, entry);
          if (rest.length === 0) await table.delete(entry.recordId);
        }
      } else if (status === 'conflict') {
        summary.conflicts++;
        const conflicts = result.conflicts ?? [];
        const conflicting = new Set(conflicts.map((c) => c.field));
        // The other fields of the mutation were applied; only the contested ones remain.
        const fields = Object.fromEntries(
          Object.entries(payload.fields).filter(([k]) => conflicting.has(k)),
        );
        const next: MutationPayload = {
          baseVersion: payload.baseVersion,
          fields,
          state: 'conflict',
          conflicts,
        };
        if (typeof result.version === 'number') next.serverVersion = result.version;
        await db.outbox.put({ ...entry, payload: next });
        if (row && typeof result.version === 'number' && (row.version ?? 0) < result.version) {
          await table.put({ ...row, version: result.version });
        }
      } else {
        summary.rejected++;
        await db.outbox.put({
          ...entry,
          payload: {
            baseVersion: payload.baseVersion,
            fields: payload.fields,
            state: 'rejected',
            errors: result.errors ?? [],
          } satisfies MutationPayload,
        });
      }
    }
    for (const { table, id } of touched.values()) await remarkRow(db, table, id);
  });
  return summary;
}

async function followers(db: WegweiserDB, entry: OutboxEntry): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('recordId').equals(entry.recordId).toArray();
  return rows.filter((e) => e.table === entry.table && e.seq !== entry.seq);
}

/**
 * Later entries of the same record were based on the version my applied mutation replaced;
 * they now build on its result (else my own edit would count as a concurrent one).
 */
async function rebaseFollowers(
  db: WegweiserDB,
  entry: OutboxEntry,
  baseVersion: number,
  version: number,
): Promise<void> {
  for (const f of await followers(db, entry)) {
    const p = readPayload(f);
    if (p.state !== 'sent' && p.baseVersion <= baseVersion && p.baseVersion < version) {
      await db.outbox.put({ ...f, payload: { ...p, baseVersion: version } });
    }
  }
}

/**
 * Marks entries the server can never take as rejected (e.g. too large for any request),
 * so they do not block the queue; the user sees them with the reason. A unit is given up
 * as a whole, in one transaction, like it was queued.
 */
async function rejectLocally(
  db: WegweiserDB,
  entries: readonly OutboxEntry[],
  error: FieldError,
): Promise<void> {
  await db.transaction('rw', [db.outbox, ...TABLE_NAMES.map((n) => db.table(n))], async () => {
    for (const entry of entries) {
      const fresh = await db.outbox.get(entry.seq as number);
      if (!fresh) continue;
      const payload = readPayload(fresh);
      await db.outbox.put({
        ...fresh,
        payload: {
          ...payload,
          state: 'rejected',
          errors: [error],
        },
      });
      await remarkRow(db, fresh.table, fresh.recordId);
    }
  });
}

/**
 * Shown through its key (fieldErrorText); this module runs in the data worker, which has
 * no catalogues, so the error carries its code where a text would be.
 */
const TOO_LARGE: FieldError = {
  field: '',
  code: 'too_large',
  key: 'tooLargeToSend',
  message: 'too_large',
};

/**
 * Pushes until nothing pushable of this user is left. Rejects with a SyncError (`auth` on
 * 401: the caller asks the user to log in again; the outbox is untouched).
 */
export async function pushOutbox(opts: PushOptions): Promise<PushSummary> {
  const { db } = opts;
  let size = Math.min(opts.batchSize ?? 100, MAX_MUTATIONS_PER_PUSH);
  const summary: PushSummary = { sent: 0, applied: 0, conflicts: 0, rejected: 0 };
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const all = (await db.outbox.orderBy('seq').toArray()).filter((e) =>
        belongsTo(e, opts.userEmail),
      );
      const batch = planBatch(all, size);
      if (batch.length === 0) break;
      // A unit is never split, so one that no request may hold cannot be sent at all.
      if (batch.length > MAX_MUTATIONS_PER_PUSH) {
        await rejectLocally(db, batch, TOO_LARGE);
        continue;
      }
      await markSent(db, batch);
      const res = await post(opts, batch);
      if (res.status === 401) throw new SyncError('auth', { status: 401 });
      if (res.status === 413) {
        if (!isIndivisible(batch)) {
          size = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        await rejectLocally(db, batch, TOO_LARGE);
        continue;
      }
      if (!res.ok) throw new SyncError('server', { status: res.status });
      const parsed = PushResponse.safeParse(await readJson(res, opts.signal));
      if (!parsed.success) throw new SyncError('invalid');
      opts.signal?.throwIfAborted();
      const outcome = await applyPushResults(db, batch, parsed.data.results).catch((e: unknown) => {
        throw toSyncError(e);
      });
      summary.sent += batch.length;
      summary.applied += outcome.applied;
      summary.conflicts += outcome.conflicts;
      summary.rejected += outcome.rejected;
      const answered = outcome.applied + outcome.conflicts + outcome.rejected;
      // Nothing answered: the same batch would come round again forever.
      if (answered === 0) throw new SyncError('invalid');
    }
    return summary;
  } catch (e) {
    if (isAbort(e, opts.signal)) throw e;
    throw toSyncError(e);
  }
}
