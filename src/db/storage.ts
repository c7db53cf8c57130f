import { META_KEYS, type WegweiserDB } from './schema';

/**
 * Asks the browser not to evict our data under storage pressure. Resolves to whether the
 * storage is persistent, or null where the API is missing (older Safari, jsdom).
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage || typeof storage.persist !== 'function') return null;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/**
 * Asks for persistent storage once per device, when the first edit is saved: from then on
 * the device holds changes that exist nowhere else. Not on page load: Firefox asks the user,
 * and a prompt before anyone has done anything is one people learn to refuse.
 */
export async function requestPersistenceOnce(
  db: WegweiserDB,
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<void> {
  const first = await db.transaction('rw', db.meta, async () => {
    if (await db.meta.get(META_KEYS.persistAsked)) return false;
    await db.meta.put({ key: META_KEYS.persistAsked, value: new Date().toISOString() });
    return true;
  });
  if (first) await requestPersistentStorage(storage);
}

export interface StorageUsage {
  usage: number;
  quota: number;
  persisted: boolean | null;
}

/** Bytes used and available for this origin, for the Info screen; null if unknown. */
export async function storageEstimate(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<StorageUsage | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    const persisted =
      typeof storage.persisted === 'function' ? await storage.persisted().catch(() => null) : null;
    return { usage: usage ?? 0, quota: quota ?? 0, persisted };
  } catch {
    return null;
  }
}
