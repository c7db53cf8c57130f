import * as z from 'zod/mini';
import type { Visibility } from './meta';
import { type ForeignKey, REFERENCES } from './references';
import { type AnyRecord, TABLE_NAMES, TABLE_SCHEMAS, type TableName } from './tables';

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

/**
 * Every field by which a pulled record names another record, except an offer child's
 * `service_id` (such a child is hidden whole unless its offer is visible); referrals are
 * never pulled. Residents must not learn the id of a record they cannot see, so an anonymous
 * pull removes a reference whose target is not public, deleted or unknown: a single one
 * becomes null, a list loses that element. A target is never an offer child, so whether
 * residents see it depends on the target alone.
 */
export const HIDDEN_REFERENCES = REFERENCES.filter(
  (r): r is Exclude<ForeignKey, { table: 'referrals' } | { field: 'service_id' }> =>
    r.table !== 'referrals' && r.field !== 'service_id',
);

/**
 * The schemas a pulled record is checked with: those of TABLE_SCHEMAS, except that a single
 * reference may be null, because it is for a resident whose pull removed it (a required one
 * must still be present). The types stay those of TABLE_SCHEMAS: readers look a reference up
 * by id and treat a miss as "none", as they must for a record not pulled yet; only a Dexie
 * `get` or `where().equals()` refuses a null key, so those check it first.
 */
export const PULL_SCHEMAS = Object.fromEntries(
  TABLE_NAMES.map((table) => {
    const single = HIDDEN_REFERENCES.filter((r) => r.table === table && !r.many);
    const schema = TABLE_SCHEMAS[table] as typeof TABLE_SCHEMAS.services;
    if (single.length === 0) return [table, schema];
    const shape = schema.shape as Record<string, z.ZodMiniType>;
    const nullable = Object.fromEntries(
      single.map((r) => [r.field, z.nullable(shape[r.field] as z.ZodMiniType)]),
    );
    return [table, z.extend(schema, nullable)];
  }),
) as unknown as typeof TABLE_SCHEMAS;
