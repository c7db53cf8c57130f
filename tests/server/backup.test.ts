import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MutationInput, PushResponse } from '../../protocol';
import { createApp } from '../../server/app';
import { type AdminSocket, serveAdminSocket } from '../../server/backup/admin-socket';
import { type Io, runAdmin } from '../../server/cli/admin-commands';
import type { Db } from '../../server/db';
import { migrate } from '../../server/migrate';
import { seedIfEmpty } from '../../server/seed';
import { demoDataset } from '../../src/demo';
import type { PullResponse } from '../../src/model';
import { type AdminTarget, adminTarget, targetKinds } from './admin-targets';
import { account, bearer, referral } from './helpers';

function capture(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

type Account = Awaited<ReturnType<typeof account>>;

/** A running installation: its database open here, and on PGlite the admin socket. */
interface Running {
  target: AdminTarget;
  db: Db;
  socket?: AdminSocket;
  coord: Account;
  worker: Account;
  stop(): Promise<void>;
}

async function start(target: AdminTarget): Promise<Running> {
  const db = await target.open();
  await migrate(db);
  await seedIfEmpty(db, demoDataset);
  const socket =
    target.kind === 'pglite'
      ? await serveAdminSocket(db, target.env.DATA_DIR as string, 'test')
      : undefined;
  return {
    target,
    db,
    socket,
    coord: await account(db, 'coordinator'),
    worker: await account(db, 'worker'),
    async stop() {
      await socket?.close();
      await db.close();
    },
  };
}

const app = (db: Db) => createApp({ db, distDir: '/nonexistent' });

async function push(db: Db, token: string, clientId: string, mutations: MutationInput[]) {
  const res = await app(db).request('/api/sync/push', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ clientId, mutations }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as PushResponse).results;
}

async function pull(db: Db, token: string | null, since: string, limit: number) {
  const res = await app(db).request(`/api/sync/pull?since=${since}&limit=${limit}`, {
    headers: token ? bearer(token) : {},
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
}

/**
 * Everything a client can observe through pull: every page of a full sync in small pages
 * (changes, cursors, `more`), for residents and for a signed-in worker, and the pages
 * after a few cursors in between (clients resuming).
 */
async function pullAnswers(db: Db, token: string): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const who of [null, token]) {
    let cursor = '';
    for (;;) {
      const page = await pull(db, who, cursor, 37);
      answers.push(page);
      if (!page.more) break;
      cursor = page.cursor;
    }
    for (const since of ['1', '100', '200', '320', '330'])
      answers.push(await pull(db, who, since, 500));
  }
  return answers;
}

async function maxVersion(db: Db): Promise<number> {
  const [row] = await db.query<{ v: string }>('select max(version)::text as v from records');
  return Number(row?.v ?? 0);
}

/** A push of every kind (on top of the demo data), so records, audit and push answers all have rows. */
async function populate(r: Running): Promise<{ mutations: MutationInput[]; statuses: string[] }> {
  const { changes } = await pull(r.db, r.worker.token, '', 2000);
  const services = changes.filter((c) => c.table === 'services' && c.data);
  const contact = changes.find((c) => c.table === 'contacts' && c.data);
  const [s1, s2, s3] = services;
  if (!s1 || !s2 || !s3 || !contact) throw new Error('demo data too small');
  const ref = referral(s3.id);
  const mutations: MutationInput[] = [
    {
      mutationId: 'b-edit',
      table: 'services',
      id: s1.id,
      op: 'upsert',
      baseVersion: s1.version,
      fields: {
        description: {
          base: ((s1.data as Record<string, unknown>).description as string) ?? null,
          value: 'Neu',
        },
      },
    },
    {
      mutationId: 'b-unpublish',
      table: 'services',
      id: s2.id,
      op: 'upsert',
      baseVersion: s2.version,
      fields: { visibility: { base: 'public', value: 'internal' } },
    },
    {
      mutationId: 'b-delete',
      table: 'contacts',
      id: contact.id,
      op: 'delete',
      baseVersion: contact.version,
    },
    {
      mutationId: 'b-referral',
      table: 'referrals',
      id: ref.id,
      op: 'upsert',
      baseVersion: 0,
      fields: Object.fromEntries(
        Object.entries(ref)
          .filter(([k]) => k !== 'id' && k !== 'updated_at')
          .map(([k, v]) => [k, { base: null, value: v }]),
      ),
    },
    {
      mutationId: 'b-conflict',
      table: 'services',
      id: s1.id,
      op: 'upsert',
      baseVersion: s1.version,
      fields: { description: { base: 'veraltet', value: 'Konflikt' } },
    },
    {
      mutationId: 'b-rejected',
      table: 'services',
      id: s3.id,
      op: 'upsert',
      baseVersion: s3.version,
      fields: { name: { base: (s3.data as Record<string, unknown>).name as string, value: '' } },
    },
  ];
  const results = await push(r.db, r.coord.token, 'device-1', mutations);
  // A failed login, so the throttle table has a row too.
  await app(r.db).request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: r.worker.email, password: 'falsch-falsch-falsch' }),
  });
  return { mutations, statuses: results.map((x) => x.status) };
}

const pairs = targetKinds.flatMap((from) => targetKinds.map((to) => ({ from, to })));

describe.each(pairs)('npm run admin -- backup on $from, restore on $to', ({ from, to }) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('restores a database that answers every pull as before and keeps syncing', {
    timeout: 180_000,
  }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'qw-backup-'));
    cleanup.push(() => rm(work, { recursive: true, force: true }));
    const source = await adminTarget(from);
    cleanup.push(() => source.destroy());
    const running = await start(source);
    cleanup.push(() => running.stop());
    const { mutations, statuses } = await populate(running);
    expect(statuses).toEqual(['applied', 'applied', 'applied', 'applied', 'conflict', 'rejected']);
    const before = await pullAnswers(running.db, running.worker.token);
    const maxBefore = await maxVersion(running.db);

    // While the server runs (on PGlite the tool cannot even open the database itself).
    const file = join(work, 'nightly.jsonl.gz');
    const out = capture();
    expect(await runAdmin(['backup', file], source.env, out), out.errors.join('\n')).toBe(0);
    expect(out.lines.join('\n')).toMatch(/Sicherung .*geschrieben/);

    const target = await adminTarget(to);
    cleanup.push(() => target.destroy());
    const restored = capture();
    expect(
      await runAdmin(['restore', file], target.env, restored),
      restored.errors.join('\n'),
    ).toBe(0);

    const db = await target.open();
    cleanup.push(() => db.close());
    expect(await pullAnswers(db, running.worker.token)).toEqual(before);

    // Sessions are restored: signed-in devices stay signed in; passwords work.
    const me = await app(db).request('/api/auth/me', { headers: bearer(running.worker.token) });
    expect(me.status).toBe(200);
    const login = await app(db).request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: running.coord.email, password: running.coord.password }),
    });
    expect(login.status).toBe(200);

    // A device whose answer got lost retries: still answered from the stored push answers.
    const retried = await push(db, running.coord.token, 'device-1', mutations);
    expect(retried.map((x) => x.status)).toEqual(new Array(mutations.length).fill('duplicate'));
    expect(retried.map((x) => x.originalStatus)).toEqual(statuses);

    // New writes continue above every version a client may hold as its cursor.
    const sid = randomUUID();
    const [org] = (await pull(db, running.worker.token, '', 1)).changes;
    const [fresh] = await push(db, running.coord.token, 'device-2', [
      {
        mutationId: 'after-restore',
        table: 'services',
        id: sid,
        op: 'upsert',
        baseVersion: 0,
        fields: {
          organization_id: { base: null, value: org?.id },
          name: { base: null, value: 'Nach der Wiederherstellung' },
          categories: { base: null, value: ['arbeit'] },
          target_groups: { base: null, value: ['alle'] },
        },
      },
    ]);
    expect(fresh?.status).toBe('applied');
    expect(fresh?.version).toBeGreaterThan(maxBefore);
    const resumed = await pull(db, running.worker.token, String(maxBefore), 500);
    expect(resumed.changes.map((c) => c.id)).toEqual([sid]);
    // The same works on the source: both continue identically from the old cursor.
    expect((await pull(db, null, String(maxBefore), 500)).changes.map((c) => c.id)).toEqual([sid]);

    // A second restore would overwrite live data: refused, nothing changed.
    await db.close();
    const twice = capture();
    expect(await runAdmin(['restore', file], target.env, twice)).toBe(1);
    expect(twice.errors.join('\n')).toMatch(/Zieldatenbank ist nicht leer/);
    const reopened = await target.open();
    cleanup.push(() => reopened.close());
    expect(await maxVersion(reopened)).toBe(fresh?.version);
  });

  it('takes a consistent snapshot while writers keep pushing', { timeout: 180_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'qw-backup-live-'));
    cleanup.push(() => rm(work, { recursive: true, force: true }));
    const source = await adminTarget(from);
    cleanup.push(() => source.destroy());
    const running = await start(source);
    cleanup.push(() => running.stop());
    await populate(running);
    const [org] = (await pull(running.db, running.worker.token, '', 1)).changes;

    // Each push creates one new offer; the backup lands somewhere in between.
    let stop = false;
    const created: string[] = [];
    const writer = (async () => {
      for (let i = 0; !stop || i < 3; i++) {
        const id = randomUUID();
        const [r] = await push(running.db, running.coord.token, 'live', [
          {
            mutationId: `live-${i}`,
            table: 'services',
            id,
            op: 'upsert',
            baseVersion: 0,
            fields: {
              organization_id: { base: null, value: org?.id },
              name: { base: null, value: `Live ${i}` },
              categories: { base: null, value: ['arbeit'] },
              target_groups: { base: null, value: ['alle'] },
            },
          },
        ]);
        expect(r?.status).toBe('applied');
        created.push(id);
        // In-process requests on PGlite never wait for I/O; real clients come over the network.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const file = join(work, 'live.jsonl');
    const out = capture();
    const code = await runAdmin(['backup', file], source.env, out);
    stop = true;
    await writer;
    expect(code, out.errors.join('\n')).toBe(0);

    const target = await adminTarget(to);
    cleanup.push(() => target.destroy());
    expect(await runAdmin(['restore', file], target.env, capture())).toBe(0);
    const db = await target.open();
    cleanup.push(() => db.close());

    // The restored state is exactly the source's at one moment: the changes up to its
    // highest version, nothing missing below it and nothing half-applied.
    const cut = await maxVersion(db);
    const all = (await pull(running.db, running.worker.token, '', 2000)).changes;
    expect((await pull(db, running.worker.token, '', 2000)).changes).toEqual(
      all.filter((c) => c.version <= cut),
    );
    const [answers] = await db.query<{ n: string }>(
      "select count(*)::text as n from processed_mutations where client_id = 'live'",
    );
    const live = all.filter((c) => c.version <= cut && created.includes(c.id));
    expect(Number(answers?.n)).toBe(live.length);
    const [sequence] = await db.query<{ v: string }>(
      'select last_value::text as v from record_version',
    );
    expect(Number(sequence?.v)).toBeGreaterThanOrEqual(cut);
  });
});

describe('npm run admin -- restore refuses bad input', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('a truncated file restores nothing', { timeout: 120_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'qw-backup-bad-'));
    cleanup.push(() => rm(work, { recursive: true, force: true }));
    const source = await adminTarget('pglite');
    cleanup.push(() => source.destroy());
    const running = await start(source);
    await populate(running);
    await running.stop();
    const file = join(work, 'full.jsonl');
    expect(await runAdmin(['backup', file], source.env, capture())).toBe(0);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const cut = join(work, 'cut.jsonl');
    await writeFile(cut, `${lines.slice(0, Math.floor(lines.length / 2)).join('\n')}\n`);

    const target = await adminTarget('pglite');
    cleanup.push(() => target.destroy());
    const err = capture();
    expect(await runAdmin(['restore', cut], target.env, err)).toBe(1);
    expect(err.errors.join('\n')).toMatch(/unvollständig|beschädigt/);
    const db = await target.open();
    const [row] = await db.query<{ n: string }>('select count(*)::text as n from records');
    await db.close();
    expect(row?.n).toBe('0');

    const notBackup = join(work, 'other.json');
    await writeFile(notBackup, '{"hello":"world"}\n');
    const other = capture();
    expect(await runAdmin(['restore', notBackup], target.env, other)).toBe(1);
    expect(other.errors.join('\n')).toMatch(/keine Sicherung des Quartier-Wegweisers/);
  });
});
