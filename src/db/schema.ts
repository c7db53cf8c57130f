import Dexie, { type EntityTable } from 'dexie';
import type {
  Contact,
  Location,
  Organization,
  Referral,
  Schedule,
  Service,
  TableName,
} from '../model';

/** One pending push: a mutation for the Coordinators issue, or an anonymous referral. */
export interface OutboxEntry {
  /** Auto-increment key keeps the push order stable. */
  seq?: number;
  mutationId: string;
  table: TableName;
  recordId: string;
  op: 'upsert' | 'delete';
  /** Who queued it; a change of user on a shared phone drops entries of the other user. */
  userEmail: string | null;
  createdAt: string;
  payload: unknown;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DB_NAME = 'quartier-wegweiser';

/**
 * Index notes: `*target_groups` / `*categories` are multiEntry so a tile count is an
 * index count, not a scan; `quartier` lives on locations and services are reached via
 * `*location_ids`.
 */
export const STORES_V1 = {
  organizations: 'id, version',
  locations: 'id, quartier, organization_id, version',
  services: 'id, organization_id, *target_groups, *categories, *location_ids, status, version',
  schedules: 'id, service_id, location_id, version',
  contacts: 'id, service_id, organization_id, version',
  referrals: 'id, service_id, date',
  outbox: '++seq, &mutationId, table, recordId, userEmail',
  meta: 'key',
} as const;

export type WegweiserDB = Dexie & {
  organizations: EntityTable<Organization, 'id'>;
  locations: EntityTable<Location, 'id'>;
  services: EntityTable<Service, 'id'>;
  schedules: EntityTable<Schedule, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  referrals: EntityTable<Referral, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaEntry, 'key'>;
};
