/**
 * Sync server throughput with 50 concurrent clients over real HTTP on loopback: pull pages
 * (signed-in worker, 100 changes from a random cursor) and single-mutation pushes (each
 * client edits its own offers, so every push is `applied`). Against PGlite and, when
 * DATABASE_URL is set, PostgreSQL. Rows go to bench/results/sync.json under case names
 * starting with "server ", merged with rows other benchmarks put there (the Chromium
 * initial-sync rows), never overwriting them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import type { PushResponse } from '../protocol';
import { createApp } from '../server/app';
import { createSession } from '../server/auth/sessions';
import { addUser } from '../server/auth/users';
import { type Db, openPglite, openPostgres } from '../server/db';
import { migrate } from '../server/migrate';
import { seedIfEmpty } from '../server/seed';
import { syntheticDataset } from '../src/demo';
import { type BenchRow, mergeResults, percentile, row } from './stats';

const CLIENTS = 50;
const OFFERS = 2000;
const PULLS = 2000;
const PUSHES = 1000;
const PREFIX = 'server ';

export interface ThroughputRow extends BenchRow {
  p99_ms: number;
  requests_per_s: number;
}

/** Runs `total` requests with `concurrency` in flight; returns per-request latencies. */
async function load(
  total: number,
  concurrency: number,
  request: (i: number, worker: number) => Promise<void>,
): Promise<{ samples: number[]; seconds: number }> {
  const samples: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < total; i = next++) {
        const start = performance.now();
        await request(i, worker);
        samples.push(performance.now() - start);
      }
    }),
  );
  return { samples, seconds: (performance.now() - t0) / 1000 };
}

function throughputRow(name: string, n: number, r: { samples: number[]; seconds: number }) {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    ...row(name, n, r.samples),
    p99_ms: round(percentile(r.samples, 99)),
    requests_per_s: Math.round(r.samples.length / r.seconds),
  } satisfies ThroughputRow;
}

async function benchBackend(kind: 'pglite' | 'postgres', db: Db): Promise<ThroughputRow[]> {
  await migrate(db);
  await seedIfEmpty(db, () => syntheticDataset(OFFERS));
  const user = await addUser(db, {
    email: `bench-${randomBytes(4).toString('hex')}@bench.example`,
    role: 'coordinator',
    password: 'bench-passwort-123',
  });
  const { token } = await createSession(db, user.id);
  const services = await db.query<{ id: string; version: string; description: string }>(
    "select id::text as id, version, data->>'description' as description from records where table_name = 'services' order by version",
  );
  const [{ max } = { max: 0 }] = await db.query<{ max: number }>(
    'select max(version)::int as max from records',
  );

  const app = createApp({ db, distDir: '/nonexistent' });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  try {
    // Warm-up (JIT, connection pools, PGlite caches).
    await load(100, CLIENTS, async () => {
      await (await fetch(`${base}/api/sync/pull?limit=100`, { headers })).text();
    });

    const pull = await load(PULLS, CLIENTS, async (i) => {
      const since = (i * 7919) % Math.max(1, max);
      const res = await fetch(`${base}/api/sync/pull?since=${since}&limit=100`, { headers });
      if (res.status !== 200) throw new Error(`pull ${res.status}`);
      await res.text();
    });

    // Each client owns every 50th offer, so pushes do not conflict with each other.
    const state = services.map((s) => ({ id: s.id, description: s.description ?? '' }));
    const rounds = new Array<number>(CLIENTS).fill(0);
    const push = await load(PUSHES, CLIENTS, async (_i, worker) => {
      const own = state.filter((_, k) => k % CLIENTS === worker);
      const round = rounds[worker] ?? 0;
      rounds[worker] = round + 1;
      const target = own[round % own.length];
      if (!target) throw new Error('no offer');
      const value = `Bench ${randomUUID()}`;
      const res = await fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          clientId: `bench-${worker}`,
          mutations: [
            {
              mutationId: randomUUID(),
              table: 'services',
              id: target.id,
              op: 'upsert',
              baseVersion: 1,
              fields: { description: { base: target.description, value } },
            },
          ],
        }),
      });
      const body = (await res.json()) as PushResponse;
      if (body.results[0]?.status !== 'applied') {
        throw new Error(`push not applied: ${JSON.stringify(body).slice(0, 300)}`);
      }
      target.description = value;
    });

    const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    return [
      throughputRow(`${PREFIX}pull page of 100, ${CLIENTS} clients, ${label}`, PULLS, pull),
      throughputRow(`${PREFIX}push 1 mutation, ${CLIENTS} clients, ${label}`, PUSHES, push),
    ];
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function benchSyncServer(): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'qw-bench-sync-'));
  const lite = await openPglite(dir);
  try {
    rows.push(...(await benchBackend('pglite', lite)));
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    const schema = `qw_bench_${randomBytes(4).toString('hex')}`;
    const pg = await openPostgres(url, { schema, max: 20 });
    try {
      rows.push(...(await benchBackend('postgres', pg)));
    } finally {
      await pg.close();
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  }
  return rows;
}

/** Replaces this benchmark's rows in bench/results/sync.json, keeping everyone else's. */
export function mergeSyncResults(mine: BenchRow[]): void {
  mergeResults('sync.json', PREFIX, mine);
}
