/**
 * Server pull: one page of 500 changes for a resident, over the real HTTP app on an
 * embedded database holding N synthetic offers. Baseline: the same bytes as a static file
 * from the same server, i.e. what the HTTP stack costs without the database.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app';
import { openPglite } from '../server/db';
import { migrate } from '../server/migrate';
import { seedIfEmpty } from '../server/seed';
import { syntheticDataset } from '../src/demo';
import { type BenchRow, row, time } from './stats';

const RUNS = 60;

export async function benchPull(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [1000, 5000]) {
    const dir = mkdtempSync(join(tmpdir(), 'qw-bench-'));
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    const db = await openPglite(join(dir, 'db'));
    try {
      await migrate(db);
      await seedIfEmpty(db, () => syntheticDataset(n));
      const app = createApp({ db, distDir: dist });
      const first = await app.request('/api/sync/pull?since=&limit=500');
      const body = await first.text();
      writeFileSync(join(dist, 'page.json'), body);
      const { cursor } = JSON.parse(body) as { cursor: string };

      const pull: number[] = [];
      const stat: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A page from the middle of the data set, as a returning client would ask.
        pull.push(
          await time(async () =>
            (await app.request(`/api/sync/pull?since=${cursor}&limit=500`)).text(),
          ),
        );
        stat.push(await time(async () => (await app.request('/page.json')).text()));
      }
      rows.push(row('server pull page (500 changes, public)', n, pull, stat));
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
