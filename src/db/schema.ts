import type Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type {
  Contact,
  LocalTerm,
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
  /**
   * Entries written by one domain operation (deleting an offer with its hours and contacts)
   * share this id: the push sends them in one request, never split. Not indexed.
   */
  unit?: string;
}

/** One offer's part of the search index (src/search/pieces.ts); local-only, derived. */
export interface SearchDocRow {
  id: string;
  /** Facets, sort key and sources (the search's DocMeta). */
  m: unknown;
  /** Index terms of each search field, in field order, joined by spaces. */
  t: string[];
}

/** A word of the search index's vocabulary, as first written. */
export interface SearchTermRow {
  term: string;
  surface: string;
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

/**
 * Version 2 adds two derived, local-only fields to services (filled by the upgrade and on
 * every write by a DBCore middleware in db.ts):
 * - `sort_name`: IndexedDB orders by UTF-16 code unit, so an index on `name` would put
 *   "Ärztehaus" after "Zentrum" and „Jobcenter…" (German opening quote) after everything.
 *   `sort_name` is a DIN-5007 key (sortKey.ts) that gives German alphabetical order.
 * - `listed`: 1 when the service is active and not deleted, absent otherwise. Booleans
 *   cannot be indexed and an absent key leaves no index entry, so `[listed+sort_name]` is
 *   a sparse index of exactly the services the directory shows, in the order it shows them:
 *   counts and pages are key-only index reads, even with 50,000 offers.
 */
export const STORES_V2 = {
  ...STORES_V1,
  services:
    'id, organization_id, *target_groups, *categories, *location_ids, status, version, [listed+sort_name]',
} as const;

/**
 * Version 3 keeps the search index as pieces: one row per offer (`searchDocs`, the offer's
 * index terms per field and its facets) and one per index word (`searchTerms`), so a cold
 * start can search the first pieces while the rest arrive, and a changed offer rewrites its
 * own row only. The one-string index of version 2 (meta `search.index`) is dropped.
 */
export const STORES_V3 = {
  ...STORES_V2,
  searchDocs: 'id',
  searchTerms: 'term',
} as const;

/** Version 4 adds the coordinators' own search words (a new synced table; nothing moves). */
export const STORES_V4 = {
  ...STORES_V3,
  local_terms: 'id, concept',
} as const;

export const DB_VERSION = 4;

/** Local meta keys of the sync (table `meta`). */
export const META_KEYS = {
  /** Opaque server cursor of the last applied pull page. */
  cursor: 'cursor',
  /** ISO time of the last pull that ran to `more: false`. */
  lastSyncAt: 'lastSyncAt',
  /** `{ code, status?, at }` of the last failed pull, removed on success. */
  lastError: 'lastError',
  /** 'internal' when the cursor was reached with a worker's token, else 'public'. */
  cursorScope: 'cursorScope',
  /** Signed-in account `{ token, user, expiresAt?, expired? }` (src/sync/session.ts). */
  session: 'session',
  /** E-mail of the last user who signed in on this device (shared phones). */
  lastUser: 'lastUser',
  /** This device's id for push idempotency. */
  clientId: 'clientId',
  /** ISO time persistent storage was asked for (once per device, at the first edit). */
  persistAsked: 'persistAsked',
  /** Last referral figures fetched for the dashboard, with their time (coordinators only). */
  referralStats: 'referralStats',
  /** Pairs of offers a coordinator marked "kein Doppel" on this device (pair keys). */
  notDuplicates: 'notDuplicates',
} as const;

/** A service as stored locally: the record plus derived, local-only fields. */
export type StoredService = Service & {
  /** Derived; never sent to the server (the zod object strips unknown keys). */
  sort_name?: string;
  listed?: 1;
};

export type WegweiserDB = Dexie & {
  organizations: EntityTable<Organization, 'id'>;
  locations: EntityTable<Location, 'id'>;
  services: EntityTable<StoredService, 'id'>;
  schedules: EntityTable<Schedule, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  referrals: EntityTable<Referral, 'id'>;
  local_terms: EntityTable<LocalTerm, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaEntry, 'key'>;
  searchDocs: EntityTable<SearchDocRow, 'id'>;
  searchTerms: EntityTable<SearchTermRow, 'term'>;
};
