/**
 * Reading the outbox. Apart from outboxDb.ts (the editor's writes, which validate with the
 * shared schemas) so the start bundle, which needs it for the status line, stays small.
 */
import type { OutboxEntry, WegweiserDB } from '../db/schema';
import type { TableName } from '../model';
import { type OutboxSummary, summarize } from './outbox';
import { entriesOf } from './outboxRows';

// ---------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------

/** All entries in queue order. The outbox is small (a few edits), so this reads it whole. */
export async function readOutbox(db: WegweiserDB): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').toArray();
}

export async function outboxSummary(
  db: WegweiserDB,
  userEmail?: string | null,
): Promise<OutboxSummary> {
  const entries = await readOutbox(db);
  return summarize(
    userEmail === undefined ? entries : entries.filter((e) => e.userEmail === userEmail),
  );
}

/** Entries of one record (for the "wartet auf Übertragung" marker and the editor). */
export async function recordEntries(
  db: WegweiserDB,
  table: TableName,
  id: string,
): Promise<OutboxEntry[]> {
  return entriesOf(db, table, id);
}

/** Unsent entries (anything not yet confirmed by the server) that `keep` does not own. */
export async function unsentOfOthers(db: WegweiserDB, keep: string | null): Promise<number> {
  const entries = await readOutbox(db);
  return entries.filter((e) => e.userEmail !== null && e.userEmail !== keep).length;
}
