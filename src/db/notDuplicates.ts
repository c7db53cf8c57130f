/**
 * Pairs of offers a coordinator has looked at and marked "kein Doppel", so the review list
 * never shows them again on this device. They hold only ids of listed offers, which every
 * resident receives, so signing out keeps them: the judgement outlives the session.
 */
import { getMeta, setMeta } from './meta';
import { META_KEYS, type WegweiserDB } from './schema';

export async function readNotDuplicates(db: WegweiserDB): Promise<Set<string>> {
  const stored = await getMeta<unknown>(db, META_KEYS.notDuplicates);
  return new Set(Array.isArray(stored) ? stored.filter((k) => typeof k === 'string') : []);
}

export function markNotDuplicate(db: WegweiserDB, pairKey: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const keys = await readNotDuplicates(db);
    keys.add(pairKey);
    await setMeta(db, META_KEYS.notDuplicates, [...keys]);
  });
}
