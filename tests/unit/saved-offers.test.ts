import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSaved, removeSaved, savedEntries, setSaved } from '../../src/db/savedOffers';
import type { WegweiserDB } from '../../src/db/schema';
import { destroy, freshDb, uid } from './db.fixtures';

let db: WegweiserDB;
beforeEach(() => {
  db = freshDb().db;
});
afterEach(() => destroy(db));

describe('Merkliste operations', () => {
  it('saves newest first, once per offer, and removes one or several in one write', async () => {
    await setSaved(db, uid(1), true, new Date('2025-03-01T10:00:00Z'));
    await setSaved(db, uid(2), true, new Date('2025-03-01T11:00:00Z'));
    await setSaved(db, uid(3), true, new Date('2025-03-01T12:00:00Z'));
    await setSaved(db, uid(1), true, new Date('2025-03-01T13:00:00Z'));
    expect((await savedEntries(db)).map((e) => e.id)).toEqual([uid(1), uid(3), uid(2)]);

    expect(await setSaved(db, uid(3), false)).toBe(false);
    expect(await isSaved(db, uid(3))).toBe(false);

    await removeSaved(db, [uid(1), uid(2), uid(9)]);
    expect(await savedEntries(db)).toEqual([]);
  });
});
