/**
 * Client sync in real Chromium, against the real server (embedded database) on loopback:
 * - initial sync of N synthetic offers with their schedules, contacts, providers and
 *   locations, end to end (HTTP + validation + one Dexie transaction per page + cursor);
 * - the same pages applied from memory (the client's share alone);
 * - baseline, same run: a raw IndexedDB bulk insert of the same records (one transaction,
 *   same stores and indexes). Target: ratio ≤ 1.5;
 * - a delta of 50 changed offers, with the raw put of the same 50 records as baseline.
 * Rows go to bench/results/sync.json next to the server rows (merged, not overwritten).
 */
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import { build } from 'vite';
import { createApp } from '../server/app';
import { openPglite } from '../server/db';
import { migrate } from '../server/migrate';
import { createChangeHub } from '../server/notify';
import { upsertRecords } from '../server/records';
import { seedIfEmpty } from '../server/seed';
import { syntheticDataset } from '../src/demo';
import { launchBrowser, tempDir } from '../tests/e2e/support/browser';
import { type BenchRow, mergeResults, row } from './stats';

const N = 5000;
const INITIAL_RUNS = 5;
const DELTA_RUNS = 10;
const DELTA_SIZE = 50;
const PREFIX = 'client ';

type Page = typeof import('./sync-client.page');

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: 'bench/sync-client.page.ts', formats: ['iife'], name: 'qwSyncBench' },
    },
  });
  for (const o of Array.isArray(result) ? result : [result]) {
    if ('output' in o) {
      const chunk = o.output.find((c) => c.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('bench bundle failed');
}

/** The machine's load during the run: the ratios move with it on a shared machine. */
function loadNote(before: number, after: number): string {
  const extra = process.env.BENCH_NOTE ? `${process.env.BENCH_NOTE}; ` : '';
  return `${extra}load average ${before.toFixed(1)} at start, ${after.toFixed(1)} at end, ${cpus().length} cores`;
}

export async function benchSyncClient(): Promise<(BenchRow & { note: string })[]> {
  const loadBefore = loadavg()[0] ?? 0;
  const code = await bundle();
  const dataset = syntheticDataset(N);
  const db = await openPglite(tempDir('qw-bench-sync-client-'));
  await migrate(db);
  await seedIfEmpty(db, () => dataset);
  const hub = createChangeHub(db);
  // Every record, as a signed-in worker would get them.
  const app = createApp({
    db,
    hub,
    resolveViewer: () => 'internal',
    distDir: tempDir('qw-empty-'),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    await page.route(`${url}/bench.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
    );
    await page.goto(`${url}/bench.html`);
    await page.addScriptTag({ content: code });
    const call = <K extends keyof Page>(name: K, arg?: unknown) =>
      page.evaluate(
        ([n, a]) =>
          (
            window as unknown as { qwSyncBench: Record<string, (x: unknown) => unknown> }
          ).qwSyncBench[n as string]?.(a),
        [name, arg] as const,
      ) as ReturnType<Page[K]>;

    const init = await call('initial', INITIAL_RUNS);
    rows.push(
      row(
        `${PREFIX}initial sync end to end (${init.records} records, ${init.pages} pages) vs raw IndexedDB bulk insert`,
        N,
        init.endToEnd,
        init.raw,
      ),
      row(
        `${PREFIX}initial sync, pages applied from memory vs raw IndexedDB bulk insert`,
        N,
        init.clientOnly,
        init.raw,
      ),
    );

    await call('prepareDelta');
    const pulls: number[] = [];
    const raws: number[] = [];
    const services = dataset.services.filter((s) => !s.deleted);
    for (let i = 0; i < DELTA_RUNS; i++) {
      const changed = services
        .slice(i * DELTA_SIZE, (i + 1) * DELTA_SIZE)
        .map((s) => ({ ...s, name: `${s.name} (geändert ${i})` }));
      await db.tx((q) => upsertRecords(q, 'services', changed, 'bench'));
      const d = await call('delta');
      if (d.changes !== DELTA_SIZE) throw new Error(`delta brought ${d.changes} changes`);
      pulls.push(d.pull);
      raws.push(d.raw);
    }
    rows.push(
      row(`${PREFIX}delta pull of ${DELTA_SIZE} changed offers vs raw put of them`, N, pulls, raws),
    );
    console.log(`initial: ${init.records} records in ${init.pages} pages`);
    const note = loadNote(loadBefore, loadavg()[0] ?? 0);
    return rows.map((r) => ({ ...r, note }));
  } finally {
    await browser.close();
    await hub.close();
    server.close();
    await db.close();
  }
}

/** Replaces this benchmark's rows in bench/results/sync.json, keeping everyone else's. */
export function mergeClientResults(mine: BenchRow[]): void {
  mergeResults('sync.json', PREFIX, mine);
}

// `tsx bench/sync-client.bench.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  mergeClientResults(await benchSyncClient());
  process.exit(0);
}
