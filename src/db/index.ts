export { type DataStatus, dataStatus, type StoredSyncError } from './dataStatus';
export {
  type CreateDbOptions,
  createDb,
  createDbStatusStore,
  type DbState,
  type DbStatus,
  dbStatus,
  getDb,
  openDb,
} from './db';
export { classifyDbError, DbError, type DbErrorCode, toDbError } from './errors';
export { getMeta, setMeta } from './meta';
export {
  countByTargetGroup,
  countListed,
  type Facets,
  FILTER_KINDS,
  type FilterKind,
  type FilterSet,
  facetsOf,
  filteredIdsFromDb,
  hasFilters,
  isListed,
  isLive,
  joinOffers,
  knownQuartiere,
  LOCAL_FIELDS,
  matchesFilters,
  type Offer,
  type OfferDetail,
  type OfferLookups,
  readOffer,
  readOffers,
  stripLocalFields,
} from './offers';
export {
  DB_NAME,
  DB_VERSION,
  META_KEYS,
  type MetaEntry,
  type OutboxEntry,
  STORES_V1,
  STORES_V2,
  STORES_V3,
  type StoredService,
  type WegweiserDB,
} from './schema';
export { germanSortKey } from './sortKey';
export { requestPersistentStorage, type StorageUsage, storageEstimate } from './storage';
export { createStore, type ReadableStore, type Store } from './store';
export { useDbStatus } from './useDbStatus';
export { type LiveQueryState, useLiveQuery, useLiveQueryState } from './useLiveQuery';
export { useStore } from './useStore';
