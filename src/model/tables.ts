import type * as z from 'zod/mini';
import { maskDisguisingCharacters } from './meta';
import { Contact, LocalTerm, Location, Organization, Referral, Schedule, Service } from './records';

/** Every synced table, by its wire name. The order is the order of foreign keys. */
export const TABLE_SCHEMAS = {
  organizations: Organization,
  locations: Location,
  services: Service,
  schedules: Schedule,
  contacts: Contact,
  referrals: Referral,
  local_terms: LocalTerm,
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

export type RecordOf<T extends TableName> = z.infer<(typeof TABLE_SCHEMAS)[T]>;
export type AnyRecord = RecordOf<TableName>;

export function isTableName(x: unknown): x is TableName {
  return typeof x === 'string' && Object.hasOwn(TABLE_SCHEMAS, x);
}

/**
 * Parses a record as the server stored it. One saved before text fields refused control and
 * direction characters fails the schema; it is parsed again with those characters masked
 * (newlines and tabs only in the fields that refuse them), so it is not lost on the device.
 */
export function parseStored<T extends TableName>(
  table: T,
  data: unknown,
  schemas: typeof TABLE_SCHEMAS = TABLE_SCHEMAS,
) {
  const schema = schemas[table];
  const first = schema.safeParse(data);
  if (first.success || typeof data !== 'object' || data === null || Array.isArray(data)) {
    return first;
  }
  const masked = maskDisguisingCharacters(data as Record<string, unknown>, () => false);
  const lenient = schema.safeParse(masked);
  if (lenient.success) return lenient;
  const failing = new Set(lenient.error.issues.map((i) => String(i.path[0])));
  return schema.safeParse(maskDisguisingCharacters(masked, (field) => failing.has(field)));
}

/** One entry of a pull page: `data` is null for a tombstone. */
export interface Change<T extends TableName = TableName> {
  table: T;
  id: string;
  version: number;
  deleted: boolean;
  data: RecordOf<T> | null;
}

export interface PullResponse {
  changes: Change[];
  cursor: string;
  more: boolean;
  /**
   * How many changes after this page the same viewer will still get (counted a moment after
   * the page, so writes since then are in it). For progress ("x von y"); 0 when `more` is
   * false. Older servers leave it out, so clients must cope without it.
   */
  remaining?: number;
}
