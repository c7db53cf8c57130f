import type { WegweiserDB } from './schema';

export async function getMeta<T>(db: WegweiserDB, key: string): Promise<T | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as T | undefined;
}

export async function setMeta(db: WegweiserDB, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
