/**
 * Pure rules for building and sending edits: field diffs, folding several edits of one
 * record, the wire form and batching. Apart from outbox.ts because these need the protocol
 * module (sameValue), which the start bundle does without.
 */
import type { FieldChange, MutationInput } from '../../protocol/push';
import { sameValue } from '../../protocol/sameValue';
import { LOCAL_FIELDS } from '../db/offers';
import type { OutboxEntry } from '../db/schema';
import { fieldsOfNewRecord, isPushable, NOT_SENT_FIELDS, readPayload } from './outbox';

const SERVER_FIELD_SET = NOT_SENT_FIELDS;

/**
 * The field changes from `current` (what this device shows now) to `next`. `base` is the
 * value shown now: for a field without a pending edit that is the server's value.
 */
export function diffFields(
  current: Record<string, unknown> | null | undefined,
  next: Record<string, unknown>,
): Record<string, FieldChange> {
  if (!current) return fieldsOfNewRecord(next);
  const fields: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
  for (const k of keys) {
    if (SERVER_FIELD_SET.has(k) || LOCAL_FIELDS.has(k)) continue;
    if (!(k in next)) continue;
    if (!sameValue(current[k], next[k])) {
      fields[k] = { base: current[k] ?? null, value: next[k] ?? null };
    }
  }
  return fields;
}

/**
 * Folds a later edit into a queued one. A field edited twice keeps the FIRST base (what the
 * server had), so the server can still detect a concurrent edit; a field edited back to its
 * base drops out. Returns null when nothing is left to send.
 */
export function foldFields(
  earlier: Record<string, FieldChange>,
  later: Record<string, FieldChange>,
  isCreate: boolean,
): Record<string, FieldChange> | null {
  const fields: Record<string, FieldChange> = { ...earlier };
  for (const [k, change] of Object.entries(later)) {
    const prev = earlier[k];
    fields[k] = prev ? { base: prev.base, value: change.value } : change;
  }
  // A new record must carry every field it has; an edit only what differs from the server.
  if (isCreate) return fields;
  for (const [k, change] of Object.entries(fields)) {
    if (sameValue(change.base, change.value)) delete fields[k];
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

/** The wire form of an entry. */
export function toMutation(entry: OutboxEntry, payload = readPayload(entry)): MutationInput {
  return {
    mutationId: entry.mutationId,
    table: entry.table,
    id: entry.recordId,
    op: entry.op,
    baseVersion: payload.baseVersion,
    fields: entry.op === 'delete' ? {} : payload.fields,
  };
}

/**
 * Picks what goes into one request: pushable entries in queue order, at most one per record
 * (a second entry of the same record waits for the first one's answer, whose new version
 * becomes its base; otherwise a delete queued behind my own edit would conflict with it).
 *
 * The entries of a unit (OutboxEntry.unit) travel together: all of its pushable entries in
 * this request, or none of them. A unit waits while one of its records still has an earlier
 * entry to send; one that does not fit into what is left of `max` goes first into the next
 * request; one larger than `max` goes alone (push.ts refuses one that no request can hold).
 */
export function planBatch(entries: readonly OutboxEntry[], max: number): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  const seen = new Set<string>();
  const units = new Set<string>();
  const key = (e: OutboxEntry) => `${e.table}/${e.recordId}`;
  const pushable = entries.filter((e) => isPushable(readPayload(e)));
  for (const entry of pushable) {
    if (entry.unit === undefined) {
      if (seen.has(key(entry))) continue;
      seen.add(key(entry));
      batch.push(entry);
    } else {
      if (units.has(entry.unit)) continue;
      units.add(entry.unit);
      const members = pushable.filter((e) => e.unit === entry.unit);
      const blocked = members.some((m) => seen.has(key(m)));
      for (const m of members) seen.add(key(m));
      if (blocked) continue;
      if (batch.length > 0 && batch.length + members.length > max) break;
      batch.push(...members);
    }
    if (batch.length >= max) break;
  }
  return batch;
}

/** True when `batch` cannot be made smaller: one entry, or the entries of one unit. */
export function isIndivisible(batch: readonly OutboxEntry[]): boolean {
  const unit = batch[0]?.unit;
  return batch.length <= 1 || (unit !== undefined && batch.every((e) => e.unit === unit));
}
