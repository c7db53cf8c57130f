/**
 * Writing edits: every edit lands in its record table (the UI shows it at once, marked
 * "wartet auf Übertragung") and in the outbox, in ONE transaction, so the two never
 * disagree. The push (push.ts) later sends the outbox; nothing here talks to the network.
 */
import type { Table } from 'dexie';
import { validateRecord } from '../../protocol/check';
import type { FieldChange, FieldError } from '../../protocol/push';
import { sameValue } from '../../protocol/sameValue';
import { stripLocalFields } from '../db/offers';
import type { OutboxEntry, WegweiserDB } from '../db/schema';
import { requestPersistenceOnce } from '../db/storage';
import { TABLE_NAMES, type TableName } from '../model';
import { fieldsOfNewRecord, type MutationPayload, readPayload } from './outbox';
import { diffFields, foldFields } from './outboxEdit';
import { entriesOf, type Row, remarkRow } from './outboxRows';

export interface EditContext {
  db: WegweiserDB;
  /** Who edits; a change of user on a shared phone drops the other user's entries. */
  userEmail: string | null;
  now?: () => Date;
  newId?: () => string;
}

export type EditResult = { ok: true; queued: boolean } | { ok: false; errors: FieldError[] };

/** After a queued edit: from now on this device holds data that exists nowhere else. */
function afterEdit(db: WegweiserDB, table: TableName, result: EditResult): EditResult {
  // Referrals are sent at once and read back by no one; they are no reason to ask.
  if (result.ok && result.queued && table !== 'referrals') {
    void requestPersistenceOnce(db).catch(() => undefined);
  }
  return result;
}

const uuid = () => crypto.randomUUID();

function tableOf(db: WegweiserDB, table: TableName): Table<Row, string> {
  return db.table<Row, string>(table);
}

const remark = remarkRow;

function stripLocal(row: Row | undefined): Row | undefined {
  return row && stripLocalFields(row);
}

/**
 * Queues an insert or update of a whole record (as the editor's form has it). The record is
 * validated with the shared schema first: only valid data ever enters the outbox. Several
 * edits of one record before a push fold into one entry that keeps the first base.
 */
export async function queueUpsert(
  ctx: EditContext,
  table: TableName,
  record: Record<string, unknown> & { id: string },
): Promise<EditResult> {
  const { db } = ctx;
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  const t = tableOf(db, table);
  const result = await db.transaction('rw', [t, db.outbox], async (): Promise<EditResult> => {
    const current = stripLocal(await t.get(record.id));
    const candidate = {
      ...current,
      ...stripLocal(record as Row),
      version: current?.version ?? 0,
      updated_at: current?.updated_at ?? now,
      updated_by: current?.updated_by ?? null,
      deleted: false,
    };
    const checked = validateRecord(table, candidate);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const next = checked.record as Row;
    const fields = diffFields(current, next);
    if (current && Object.keys(fields).length === 0) return { ok: true, queued: false };

    const entries = await entriesOf(db, table, record.id);
    const last = entries.at(-1);
    const lastPayload = last ? readPayload(last) : null;
    const isCreate = !current || current.version === 0;
    if (
      last &&
      lastPayload &&
      last.op === 'upsert' &&
      (lastPayload.state === 'queued' || lastPayload.state === 'rejected')
    ) {
      const folded = foldFields(
        lastPayload.fields,
        fields,
        isCreate && lastPayload.baseVersion === 0,
      );
      if (folded) {
        const payload: MutationPayload = {
          baseVersion: lastPayload.baseVersion,
          fields: folded,
          state: 'queued',
        };
        // A corrected rejected edit is a new mutation: the server remembers the old id.
        const mutationId =
          lastPayload.state === 'rejected' ? (ctx.newId ?? uuid)() : last.mutationId;
        await db.outbox.put({ ...last, mutationId, payload });
      } else {
        await db.outbox.delete(last.seq as number);
      }
    } else {
      await db.outbox.add({
        mutationId: (ctx.newId ?? uuid)(),
        table,
        recordId: record.id,
        op: 'upsert',
        userEmail: ctx.userEmail,
        createdAt: now,
        payload: {
          baseVersion: current?.version ?? 0,
          fields,
          state: 'queued',
        } satisfies MutationPayload,
      });
    }
    await t.put(next);
    await remark(db, table, record.id);
    return { ok: true, queued: true };
  });
  return afterEdit(db, table, result);
}

/**
 * Queues a delete. The row stays, flagged deleted (queries hide it), until the server
 * confirms. A record that never reached the server simply disappears with its entries.
 */
export async function queueDelete(
  ctx: EditContext,
  table: TableName,
  id: string,
): Promise<EditResult> {
  const { db } = ctx;
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  const t = tableOf(db, table);
  const result = await db.transaction('rw', [t, db.outbox], () =>
    deleteInTransaction(ctx, table, id, now),
  );
  return afterEdit(db, table, result);
}

/**
 * Queues several deletes as one unit (the records of one domain operation, e.g. an offer
 * with its hours and contacts) in ONE transaction: all rows and entries are written, or
 * none. `collect` runs inside that transaction, so the records it finds and their deletes
 * are one snapshot (a schedule added meanwhile by another tab cannot slip between). It
 * returns them in the order the server should apply them. The entries carry one `unit`
 * and sit next to each other in the queue, so the push sends them together in one request
 * (outboxEdit.ts planBatch), which the server commits in one transaction.
 */
export async function queueDeleteUnit(
  ctx: EditContext,
  tables: readonly TableName[],
  collect: () => Promise<{ table: TableName; id: string }[]>,
): Promise<EditResult> {
  const { db } = ctx;
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  const unit = (ctx.newId ?? uuid)();
  const stores = tables.map((name) => tableOf(db, name));
  const result = await db.transaction('rw', [...stores, db.outbox], async () => {
    let queued = false;
    for (const r of await collect()) {
      const one = await deleteInTransaction(ctx, r.table, r.id, now, unit);
      queued ||= one.ok && one.queued;
    }
    return { ok: true, queued } satisfies EditResult;
  });
  return afterEdit(db, tables[0] ?? 'services', result);
}

/** The delete of one record, inside the caller's transaction (its table and the outbox). */
async function deleteInTransaction(
  ctx: EditContext,
  table: TableName,
  id: string,
  now: string,
  unit?: string,
): Promise<EditResult> {
  const { db } = ctx;
  const t = tableOf(db, table);
  const current = await t.get(id);
  if (!current || current.deleted === true) return { ok: true, queued: false };
  const entries = await entriesOf(db, table, id);
  const unsentOnly = entries.every((e) => readPayload(e).state === 'queued');
  if ((current.version ?? 0) === 0 && unsentOnly) {
    await db.outbox.bulkDelete(entries.map((e) => e.seq as number));
    await t.delete(id);
    return { ok: true, queued: false };
  }
  const last = entries.at(-1);
  const lastPayload = last ? readPayload(last) : null;
  const mootEdit = last && lastPayload?.state === 'queued' && last.op === 'upsert';
  if (mootEdit && !unit) {
    // The edit is moot; the delete takes its place (and its unsent mutationId).
    await db.outbox.put({
      ...last,
      op: 'delete',
      payload: { baseVersion: lastPayload.baseVersion, fields: {}, state: 'queued' },
    });
  } else {
    // A unit's entries stay next to each other: the moot edit (never sent) goes, and the
    // delete is appended with the unit.
    if (mootEdit) await db.outbox.delete(last.seq as number);
    await db.outbox.add({
      mutationId: (ctx.newId ?? uuid)(),
      table,
      recordId: id,
      op: 'delete',
      userEmail: ctx.userEmail,
      createdAt: now,
      payload: {
        baseVersion: mootEdit ? lastPayload.baseVersion : (current.version ?? 0),
        fields: {},
        state: 'queued',
      },
      ...(unit ? { unit } : {}),
    });
  }
  await t.put({ ...current, deleted: true });
  await remark(db, table, id);
  return { ok: true, queued: true };
}

/**
 * Appends an anonymous referral (Verweisberatung). Referrals are append-only: one create,
 * never changed. For the directory's "Weitergeben" (search helper) and tests.
 */
export async function queueReferral(
  ctx: EditContext,
  referral: Record<string, unknown> & { id: string },
): Promise<EditResult> {
  return queueUpsert(ctx, 'referrals', referral);
}

// ---------------------------------------------------------------------------------------
// Conflicts and rejected edits
// ---------------------------------------------------------------------------------------

export type FieldChoice = { kind: 'mine' } | { kind: 'theirs' } | { kind: 'edit'; value: unknown };

/**
 * Resolves a conflict entry. Each field gets mine, theirs or an edited value; the answer
 * becomes a NEW mutation whose base is the server's value, so it applies unless someone
 * changed the field yet again (then it is a new conflict, never a silent overwrite).
 */
export async function resolveConflict(
  ctx: EditContext,
  seq: number,
  choices: Record<string, FieldChoice>,
): Promise<EditResult> {
  const { db } = ctx;
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  const entry = await db.outbox.get(seq);
  if (!entry) return { ok: true, queued: false };
  const t = tableOf(db, entry.table);
  return db.transaction('rw', [t, db.outbox], async () => {
    const fresh = await db.outbox.get(seq);
    const payload = fresh ? readPayload(fresh) : null;
    if (!fresh || !payload || payload.state !== 'conflict') return { ok: true, queued: false };
    const row = await t.get(fresh.recordId);
    const conflicts = payload.conflicts ?? [];
    const serverVersion = payload.serverVersion ?? row?.version ?? 0;
    const add = (op: 'upsert' | 'delete', p: MutationPayload) =>
      db.outbox.add({
        mutationId: (ctx.newId ?? uuid)(),
        table: fresh.table,
        recordId: fresh.recordId,
        op,
        userEmail: ctx.userEmail,
        createdAt: now,
        payload: p,
      });

    const deletedConflict = conflicts.find((c) => c.field === 'deleted');
    if (deletedConflict) {
      const mine = choices.deleted?.kind !== 'theirs';
      await db.outbox.delete(seq);
      if (deletedConflict.server === true) {
        // They deleted, I edited.
        if (mine && row) {
          const restored = stripLocal({ ...row, deleted: false }) as Row;
          await add('upsert', {
            baseVersion: serverVersion,
            fields: fieldsOfNewRecord(restored),
            state: 'queued',
          });
          await t.put({ ...restored, version: serverVersion });
        } else {
          const others = await entriesOf(db, fresh.table, fresh.recordId);
          await db.outbox.bulkDelete(others.map((e) => e.seq as number));
          await t.delete(fresh.recordId);
          return { ok: true, queued: false };
        }
      } else if (mine) {
        // I deleted, they edited: delete their newer version on purpose.
        await add('delete', { baseVersion: serverVersion, fields: {}, state: 'queued' });
        if (row) await t.put({ ...row, deleted: true, version: serverVersion });
      } else if (row) {
        await t.put({ ...row, deleted: false });
      }
      await remark(db, fresh.table, fresh.recordId);
      return { ok: true, queued: mine };
    }

    const fields: Record<string, FieldChange> = {};
    const next: Row = { ...(row ?? { id: fresh.recordId }) };
    for (const c of conflicts) {
      const choice = choices[c.field] ?? { kind: 'mine' };
      const value =
        choice.kind === 'theirs' ? c.server : choice.kind === 'edit' ? choice.value : c.client;
      next[c.field] = value;
      if (!sameValue(value, c.server)) fields[c.field] = { base: c.server, value };
    }
    const checked = validateRecord(fresh.table, stripLocal(next));
    if (!checked.ok) return { ok: false, errors: checked.errors };
    await db.outbox.delete(seq);
    const queued = Object.keys(fields).length > 0;
    if (queued) await add('upsert', { baseVersion: serverVersion, fields, state: 'queued' });
    await t.put(next);
    await remark(db, fresh.table, fresh.recordId);
    return { ok: true, queued };
  });
}

/**
 * Gives up a rejected edit on the user's explicit request: the record goes back to what
 * the server had (the entry's bases); a record that never reached the server is removed.
 * An entry of a unit (an offer deleted with its hours and contacts) is given up with the
 * unit's other rejected entries, in one transaction, as they were queued: the offer never
 * comes back while its hours stay deleted on this device.
 */
export async function discardEntry(db: WegweiserDB, seq: number): Promise<void> {
  const entry = await db.outbox.get(seq);
  if (!entry) return;
  const tables = entry.unit
    ? TABLE_NAMES.map((name) => tableOf(db, name))
    : [tableOf(db, entry.table)];
  await db.transaction('rw', [...tables, db.outbox], async () => {
    const fresh = await db.outbox.get(seq);
    if (!fresh) return;
    const group = fresh.unit
      ? (await db.outbox.orderBy('seq').toArray()).filter(
          (e) => e.unit === fresh.unit && (e.seq === seq || readPayload(e).state === 'rejected'),
        )
      : [fresh];
    for (const e of group) await discardOne(db, e);
  });
}

async function discardOne(db: WegweiserDB, entry: OutboxEntry): Promise<void> {
  const t = tableOf(db, entry.table);
  const payload = readPayload(entry);
  await db.outbox.delete(entry.seq as number);
  const row = await t.get(entry.recordId);
  if (!row) return;
  if ((row.version ?? 0) === 0 && payload.baseVersion === 0) {
    const others = await entriesOf(db, entry.table, entry.recordId);
    if (others.length === 0) await t.delete(entry.recordId);
    return;
  }
  const next: Row = { ...row };
  if (entry.op === 'delete') next.deleted = false;
  else for (const [k, change] of Object.entries(payload.fields)) next[k] = change.base ?? null;
  await t.put(next);
  await remark(db, entry.table, entry.recordId);
}
