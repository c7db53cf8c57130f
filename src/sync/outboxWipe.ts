/**
 * Shared phones: what the next person must not see goes before they sign in (or when the
 * last one signs out). Loaded with the sign-in code, not at start.
 */
import { META_KEYS, type WegweiserDB } from '../db/schema';
import {
  type AnyRecord,
  isOfferChildTable,
  isPublicRecord,
  OFFER_TABLE,
  type Service,
  TABLE_NAMES,
  type TableName,
} from '../model';
import { readOutbox } from './outboxRead';

export interface WipeResult {
  entries: number;
  internal: number;
  /** Rows dropped because they held another user's unsent values; the cursor was reset. */
  reverted: number;
}

/**
 * Removes what the next person on this phone must not see: every outbox entry that does not
 * belong to `keep` (anonymous entries stay) and, when `dropInternal`, every record residents
 * may not see (internal ones, and the schedules and contacts of internal offers).
 * A row that showed a wiped edit is deleted and the pull cursor reset, so the next pull
 * brings the server's copy back (base values could be stale after a rebase).
 */
export async function wipeForUser(
  db: WegweiserDB,
  keep: string | null,
  dropInternal: boolean,
): Promise<WipeResult> {
  const tables = TABLE_NAMES.map((name) => db.table(name));
  return db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    const all = await readOutbox(db);
    const wiped = all.filter((e) => e.userEmail !== null && e.userEmail !== keep);
    await db.outbox.bulkDelete(wiped.map((e) => e.seq as number));
    const result: WipeResult = { entries: wiped.length, internal: 0, reverted: 0 };
    const touched = new Map<TableName, Set<string>>();
    for (const e of wiped) {
      const set = touched.get(e.table) ?? new Set<string>();
      set.add(e.recordId);
      touched.set(e.table, set);
    }
    for (const name of TABLE_NAMES) {
      const t = db.table(name);
      const ids = [...(touched.get(name) ?? [])];
      if (ids.length > 0) {
        await t.bulkDelete(ids);
        result.reverted += ids.length;
      }
      if (dropInternal) {
        // Tables come in foreign-key order, so the offers left here are the public ones.
        const offers = isOfferChildTable(name)
          ? new Map((await db.table<Service, string>(OFFER_TABLE).toArray()).map((s) => [s.id, s]))
          : undefined;
        const internal = await t
          .filter((r) => {
            const rec = r as AnyRecord & { service_id?: string | null };
            return !isPublicRecord(name, rec, offers?.get(rec.service_id ?? ''));
          })
          .primaryKeys();
        await t.bulkDelete(internal);
        result.internal += internal.length;
      }
    }
    if (result.reverted > 0) await db.meta.delete(META_KEYS.cursor);
    // The cursor no longer stands for the internal records just removed: the next pull
    // with a token starts again from scratch (session.ts alignCursorScope).
    if (dropInternal) await db.meta.bulkDelete([META_KEYS.cursorScope, META_KEYS.referralStats]);
    return result;
  });
}
