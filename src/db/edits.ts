/**
 * Domain write operations: what the screens call to change data. Components never write
 * Dexie rows themselves; they call one of these.
 *
 * They live here, in the data layer, because what belongs to a record is a data rule (an
 * offer's own hours and contacts are the rows whose `service_id` names it). How one record's
 * change becomes a row plus an outbox entry in one transaction is the outbox's business
 * (src/sync/outboxDb.ts); these operations compose those steps, they do not repeat them.
 */
import type { TableName } from '../model';
import { keptTranslations, type Translations } from '../model/translated';
import { berlinDate } from '../schedule/tz';
import {
  type EditContext,
  type EditResult,
  queueDelete,
  queueDeleteUnit,
  queueUpsert,
} from '../sync/outboxDb';

/**
 * Saves a record as an editor's form has it (a new one, or changed fields): validated with
 * the shared schema, shown at once and queued for the push, in one transaction. A language
 * added without any text is not kept (keptTranslations).
 */
export async function saveRecord(
  ctx: EditContext,
  table: TableName,
  record: Record<string, unknown> & { id: string },
): Promise<EditResult> {
  if (!('translations' in record)) return queueUpsert(ctx, table, record);
  const translations = keptTranslations(record.translations as Translations | undefined);
  return queueUpsert(ctx, table, { ...record, translations });
}

/** Tables whose records own nothing, so deleting one is deleting that row alone. */
export type LeafTable = Exclude<TableName, 'services' | 'referrals'>;

/**
 * Deletes a provider, place, schedule or contact. An offer owns its hours and contacts and
 * goes through deleteOffer; referrals are never deleted. A provider's or place's offers
 * keep their (now dangling) reference, as on the server, which drops it for residents.
 */
export async function deleteRecord(
  ctx: EditContext,
  table: LeafTable,
  id: string,
): Promise<EditResult> {
  return queueDelete(ctx, table, id);
}

/**
 * Deletes an offer with its schedules and its own contacts (a provider's contacts, which
 * name no offer, stay) in ONE transaction, queued as ONE outbox unit: a closed tab leaves
 * everything or nothing, and the push sends the unit in one request, which the server
 * commits in one transaction (all of it processed, or none: a retry repeats all of it).
 *
 * The server still decides each mutation on its own. A delete conflicts when someone else
 * changed that record since this device saw it; the others are applied. The device then
 * shows what the server has: applied rows are gone, a conflicting one stays (marked deleted
 * and "Konflikt") until a person decides on /konflikte, "delete anyway" or "keep theirs".
 * Keeping an edited schedule or contact leaves it without its offer (residents no longer
 * receive it: src/model/visibility.ts); keeping an edited offer brings it back without the
 * hours and contacts that were deleted. Nothing is overwritten silently either way.
 */
export async function deleteOffer(ctx: EditContext, id: string): Promise<EditResult> {
  const { db } = ctx;
  const tables: TableName[] = ['schedules', 'contacts', 'services'];
  return queueDeleteUnit(ctx, tables, async () => {
    const [schedules, contacts] = await Promise.all([
      db.schedules.where('service_id').equals(id).primaryKeys(),
      db.contacts.where('service_id').equals(id).primaryKeys(),
    ]);
    // What depends on the offer first, the offer last, as a database cascade would.
    return [
      ...schedules.map((sid) => ({ table: 'schedules' as const, id: sid })),
      ...contacts.map((cid) => ({ table: 'contacts' as const, id: cid })),
      { table: 'services', id },
    ];
  });
}

/**
 * "Geprüft": a coordinator confirms an offer as it stands today. Only `assured_date`
 * changes, to today's date in Berlin, queued like any other edit.
 */
export async function markAssured(ctx: EditContext, id: string): Promise<EditResult> {
  const today = berlinDate((ctx.now ?? (() => new Date()))());
  return queueUpsert(ctx, 'services', { id, assured_date: today });
}
