import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationInput, PushResponse } from '../../protocol';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db';
import { type ChangeHub, createChangeHub } from '../../server/notify';
import { account, backends, bearer, DATABASE_URL, openMigrated, org, type TestDb } from './helpers';
import { SseReader } from './sse';

interface Instance {
  url: string;
  hub: ChangeHub;
  close(): Promise<void>;
}

/** A real HTTP server around createApp on a free loopback port. */
async function listen(db: Db, heartbeatMs = 60_000): Promise<Instance> {
  const hub = createChangeHub(db);
  const app = createApp({ db, hub, distDir: '/nonexistent', heartbeatMs });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hub,
    async close() {
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function createOrg(data: Record<string, unknown>): MutationInput {
  const { id, updated_at: _, ...rest } = data;
  return {
    mutationId: randomUUID(),
    table: 'organizations',
    id: String(id),
    op: 'upsert',
    baseVersion: 0,
    fields: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, { base: null, value: v }])),
  };
}

async function push(url: string, token: string, mutations: MutationInput[]): Promise<number> {
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ clientId: 'events-test', mutations }),
  });
  expect(res.status).toBe(200);
  const { results } = (await res.json()) as PushResponse;
  expect(results.every((r) => r.status === 'applied')).toBe(true);
  return Math.max(...results.map((r) => r.version ?? 0));
}

describe.each(backends)('GET /api/sync/events on $name', (backend) => {
  let t: TestDb;
  let server: Instance;
  let coordinator: string;
  let worker: string;

  beforeAll(async () => {
    t = await openMigrated(backend);
    server = await listen(t.db, 30);
    coordinator = (await account(t.db, 'coordinator')).token;
    worker = (await account(t.db, 'worker')).token;
  });
  afterAll(async () => {
    await server?.close();
    await t?.destroy();
  });

  const open = (path = '/api/sync/events', headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });

  it('sends the current version, then each new one live, with heartbeats', async () => {
    const res = await open('/api/sync/events', bearer(worker));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    const events = new SseReader(res);
    try {
      const start = await events.nextVersion();
      expect(start).toBe(0);
      const v1 = await push(server.url, coordinator, [createOrg(org())]);
      expect(await events.nextVersion()).toBe(v1);
      const v2 = await push(server.url, coordinator, [createOrg(org({ visibility: 'internal' }))]);
      expect(await events.nextVersion()).toBe(v2);
      // Heartbeat comments keep idle connections open.
      let m = await events.next();
      while (m && !m.comment) m = await events.next();
      expect(m?.data).toBe('');
    } finally {
      await events.close();
    }
  });

  it('tells residents only about changes they can pull', async () => {
    const events = new SseReader(await open());
    try {
      const start = (await events.nextVersion()) as number;
      await push(server.url, coordinator, [createOrg(org({ visibility: 'internal' }))]);
      const pub = await push(server.url, coordinator, [createOrg(org())]);
      // The internal change was skipped: the next event is the public one.
      const next = await events.nextVersion();
      expect(next).toBe(pub);
      expect(next).toBeGreaterThan(start);
    } finally {
      await events.close();
    }
  });

  it('accepts the token as ?token= for EventSource and refuses bad tokens', async () => {
    expect((await open('/api/sync/events?token=kaputt')).status).toBe(401);
    expect((await open('/api/sync/events', bearer('kaputt'))).status).toBe(401);
    const res = await open(`/api/sync/events?token=${encodeURIComponent(worker)}`);
    expect(res.status).toBe(200);
    const events = new SseReader(res);
    expect(await events.nextVersion()).toBeGreaterThan(0);
    await events.close();
  });

  it('ends the stream when the session is logged out', async () => {
    const { token } = await account(t.db, 'worker');
    const events = new SseReader(await open('/api/sync/events', bearer(token)));
    expect(await events.nextVersion()).not.toBeNull();
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: bearer(token),
    });
    expect(out.status).toBe(204);
    // The next heartbeat re-checks the session and closes the stream.
    expect(await events.nextVersion()).toBeNull();
  });
});

describe.runIf(DATABASE_URL)('two server instances on one PostgreSQL', () => {
  let t: TestDb;
  let otherDb: Db;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const pg = backends.find((x) => x.name === 'postgres');
    if (!pg) throw new Error('postgres backend missing');
    t = await openMigrated(pg);
    if (!t.sibling) throw new Error('no sibling');
    otherDb = await t.sibling();
    a = await listen(t.db);
    b = await listen(otherDb);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await otherDb?.close();
    await t?.destroy();
  });

  it('delivers a push to instance A live to an event stream on instance B', async () => {
    const coordinator = await account(t.db, 'coordinator');
    // Sessions live in the database: the token from A's database works on B.
    const me = await fetch(`${b.url}/api/auth/me`, { headers: bearer(coordinator.token) });
    expect(me.status).toBe(200);

    const res = await fetch(`${b.url}/api/sync/events`, { headers: bearer(coordinator.token) });
    const events = new SseReader(res);
    try {
      expect(await events.nextVersion()).toBe(0);
      const o = org({ name: 'Über Instanz A' });
      const version = await push(a.url, coordinator.token, [createOrg(o)]);
      expect(await events.nextVersion()).toBe(version);
      // And B serves the change.
      const pull = await fetch(`${b.url}/api/sync/pull`, { headers: bearer(coordinator.token) });
      const body = (await pull.json()) as { changes: { id: string }[] };
      expect(body.changes.map((c) => c.id)).toContain(o.id);
      // A replay of the same push on B is a duplicate: processed ids are shared too.
      const replay = await fetch(`${b.url}/api/sync/push`, {
        method: 'POST',
        headers: bearer(coordinator.token),
        body: JSON.stringify({
          clientId: 'events-test',
          mutations: [{ ...createOrg(o), mutationId: 'fixed-1' }],
        }),
      });
      expect(((await replay.json()) as PushResponse).results[0]?.status).toBe('applied');
      const again = await fetch(`${a.url}/api/sync/push`, {
        method: 'POST',
        headers: bearer(coordinator.token),
        body: JSON.stringify({
          clientId: 'events-test',
          mutations: [{ ...createOrg(o), mutationId: 'fixed-1' }],
        }),
      });
      expect(((await again.json()) as PushResponse).results[0]?.status).toBe('duplicate');
    } finally {
      await events.close();
    }
  });
});
