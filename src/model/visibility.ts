import type { Visibility } from './meta';
import type { AnyRecord, TableName } from './tables';

/**
 * Records that belong to an offer (Service) through `service_id`. A resident may see one only
 * while both it and its offer are public and not deleted: a public Sprechstunde or contact
 * of an internal offer would otherwise reveal that offer, and unpublishing an offer would
 * leave its contact's phone number out in the open. An offer's `status` (paused, ended) does
 * not hide its children: residents get paused and ended offers too, with their status.
 * A contact without `service_id` belongs to no offer and follows only its own visibility.
 */
export const OFFER_TABLE = 'services' satisfies TableName;
export const OFFER_CHILD_TABLES = ['schedules', 'contacts'] as const satisfies readonly TableName[];
export type OfferChildTable = (typeof OFFER_CHILD_TABLES)[number];

export function isOfferChildTable(table: TableName): table is OfferChildTable {
  return (OFFER_CHILD_TABLES as readonly TableName[]).includes(table);
}

type VisibilityFields = Pick<AnyRecord, 'visibility' | 'deleted'>;

const ownPublic = (r: VisibilityFields) => r.visibility === 'public' && !r.deleted;

/**
 * The rule, for a record of `table` and, for an offer's child, its offer as far as known
 * (`undefined` = no such offer). server/visibility.ts states the same rule in SQL.
 */
export function isPublicRecord(
  table: TableName,
  record: VisibilityFields & { service_id?: string | null },
  offer: VisibilityFields | undefined,
): boolean {
  if (!ownPublic(record)) return false;
  if (!isOfferChildTable(table) || record.service_id == null) return true;
  return offer !== undefined && ownPublic(offer);
}

/**
 * Visibility a new schedule or contact starts with: that of its offer, so that a record
 * added to an internal offer does not turn public by itself when the offer is published.
 */
export function childVisibility(offer: VisibilityFields | undefined): Visibility {
  return offer !== undefined && !ownPublic(offer) ? 'internal' : 'public';
}
