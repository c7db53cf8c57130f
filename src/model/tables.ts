import type * as z from 'zod/mini';
import { Contact, Location, Organization, Referral, Schedule, Service } from './records';

/** Every synced table, by its wire name. The order is the order of foreign keys. */
export const TABLE_SCHEMAS = {
  organizations: Organization,
  locations: Location,
  services: Service,
  schedules: Schedule,
  contacts: Contact,
  referrals: Referral,
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

export type RecordOf<T extends TableName> = z.infer<(typeof TABLE_SCHEMAS)[T]>;
export type AnyRecord = RecordOf<TableName>;

export function isTableName(x: unknown): x is TableName {
  return typeof x === 'string' && Object.hasOwn(TABLE_SCHEMAS, x);
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
}
