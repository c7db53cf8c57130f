/**
 * Soak: the real server (its own process, PGlite, demo data) under 50 readers and 5 writers
 * on loopback for SOAK_SECONDS (default 600). Not part of `npm run bench` (too long) nor of
 * CI: `npm run bench -- soak`.
 *
 * A reader is a device: one live-update stream (half of them signed in as a worker, half
 * residents), pulling from its cursor whenever the stream reports a newer version (at least
 * every 2 s); every 30th round it drops the stream and starts over from an empty cursor, as
 * a new device would. A writer is a coordinator pushing single edits to offers of its own,
 * one in ten a retry of its previous push (answered `duplicate`).
 *
 * Server memory (RSS, V8 heap after a full GC) is read over IPC: idle before any load (on a
 * restarted server, not the one that just created the database),
 * at the start of the measurement after a warm-up of WARMUP_SECONDS, and at the end.
 * Rows go to bench/results/soak.json.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PushResponse } from '../protocol';
import { DEMO_ACCOUNTS } from '../server/demo-accounts';
import type { PullResponse } from '../src/model';
import { type BenchRow, percentile, row, writeResults } from './stats';

const READERS = 50;
const WRITERS = 5;
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Math.min(30, Math.max(5, Math.round(SECONDS / 10)));

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((done) => srv.close(() => done()));
  return port;
}

function memory(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as Memory));
    child.send('memory');
  });
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = fork(join(import.meta.dirname, 'soak-server.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('läuft')) resolve();
    });
  });
  return child;
}

interface Stats {
  samples: Record<'pull' | 'push' | 'events', number[]>;
  errors: number;
  errorKinds: Map<string, number>;
}

function fail(stats: Stats, kind: string) {
  stats.errors++;
  stats.errorKinds.set(kind, (stats.errorKinds.get(kind) ?? 0) + 1);
}

async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Opens an event stream; `latest()` is the newest version it announced. */
async function openEvents(base: string, token: string | null, signal: AbortSignal) {
  let latest = 0;
  let wake: () => void = () => {};
  const res = await fetch(`${base}/api/sync/events`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`events ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const first = new Promise<void>((resolve) => {
    wake = resolve;
  });
  void (async () => {
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = /^data: (.*)$/m.exec(event)?.[1];
        if (data) {
          latest = Math.max(latest, (JSON.parse(data) as { version: number }).version);
          wake();
        }
      }
    }
  })().catch(() => {});
  await first;
  return { latest: () => latest };
}

async function reader(base: string, token: string | null, until: number, stats: Stats) {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  while (Date.now() < until) {
    const abort = new AbortController();
    try {
      const t0 = performance.now();
      const events = await openEvents(base, token, abort.signal);
      stats.samples.events.push(performance.now() - t0);
      let cursor = '';
      for (let r = 0; r < 30 && Date.now() < until; r++) {
        for (let more = true; more; ) {
          const start = performance.now();
          const res = await fetch(`${base}/api/sync/pull?since=${cursor}&limit=500`, {
            headers: token ? { Authorization: `Bearer ${token}` } : {},
          });
          if (res.status !== 200) {
            fail(stats, `pull ${res.status}`);
            await res.body?.cancel();
            break;
          }
          const page = (await res.json()) as PullResponse;
          stats.samples.pull.push(performance.now() - start);
          cursor = page.cursor;
          more = page.more;
        }
        const waitUntil = Date.now() + 2000;
        while (events.latest() <= Number(cursor || 0) && Date.now() < waitUntil) await sleep(50);
      }
    } catch (err) {
      fail(stats, `reader ${(err as Error).message.slice(0, 40)}`);
      await sleep(200);
    } finally {
      abort.abort();
    }
  }
}

async function writer(
  base: string,
  token: string,
  offers: { id: string; description: string }[],
  index: number,
  until: number,
  stats: Stats,
) {
  let previous: unknown[] | null = null;
  for (let i = 0; Date.now() < until; i++) {
    const target = offers[i % offers.length];
    if (!target) return;
    const retry: boolean = previous !== null && i % 10 === 9;
    const value = `Soak ${randomUUID()}`;
    const mutations: unknown[] | null = retry
      ? previous
      : [
          {
            mutationId: randomUUID(),
            table: 'services',
            id: target.id,
            op: 'upsert',
            baseVersion: 1,
            fields: { description: { base: target.description, value } },
          },
        ];
    const start = performance.now();
    try {
      const res = await fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId: `soak-writer-${index}`, mutations }),
      });
      if (res.status !== 200) {
        fail(stats, `push ${res.status}`);
        await res.body?.cancel();
        continue;
      }
      const body = (await res.json()) as PushResponse;
      stats.samples.push.push(performance.now() - start);
      const status = body.results[0]?.status;
      if (status !== (retry ? 'duplicate' : 'applied')) fail(stats, `push ${status}`);
      if (!retry) {
        target.description = value;
        previous = mutations;
      }
    } catch (err) {
      fail(stats, `push ${(err as Error).message.slice(0, 40)}`);
    }
  }
}

export async function benchSoak(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qw-soak-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The first start creates and seeds the database (initdb leaves memory behind); measure
  // a restarted server, as a running installation is.
  const first = await startServer(dataDir, port);
  first.kill('SIGTERM');
  await new Promise((done) => first.once('exit', done));
  const child = await startServer(dataDir, port);
  try {
    const idle = await memory(child);
    console.log(`idle: RSS ${mb(idle.rss)} MB, heap ${mb(idle.heapUsed)} MB`);
    const [coordinator, worker] = DEMO_ACCOUNTS;
    if (!coordinator || !worker) throw new Error('demo accounts missing');
    const workerToken = await login(base, worker.email, worker.password);
    const writerTokens = await Promise.all(
      Array.from({ length: WRITERS }, () => login(base, coordinator.email, coordinator.password)),
    );
    const all = (await (
      await fetch(`${base}/api/sync/pull?limit=2000`, {
        headers: { Authorization: `Bearer ${workerToken}` },
      })
    ).json()) as PullResponse;
    const offers = all.changes
      .filter((c) => c.table === 'services' && c.data)
      .map((c) => ({
        id: c.id,
        description: ((c.data as Record<string, unknown>).description as string) ?? '',
      }));

    const run = async (seconds: number, stats: Stats) => {
      const until = Date.now() + seconds * 1000;
      await Promise.all([
        ...Array.from({ length: READERS }, (_, i) =>
          reader(base, i % 2 === 0 ? workerToken : null, until, stats),
        ),
        ...Array.from({ length: WRITERS }, (_, i) =>
          writer(
            base,
            writerTokens[i] as string,
            offers.filter((_, k) => k % WRITERS === i),
            i,
            until,
            stats,
          ),
        ),
      ]);
    };
    const fresh = (): Stats => ({
      samples: { pull: [], push: [], events: [] },
      errors: 0,
      errorKinds: new Map(),
    });

    console.log(`warm-up ${WARMUP_SECONDS} s …`);
    await run(WARMUP_SECONDS, fresh());
    const start = await memory(child);
    console.log(`start: RSS ${mb(start.rss)} MB, heap ${mb(start.heapUsed)} MB`);
    const stats = fresh();
    const t0 = performance.now();
    // Memory every 30 s, to see a trend rather than two points.
    const trend: number[] = [];
    const sampler = setInterval(() => {
      void memory(child).then((m) => {
        trend.push(mb(m.rss));
        console.log(`  RSS ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB`);
      });
    }, 30_000);
    await run(SECONDS, stats);
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    const end = await memory(child);
    console.log(`end: RSS ${mb(end.rss)} MB, heap ${mb(end.heapUsed)} MB`);

    const round = (x: number) => Math.round(x * 1000) / 1000;
    const extra = (samples: number[]) => ({
      p99_ms: round(percentile(samples, 99)),
      requests_per_s: Math.round(samples.length / seconds),
    });
    const { pull, push, events } = stats.samples;
    const everything = [...pull, ...push, ...events];
    const label = `${READERS} readers, ${WRITERS} writers, ${Math.round(SECONDS)} s, PGlite`;
    return [
      {
        ...row(`soak all requests, ${label}`, everything.length, everything),
        ...extra(everything),
        errors: stats.errors,
        error_kinds: Object.fromEntries(stats.errorKinds),
        idle_rss_mb: mb(idle.rss),
        idle_heap_mb: mb(idle.heapUsed),
        rss_start_mb: mb(start.rss),
        rss_end_mb: mb(end.rss),
        heap_start_mb: mb(start.heapUsed),
        heap_end_mb: mb(end.heapUsed),
        rss_trend_mb: trend,
        // The machine may be shared; latencies only compare at a similar load.
        load_avg_1m_end: Math.round((loadavg()[0] ?? 0) * 10) / 10,
      } as BenchRow,
      { ...row(`soak pull, ${label}`, pull.length, pull), ...extra(pull) },
      { ...row(`soak push, ${label}`, push.length, push), ...extra(push) },
      { ...row(`soak event stream opened, ${label}`, events.length, events), ...extra(events) },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function writeSoakResults(rows: BenchRow[]): void {
  writeResults('soak.json', rows);
}
