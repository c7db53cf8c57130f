/** Small shared steps of outboxDb.ts and push.ts: a record's entries and its marker. */
import type { OutboxEntry, WegweiserDB } from '../db/schema';
import type { TableName } from '../model';
import { type LocalState, markFor, readPayload, strongest } from './outbox';

export type Row = Record<string, unknown> & {
  id: string;
  version?: number;
  local_state?: LocalState;
};

/** The outbox entries of one record, in queue order. */
export async function entriesOf(
  db: WegweiserDB,
  table: TableName,
  id: string,
): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('recordId').equals(id).toArray();
  return rows.filter((e) => e.table === table).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** Sets the row's marker from its remaining entries (removes it when none are left). */
export async function remarkRow(db: WegweiserDB, table: TableName, id: string): Promise<void> {
  const t = db.table<Row, string>(table);
  const row = await t.get(id);
  if (!row) return;
  let state: LocalState | undefined;
  for (const e of await entriesOf(db, table, id)) {
    state = strongest(state, markFor(readPayload(e).state));
  }
  if (row.local_state === state) return;
  const next = { ...row };
  if (state) next.local_state = state;
  else delete next.local_state;
  await t.put(next);
}
