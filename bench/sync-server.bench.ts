/**
 * Sync server throughput with 50 concurrent clients over real HTTP on loopback: pull pages
 * (signed-in worker, 100 changes from a random cursor), residents' pull pages against the
 * same bytes as static files from the same server (200 and 304), and single-mutation
 * pushes (each client edits its own offers, so every push is `applied`). Against PGlite
 * and, when DATABASE_URL is set, PostgreSQL. Rows go to bench/results/sync.json under case
 * names starting with "server ", merged with rows other benchmarks put there (the Chromium
 * initial-sync rows), never overwriting them.
 *
 * The load generator runs in the server's own process, so both share the CPU; it does the
 * same work (fetch, decompress) for the pull and for its static baseline.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
/** Residents' pages: the first pages of an initial sync, which every new resident asks for. */
const PUBLIC_PAGES = 20;
const PUBLIC_LIMIT = 100;
/** Pull and static file take turns, so a neighbour's load spike hits both alike. */
const ROUNDS = 4;
const PREFIX = 'server ';
/** Where the committed numbers come from; they are not comparable with an idle machine. */
const MACHINE_NOTE = process.env.BENCH_NOTE ?? '';

export interface ThroughputRow extends BenchRow {
  p99_ms: number;
  requests_per_s: number;
  baseline_requests_per_s?: number;
  /** requests_per_s / baseline_requests_per_s: the goal is at least 0.5. */
  throughput_ratio?: number;
  note?: string;
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

interface Load {
  samples: number[];
  seconds: number;
}

function throughputRow(name: string, n: number, r: Load, base?: Load): ThroughputRow {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const rps = (x: Load) => x.samples.length / x.seconds;
  const out: ThroughputRow = {
    ...row(name, n, r.samples, base?.samples),
    p99_ms: round(percentile(r.samples, 99)),
    requests_per_s: Math.round(rps(r)),
  };
  if (base) {
    out.baseline_requests_per_s = Math.round(rps(base));
    out.throughput_ratio = round(rps(r) / rps(base));
  }
  if (MACHINE_NOTE) out.note = MACHINE_NOTE;
  return out;
}

/** Runs `a` and `b` in alternating rounds of total/ROUNDS requests each; sums each side. */
async function alternate(
  total: number,
  a: (i: number) => Promise<void>,
  b: (i: number) => Promise<void>,
): Promise<[Load, Load]> {
  const sum: [Load, Load] = [
    { samples: [], seconds: 0 },
    { samples: [], seconds: 0 },
  ];
  const per = Math.ceil(total / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, fn] of [a, b].entries()) {
      const r = await load(per, CLIENTS, (i) => fn(i));
      const side = sum[k] as Load;
      side.samples.push(...r.samples);
      side.seconds += r.seconds;
    }
  }
  return sum;
}

async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status !== status) throw new Error(`${what}: ${res.status}`);
  await res.arrayBuffer();
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

  const dist = mkdtempSync(join(tmpdir(), 'qw-bench-dist-'));
  mkdirSync(join(dist, 'pages'));
  const app = createApp({ db, distDir: dist });
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

    // Residents' pages: the cursor chain of an initial sync, each page also written as a
    // static file of exactly the same bytes.
    const accept = { 'Accept-Encoding': 'br, gzip' };
    const chain: { url: string; file: string; etag: string; fileEtag: string }[] = [];
    let since = '';
    for (let k = 0; k < PUBLIC_PAGES; k++) {
      const url = `${base}/api/sync/pull?since=${since}&limit=${PUBLIC_LIMIT}`;
      const res = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
      const text = await res.text();
      writeFileSync(join(dist, 'pages', `${k}.json`), text);
      const file = `${base}/pages/${k}.json`;
      const [p, f] = await Promise.all([
        fetch(url, { headers: accept }),
        fetch(file, { headers: accept }),
      ]);
      await Promise.all([p.arrayBuffer(), f.arrayBuffer()]);
      chain.push({
        url,
        file,
        etag: p.headers.get('ETag') ?? '',
        fileEtag: f.headers.get('ETag') ?? '',
      });
      since = (JSON.parse(text) as { cursor: string }).cursor;
    }
    const pageOf = (i: number) => chain[i % chain.length] as (typeof chain)[number];
    const [publicPull, staticFile] = await alternate(
      PULLS,
      async (i) =>
        expectStatus(await fetch(pageOf(i).url, { headers: accept }), 200, 'public pull'),
      async (i) => expectStatus(await fetch(pageOf(i).file, { headers: accept }), 200, 'static'),
    );
    const [pull304, static304] = await alternate(
      PULLS,
      async (i) => {
        const headers = { ...accept, 'If-None-Match': pageOf(i).etag };
        await expectStatus(await fetch(pageOf(i).url, { headers }), 304, 'public pull 304');
      },
      async (i) => {
        const headers = { ...accept, 'If-None-Match': pageOf(i).fileEtag };
        await expectStatus(await fetch(pageOf(i).file, { headers }), 304, 'static 304');
      },
    );
    // A page nobody asked for yet (a random cursor) is built, hashed and compressed first.
    const publicCold = await load(PULLS / 4, CLIENTS, async (i) => {
      const cursor = (i * 7919 + 13) % Math.max(1, max);
      const res = await fetch(`${base}/api/sync/pull?since=${cursor}&limit=${PUBLIC_LIMIT}`, {
        headers: accept,
      });
      await expectStatus(res, 200, 'public pull (cold)');
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
    const pub = `${PREFIX}resident pull page of ${PUBLIC_LIMIT}`;
    return [
      throughputRow(`${PREFIX}pull page of 100, ${CLIENTS} clients, ${label}`, PULLS, pull),
      throughputRow(
        `${pub} vs static file of the same bytes, ${CLIENTS} clients, ${label}`,
        publicPull.samples.length,
        publicPull,
        staticFile,
      ),
      throughputRow(
        `${pub}, If-None-Match → 304 vs static file 304, ${CLIENTS} clients, ${label}`,
        pull304.samples.length,
        pull304,
        static304,
      ),
      throughputRow(
        `${pub}, first request for its cursor (built and compressed), ${CLIENTS} clients, ${label}`,
        publicCold.samples.length,
        publicCold,
      ),
      throughputRow(`${PREFIX}push 1 mutation, ${CLIENTS} clients, ${label}`, PUSHES, push),
    ];
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dist, { recursive: true, force: true });
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
