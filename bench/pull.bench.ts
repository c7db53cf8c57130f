/**
 * Server pull: one page of 500 changes for a resident, over the real HTTP app on an
 * embedded database holding N synthetic offers, once built (a fresh page cache) and once
 * from the page cache. Baseline: the same bytes as a static file from the same server,
 * i.e. what the HTTP stack costs without the database.
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

      const built: number[] = [];
      const cached: number[] = [];
      const stat: number[] = [];
      // A page from the middle of the data set, as a returning client would ask.
      const url = `/api/sync/pull?since=${cursor}&limit=500`;
      for (let i = 0; i < RUNS; i++) {
        // A fresh app has an empty page cache: the first request builds the page.
        const fresh = createApp({ db, distDir: dist });
        built.push(await time(async () => (await fresh.request(url)).text()));
        cached.push(await time(async () => (await app.request(url)).text()));
        stat.push(await time(async () => (await app.request('/page.json')).text()));
      }
      rows.push(row('server pull page (500 changes, public), built', n, built, stat));
      rows.push(
        row('server pull page (500 changes, public), from the page cache', n, cached, stat),
      );
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
