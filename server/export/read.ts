import type { TableName } from '../../src/model';
import type { Db } from '../db';
import { MAX_PULL_LIMIT, pullChanges, type Viewer } from '../pull';
import type { ExportData } from './hsds-json';

const EXPORTED: readonly (keyof ExportData)[] = [
  'organizations',
  'services',
  'locations',
  'schedules',
  'contacts',
];

/**
 * Every live record a viewer may see, read in one snapshot. It reads through the pull, the
 * one place that decides what residents receive: an export without internal data holds
 * exactly what an anonymous device holds, references to hidden records already removed.
 */
export async function readForExport(db: Db, viewer: Viewer): Promise<ExportData> {
  const data: ExportData = {
    organizations: [],
    services: [],
    locations: [],
    schedules: [],
    contacts: [],
  };
  const live = new Map<string, { table: TableName; data: unknown }>();
  await db.snapshot(async (q) => {
    let since = 0;
    for (;;) {
      const page = await pullChanges(q, { since, limit: MAX_PULL_LIMIT }, viewer);
      for (const c of page.changes) {
        const key = `${c.table}/${c.id}`;
        if (c.deleted || !c.data) live.delete(key);
        else live.set(key, { table: c.table, data: c.data });
      }
      since = Number(page.cursor);
      if (!page.more) break;
    }
  });
  for (const { table, data: record } of live.values()) {
    if ((EXPORTED as readonly string[]).includes(table))
      (data[table as keyof ExportData] as unknown[]).push(record);
  }
  return data;
}
