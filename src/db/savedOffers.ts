import type { WegweiserDB } from './schema';

/**
 * Merkliste: offers a worker keeps at hand, on this device only (a meta entry: small, no
 * schema change, never synced — it says nothing about any person).
 */
export const SAVED_KEY = 'merkliste';

export interface SavedEntry {
  id: string;
  /** ISO time it was saved. */
  at: string;
}

function read(value: unknown): SavedEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is SavedEntry =>
      typeof e === 'object' && e !== null && typeof (e as SavedEntry).id === 'string',
  );
}

export async function savedEntries(db: WegweiserDB): Promise<SavedEntry[]> {
  return read((await db.meta.get(SAVED_KEY))?.value);
}

export async function isSaved(db: WegweiserDB, id: string): Promise<boolean> {
  return (await savedEntries(db)).some((e) => e.id === id);
}

/** Saves or removes an offer; returns whether it is saved afterwards. Newest first. */
export async function setSaved(
  db: WegweiserDB,
  id: string,
  saved: boolean,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const list = read((await db.meta.get(SAVED_KEY))?.value).filter((e) => e.id !== id);
    if (saved) list.unshift({ id, at: now.toISOString() });
    await db.meta.put({ key: SAVED_KEY, value: list });
    return saved;
  });
}

/** Removes several offers at once (e.g. the ones that no longer exist), in one write. */
export async function removeSaved(db: WegweiserDB, ids: readonly string[]): Promise<void> {
  const gone = new Set(ids);
  await db.transaction('rw', db.meta, async () => {
    const list = read((await db.meta.get(SAVED_KEY))?.value).filter((e) => !gone.has(e.id));
    await db.meta.put({ key: SAVED_KEY, value: list });
  });
}
