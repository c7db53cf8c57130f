/**
 * The outbox as data: what a queued edit looks like and how edits of one record combine.
 * Pure (no Dexie, no fetch), so the rules that decide "no edit is lost or sent twice" can be
 * tested on their own. The I/O around it lives in outboxDb.ts and push.ts.
 */
import type { FieldChange, FieldConflict, FieldError } from '../../protocol/push';
import { sameValue } from '../../protocol/sameValue';
import { LOCAL_FIELDS } from '../db/offers';
import type { OutboxEntry } from '../db/schema';
import type { TableName } from '../model';

/**
 * - queued: waits for the next push; later edits of the same record are folded into it.
 * - sent: went out in a request that has not been answered yet. It is retried with the same
 *   mutationId (the server answers `duplicate` if it already committed it), so it must
 *   never change again: later edits get a new entry.
 * - conflict: the server kept its value for some fields; the user decides (/konflikte).
 * - rejected: the server refused it (validation, rights); kept for correction, never
 *   dropped silently.
 */
export type OutboxState = 'queued' | 'sent' | 'conflict' | 'rejected';

/** What `OutboxEntry.payload` holds for every entry this module writes. */
export interface MutationPayload {
  baseVersion: number;
  fields: Record<string, FieldChange>;
  state: OutboxState;
  /** For `conflict`: the fields both sides changed (server value, mine, my base). */
  conflicts?: FieldConflict[];
  /** For `rejected`: why, in German, per field. */
  errors?: FieldError[];
  /** Server version the answer reported (a tombstone's version for a 'deleted' conflict). */
  serverVersion?: number;
}

export type MutationEntry = OutboxEntry & { payload: MutationPayload };

/** Local-only marker on a record row while it has unsent or unresolved edits. */
export type LocalState = 'pending' | 'conflict' | 'rejected';

export interface LocalMarks {
  local_state?: LocalState;
}

/**
 * protocol/push.ts SERVER_FIELDS. Spelled out rather than imported: this module stays free
 * of zod, which protocol/push.ts needs for the wire schemas.
 * tests/unit/outbox.test.ts checks that the two lists agree.
 */
export const NOT_SENT_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'version',
  'updated_at',
  'updated_by',
  'deleted',
]);
const SERVER_FIELD_SET = NOT_SENT_FIELDS;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const FIELD_STATES: ReadonlySet<string> = new Set(['queued', 'sent', 'conflict', 'rejected']);

/**
 * Reads any entry's payload as a mutation payload. Entries written by other modules (e.g. a
 * referral written as a whole record) are understood too: a record becomes a create.
 */
export function readPayload(entry: OutboxEntry): MutationPayload {
  const p = entry.payload;
  if (isObject(p) && isObject(p.fields) && typeof p.baseVersion === 'number') {
    return {
      ...(p as unknown as MutationPayload),
      state: FIELD_STATES.has(p.state as string) ? (p.state as OutboxState) : 'queued',
    };
  }
  // A whole record (or `{ record }`): a new record, every field from nothing to its value.
  const record = isObject(p) && isObject(p.record) ? p.record : isObject(p) ? p : {};
  return { baseVersion: 0, fields: fieldsOfNewRecord(record), state: 'queued' };
}

/** Every editable field of a new record, based on nothing. */
export function fieldsOfNewRecord(record: Record<string, unknown>): Record<string, FieldChange> {
  const fields: Record<string, FieldChange> = {};
  for (const [k, v] of Object.entries(record)) {
    if (SERVER_FIELD_SET.has(k) || LOCAL_FIELDS.has(k) || v === undefined) continue;
    fields[k] = { base: null, value: v };
  }
  return fields;
}

/** True for entries the next push sends (queued, or sent without an answer yet). */
export function isPushable(payload: MutationPayload): boolean {
  return payload.state === 'queued' || payload.state === 'sent';
}

/**
 * The local view of a record: the server's copy with this device's pending values on top,
 * in queue order. Used when a pull brings a record that has unsent edits (a rebase: the
 * edits stay, their bases stay, so the push still detects a conflict).
 */
export function overlayPending<T extends Record<string, unknown>>(
  server: T,
  entries: readonly OutboxEntry[],
): T & LocalMarks {
  const row: Record<string, unknown> = { ...server };
  let state: LocalState | undefined;
  for (const entry of entries) {
    const payload = readPayload(entry);
    if (entry.op === 'delete') row.deleted = true;
    else for (const [k, change] of Object.entries(payload.fields)) row[k] = change.value;
    state = strongest(state, markFor(payload.state));
  }
  if (state) row.local_state = state;
  return row as T & LocalMarks;
}

/**
 * How many of a record's entries (from the front of the queue) the server's copy already
 * contains: unanswered edits whose every value it has, e.g. a push whose answer was lost.
 * Sending them again would change nothing, so they are done. Only a leading run counts: a
 * later entry may depend on an earlier one that has not arrived (edit, then edit back).
 */
export function settledCount(
  server: Record<string, unknown>,
  entries: readonly OutboxEntry[],
): number {
  let n = 0;
  for (const entry of entries) {
    const payload = readPayload(entry);
    if (entry.op !== 'upsert' || !isPushable(payload)) break;
    const fields = Object.entries(payload.fields);
    if (!fields.every(([k, change]) => sameValue(server[k], change.value))) break;
    n++;
  }
  return n;
}

/** The marker an entry in `state` puts on its record. */
export function markFor(state: OutboxState): LocalState {
  return state === 'conflict' ? 'conflict' : state === 'rejected' ? 'rejected' : 'pending';
}

const RANK: Record<LocalState, number> = { pending: 1, rejected: 2, conflict: 3 };

/** The marker to show when a record has several entries: the one that needs the user most. */
export function strongest(
  a: LocalState | undefined,
  b: LocalState | undefined,
): LocalState | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export interface OutboxSummary {
  /** Waiting for a push (queued or sent). */
  pending: number;
  conflicts: number;
  rejected: number;
}

export function summarize(entries: readonly OutboxEntry[]): OutboxSummary {
  const s: OutboxSummary = { pending: 0, conflicts: 0, rejected: 0 };
  for (const e of entries) {
    const state = readPayload(e).state;
    if (state === 'conflict') s.conflicts++;
    else if (state === 'rejected') s.rejected++;
    else s.pending++;
  }
  return s;
}

/** Key of a record across tables. */
export const recordKey = (table: TableName, id: string) => `${table}/${id}`;
