import { TABLE_NAMES, type TableName } from '../model';
import { countListed } from './offers';
import { META_KEYS, type WegweiserDB } from './schema';

/** Mirrors what pullAll stores under META_KEYS.lastError. */
export interface StoredSyncError {
  code: string;
  status?: number;
  at: string;
}

export interface DataStatus {
  counts: Record<TableName | 'outbox', number>;
  /** Offers in the list (isListed): what the list's "… Angebote" counts without filters. */
  listedServices: number;
  cursor: string | null;
  lastSyncAt: string | null;
  lastError: StoredSyncError | null;
}

/** What is on this device, for the Info screen. */
export async function dataStatus(db: WegweiserDB): Promise<DataStatus> {
  const tables = [...TABLE_NAMES, 'outbox'] as const;
  return db.transaction('r', [...tables.map((t) => db.table(t)), db.meta], async () => {
    const counts = await Promise.all(tables.map((t) => db.table(t).count()));
    const listedServices = await countListed(db);
    const meta = await db.meta.bulkGet([
      META_KEYS.cursor,
      META_KEYS.lastSyncAt,
      META_KEYS.lastError,
    ]);
    return {
      counts: Object.fromEntries(tables.map((t, i) => [t, counts[i] ?? 0])) as DataStatus['counts'],
      listedServices,
      cursor: (meta[0]?.value as string | undefined) ?? null,
      lastSyncAt: (meta[1]?.value as string | undefined) ?? null,
      lastError: (meta[2]?.value as StoredSyncError | undefined) ?? null,
    };
  });
}
