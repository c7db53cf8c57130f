/**
 * The page ↔ data worker message layer, over a real MessageChannel (jsdom has no Worker),
 * and the data service behind it: pull into IndexedDB, first-load progress, queries; and the
 * same service on the page when no worker starts.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WegweiserDB } from '../../src/db/schema';
import { applyPullPage } from '../../src/sync/apply';
import { SyncError } from '../../src/sync/errors';
import type { DataApi, DataEvent, LoadState } from '../../src/worker/api';
import { connect, type Port, serve } from '../../src/worker/bridge';
import { createDataClient, DataWorkerStopped } from '../../src/worker/client';
import { createDataCore } from '../../src/worker/core';
import { destroy, freshDb, location, org, service, upsert } from './db.fixtures';
import { fakeServer } from './sync.fixtures';

const ports: MessagePort[] = [];
const dbs: WegweiserDB[] = [];
afterEach(async () => {
  for (const p of ports.splice(0)) p.close();
  for (const db of dbs.splice(0)) await destroy(db);
  vi.unstubAllGlobals();
});

function channel(): [Port, Port] {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return [port1 as unknown as Port, port2 as unknown as Port];
}

function db(): WegweiserDB {
  const d = freshDb().db;
  dbs.push(d);
  return d;
}

interface TestApi {
  double(n: number, signal: AbortSignal): Promise<number>;
  fail(code: 'server' | 'plain', signal: AbortSignal): Promise<never>;
  wait(arg: null, signal: AbortSignal): Promise<string>;
}

describe('message layer', () => {
  function pair() {
    const [a, b] = channel();
    const aborted: string[] = [];
    const api: TestApi = {
      async double(n) {
        return n * 2;
      },
      async fail(code) {
        if (code === 'server') throw new SyncError('server', { status: 503 });
        throw new TypeError('broken');
      },
      wait(_arg, signal) {
        return new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted.push('wait');
            reject(new DOMException('stopped', 'AbortError'));
          });
        });
      },
    };
    const events: string[] = [];
    const { emit } = serve<TestApi, string>(a, api);
    const remote = connect<TestApi, string>(b, (e) => events.push(e));
    return { remote, emit, events, aborted };
  }

  it('answers calls with their results, in any order', async () => {
    const { remote } = pair();
    await remote.up;
    await expect(
      Promise.all([remote.call('double', 2), remote.call('double', 21)]),
    ).resolves.toEqual([4, 42]);
  });

  it('brings a SyncError back as a SyncError with its code and status', async () => {
    const { remote } = pair();
    const err = await remote.call('fail', 'server').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).info()).toEqual({ code: 'server', status: 503 });
    const plain = await remote.call('fail', 'plain').catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(Error);
    expect((plain as Error).name).toBe('TypeError');
  });

  it('rejects a call the other side does not have', async () => {
    const { remote } = pair();
    await expect(
      (remote.call as (m: string, a: unknown) => Promise<unknown>)('toString', null),
    ).rejects.toThrow(/unknown call/);
  });

  it('aborts a running call on the serving side, and the caller gets an AbortError', async () => {
    const { remote, aborted } = pair();
    const ac = new AbortController();
    const running = remote.call('wait', null, ac.signal).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    ac.abort();
    const err = (await running) as Error;
    expect(err.name).toBe('AbortError');
    expect(aborted).toEqual(['wait']);
  });

  it('delivers events, and a failed side rejects what is pending', async () => {
    const { remote, emit, events } = pair();
    emit('hello');
    const pending = remote.call('wait', null);
    await vi.waitFor(() => expect(events).toEqual(['hello']));
    remote.fail(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    await expect(remote.call('double', 1)).rejects.toThrow('gone');
  });
});

function dataset() {
  let v = 0;
  return [
    upsert('organizations', { ...org(1, { name: 'Diakonie' }), version: ++v }),
    upsert('locations', { ...location(10), version: ++v }),
    upsert('services', {
      ...service(100, { name: 'Schuldnerberatung', location_ids: [location(10).id] }),
      version: ++v,
    }),
    upsert('services', { ...service(101, { name: 'Sprachcafé' }), version: ++v }),
  ];
}

describe('data service behind the message layer', () => {
  it('pulls into IndexedDB with first-load progress, then answers queries', async () => {
    const server = fakeServer(dataset());
    vi.stubGlobal('fetch', server.fetch);
    const target = db();
    const [a, b] = channel();
    const { emit } = serve<DataApi, DataEvent>(
      a,
      createDataCore(target, (e) => emit(e), { filling: true }),
    );
    const loads: LoadState[] = [];
    const remote = connect<DataApi, DataEvent>(b, (e) => {
      if (e.kind === 'load') loads.push(e.state);
    });

    expect(await remote.call('pull', { baseUrl: '', token: null, limit: 2 })).toBe(4);
    expect(await target.services.count()).toBe(2);
    await vi.waitFor(() => expect(loads.at(-1)?.active).toBe(false));
    expect(loads[0]).toEqual({ active: true, applied: 0 });
    // Active from the start (an empty device), then page by page.
    expect(loads.map((l) => l.applied)).toEqual([0, 0, 2, 4, 4]);

    await vi.waitFor(async () => {
      const answer = await remote.call('search', { query: 'schuldner', filters: {} });
      expect(answer.ready).toBe(true);
      expect(answer.ids).toEqual([service(100).id]);
      expect(answer.needles).toContain('schuldner');
      expect(answer.terms).toContain('schuldnerberatung');
    });
    expect(await remote.call('languages', null)).toEqual(expect.any(Array));

    // A later pull starts from a cursor: no first-load progress.
    loads.length = 0;
    await remote.call('pull', { baseUrl: '', token: null });
    expect(loads).toEqual([]);
  });

  it('sends the token with the pull', async () => {
    const server = fakeServer(dataset());
    const seen: (string | undefined)[] = [];
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      seen.push((init?.headers as Record<string, string> | undefined)?.authorization);
      return server.fetch(input, init);
    });
    const service_ = createDataCore(db(), () => {});
    await service_.pull({ baseUrl: '', token: 'tok' }, new AbortController().signal);
    expect(seen).toEqual(['Bearer tok']);
  });
});

describe('without a worker', () => {
  it('runs the same service on the page', async () => {
    vi.stubGlobal('fetch', fakeServer(dataset()).fetch);
    const target = db();
    const client = createDataClient(target, { startWorker: () => null });
    await client.call('pull', { baseUrl: '', token: null });
    expect(client.where()).toBe('page');
    await vi.waitFor(async () => {
      const answer = await client.call('search', { query: 'Sprachcafe', filters: {} });
      expect(answer.ids).toEqual([service(101).id]);
    });
    expect(client.index.get().status).toBe('ready');
  });

  it('falls back to the page when the worker fails to start', async () => {
    vi.stubGlobal('fetch', fakeServer(dataset()).fetch);
    const broken = new EventTarget() as EventTarget & { postMessage(): void; terminate(): void };
    let terminated = false;
    broken.postMessage = () => {};
    broken.terminate = () => {
      terminated = true;
    };
    const client = createDataClient(db(), { startWorker: () => broken as unknown as Worker });
    const pulled = client.call('pull', { baseUrl: '', token: null });
    broken.dispatchEvent(new Event('error', { cancelable: true }));
    expect(await pulled).toBe(4);
    expect(client.where()).toBe('page');
    expect(terminated).toBe(true);
  });
});

describe('a worker that stops after its start', () => {
  /**
   * Stand-ins for data workers: each serves a real data service over a MessageChannel, and
   * `kill` ends it the way the browser does (no last message; only its life lock frees).
   */
  function fakeWorkers(target: WegweiserDB) {
    const started: string[] = [];
    const deaths = new Map<string, () => void>();
    const closers = new Map<string, () => void>();
    const startWorker = (name: string) => {
      started.push(name);
      const [page, inWorker] = channel();
      const { emit } = serve<DataApi, DataEvent>(
        inWorker,
        createDataCore(target, (e) => emit(e)),
      );
      closers.set(name, () => (inWorker as unknown as MessagePort).close());
      return Object.assign(page, { terminate: () => closers.get(name)?.() }) as unknown as Worker;
    };
    const watchWorker = (name: string, signal: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        deaths.set(name, resolve);
        signal.addEventListener('abort', () => reject(new DOMException('', 'AbortError')));
      });
    const kill = (name: string | undefined) => {
      if (!name) throw new Error('no such worker');
      closers.get(name)?.();
      deaths.get(name)?.();
    };
    return { started, startWorker, watchWorker, kill };
  }

  async function filled(): Promise<WegweiserDB> {
    const target = db();
    await applyPullPage(target, { changes: dataset(), cursor: '4', more: false });
    return target;
  }

  it('rejects the pending calls, starts a new worker and answers there, index events included', async () => {
    const target = await filled();
    const fakes = fakeWorkers(target);
    const client = createDataClient(target, fakes);
    await vi.waitFor(async () => {
      const answer = await client.call('search', { query: 'Sprachcafe', filters: {} });
      expect(answer.ids).toEqual([service(101).id]);
    });
    expect(client.where()).toBe('worker');
    const seen: string[] = [];

    // A pull whose server never answers: without the fix it would wait forever.
    vi.stubGlobal('fetch', () => new Promise(() => {}));
    const pending = client.call('pull', { baseUrl: '', token: null }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    client.index.subscribe((state) => seen.push(state.status));
    seen.length = 0;
    fakes.kill(fakes.started[0]);

    expect(await pending).toBeInstanceOf(DataWorkerStopped);
    expect(fakes.started).toHaveLength(2);
    // The new worker loads the index again and says so.
    await vi.waitFor(() => expect(seen.at(-1)).toBe('ready'));
    expect(seen[0]).toBe('loading');
    const answer = await client.call('search', { query: 'schuldner', filters: {} });
    expect(answer.ids).toEqual([service(100).id]);
    expect(client.where()).toBe('worker');
  });

  it('serves on the page after the last restart', async () => {
    const target = await filled();
    const fakes = fakeWorkers(target);
    const client = createDataClient(target, { ...fakes, maxRestarts: 1 });
    await client.call('warm', null);
    fakes.kill(fakes.started[0]);
    await vi.waitFor(() => expect(fakes.started).toHaveLength(2));
    await client.call('warm', null);
    expect(client.where()).toBe('worker');
    fakes.kill(fakes.started[1]);

    await vi.waitFor(async () => {
      const answer = await client.call('search', { query: 'Sprachcafe', filters: {} });
      expect(answer.ids).toEqual([service(101).id]);
    });
    expect(client.where()).toBe('page');
    expect(fakes.started).toHaveLength(2);
  });

  it('does not take a worker it terminated itself for one that died', async () => {
    const target = await filled();
    const fakes = fakeWorkers(target);
    const broken = new EventTarget() as EventTarget & { postMessage(): void; terminate(): void };
    broken.postMessage = () => {};
    broken.terminate = () => {};
    let starts = 0;
    const client = createDataClient(target, {
      ...fakes,
      startWorker: () => {
        starts++;
        return broken as unknown as Worker;
      },
    });
    const warmed = client.call('warm', null);
    broken.dispatchEvent(new Event('error', { cancelable: true }));
    await warmed;
    expect(client.where()).toBe('page');
    expect(starts).toBe(1);
  });
});
