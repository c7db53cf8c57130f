import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { Viewer } from '../../server/pull';
import { seedIfEmpty } from '../../server/seed';
import { demoDataset } from '../../src/demo';
import type { PullResponse } from '../../src/model';
import { backends, openMigrated, type TestDb } from './helpers';

describe.each(backends)('demo data seeded on $name', (backend) => {
  let t: TestDb;
  const demo = demoDataset();
  const tables = ['organizations', 'locations', 'services', 'schedules', 'contacts'] as const;
  const all = tables.flatMap((table) => demo[table].map((r) => ({ table, r })));

  async function pullEverything(viewer: Viewer) {
    const app = createApp({ db: t.db, distDir: '/nonexistent', resolveViewer: () => viewer });
    const changes: PullResponse['changes'] = [];
    let cursor = '';
    for (;;) {
      const res = await app.request(`/api/sync/pull?since=${cursor}&limit=2000`);
      const page = (await res.json()) as PullResponse;
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return changes;
    }
  }

  beforeAll(async () => {
    t = await openMigrated(backend);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('seeds every demo record once', async () => {
    expect(await seedIfEmpty(t.db, demoDataset)).toEqual({ seeded: true, count: all.length });
    await t.reopen();
    expect(await seedIfEmpty(t.db, demoDataset)).toEqual({ seeded: false, count: 0 });
  });

  it('gives residents exactly the public records, staff all of them', async () => {
    const publicIds = new Set(
      all.filter(({ r }) => r.visibility === 'public').map(({ r }) => r.id),
    );
    const internalIds = all.filter(({ r }) => r.visibility === 'internal').map(({ r }) => r.id);
    expect(internalIds.length).toBeGreaterThan(0);

    const residents = await pullEverything('public');
    expect(residents.every((c) => !c.deleted && c.data)).toBe(true);
    expect(new Set(residents.map((c) => c.id))).toEqual(publicIds);

    const staff = await pullEverything('internal');
    expect(staff).toHaveLength(all.length);
    expect(staff.filter((c) => internalIds.includes(c.id))).toHaveLength(internalIds.length);
  });
});
