/**
 * The real server for the browser benchmarks: the built PWA (dist/) and the sync API on
 * loopback, seeded the way `npm start` seeds (seedIfEmpty), plus `/baseline.html`: the
 * same index.html with every script removed, the page a browser shows with no app code.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp, DEFAULT_DIST_DIR } from '../server/app';
import { openPglite } from '../server/db';
import { migrate } from '../server/migrate';
import { createChangeHub } from '../server/notify';
import { seedIfEmpty } from '../server/seed';
import type { Dataset } from '../src/demo';
import { tempDir } from '../tests/e2e/support/browser';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/** Builds dist/ when it is missing or older than the sources (as `npm start` does). */
export function ensureBuild(): void {
  const r = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** index.html without scripts and module preloads: HTML and CSS only. */
export function staticShell(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');
}

/** `port` 0 picks a free one; BENCH_PORT sets the first of a range when ports are shared. */
export async function startBenchServer(
  dataset: () => Dataset,
  port = Number(process.env.BENCH_PORT ?? 0),
): Promise<BenchServer> {
  const db = await openPglite(tempDir('qw-bench-fv-db-'));
  await migrate(db);
  await seedIfEmpty(db, dataset);
  const shell = staticShell(readFileSync(`${DEFAULT_DIST_DIR}index.html`, 'utf8'));
  const outer = new Hono();
  outer.get('/baseline.html', (c) => c.html(shell));
  const hub = createChangeHub(db);
  outer.route('/', createApp({ db, hub }));
  const server = serve({ fetch: outer.fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    async close() {
      await hub.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
