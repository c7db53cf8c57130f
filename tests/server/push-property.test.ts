/**
 * Model-based property test of the push protocol: three clients (coordinators) edit and
 * delete offline, push (sometimes losing the response, sometimes delivering it twice in
 * parallel), pull, and the server restarts now and then. A reference model (a Map plus the
 * pure mergeMutation) predicts every answer. At the end, after a clean final sync:
 * - every client's copy equals the server's records, and the server equals the model;
 * - every edit was applied exactly once (one audit row per changed field) or stands as a
 *   conflict (no audit row), and every mutation was processed exactly once.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CurrentRecord,
  type Mutation,
  mergeMutation,
  type PushResponse,
  type PushResult,
  sameValue,
} from '../../protocol';
import { createApp } from '../../server/app';
import { upsertRecords } from '../../server/records';
import type { PullResponse } from '../../src/model';
import { account, backends, bearer, openMigrated, org, type TestDb } from './helpers';

const FIELDS = {
  name: ['Träger A', 'Träger B', 'Träger C'],
  description: ['', 'Beratung', 'Begegnung'],
  phone: ['0202 1', '0202 2', null],
} as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];
const RECORDS = 2;
const CLIENTS = 3;

type Action =
  | { kind: 'edit'; client: number; rec: number; field: Field; value: number }
  | { kind: 'delete'; client: number; rec: number }
  | { kind: 'push'; client: number; drop: boolean; twice: boolean }
  | { kind: 'pull'; client: number }
  | { kind: 'restart' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      client: fc.nat(CLIENTS - 1),
      rec: fc.nat(RECORDS - 1),
      field: fc.constantFrom(...FIELD_NAMES),
      value: fc.nat(2),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      client: fc.nat(CLIENTS - 1),
      rec: fc.nat(RECORDS - 1),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      client: fc.nat(CLIENTS - 1),
      drop: fc.boolean(),
      twice: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('pull' as const), client: fc.nat(CLIENTS - 1) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

interface Copy {
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

interface Client {
  clientId: string;
  token: string;
  cursor: string;
  copy: Map<string, Copy>;
  outbox: Mutation[];
}

interface Expected {
  /** Status the model predicted when the mutation was first processed. */
  status: 'applied' | 'conflict';
  conflicts: string[];
  /** Fields whose server value this mutation changed. */
  changed: string[];
}

describe.each(backends)('push protocol model on $name', (backend) => {
  let t: TestDb;
  let tokens: string[];
  const app = () => createApp({ db: t.db, distDir: '/nonexistent' });

  beforeAll(async () => {
    t = await openMigrated(backend);
    tokens = [];
    for (let i = 0; i < CLIENTS; i++) tokens.push((await account(t.db, 'coordinator')).token);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  async function pull(c: Client): Promise<void> {
    for (;;) {
      const res = await app().request(`/api/sync/pull?since=${c.cursor}&limit=3`, {
        headers: bearer(c.token),
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as PullResponse;
      for (const ch of page.changes) {
        if (c.copy.has(ch.id)) {
          c.copy.set(ch.id, { version: ch.version, deleted: ch.deleted, data: ch.data });
        }
      }
      c.cursor = page.cursor;
      if (!page.more) return;
    }
  }

  /** The client's view: last pulled copy with its pending outbox on top. */
  function local(c: Client, id: string): { deleted: boolean; fields: Record<string, unknown> } {
    const copy = c.copy.get(id);
    const fields: Record<string, unknown> = { ...(copy?.data ?? {}) };
    let deleted = copy?.deleted ?? true;
    for (const m of c.outbox) {
      if (m.id !== id) continue;
      if (m.op === 'delete') deleted = true;
      else for (const [f, ch] of Object.entries(m.fields)) fields[f] = ch.value;
    }
    return { deleted, fields };
  }

  it('converges, and applies every edit once or reports it as a conflict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 5, maxLength: 35 }), async (actions) => {
        // Fresh records per run; clients start from the version before them.
        const [{ v }] = (await t.db.query<{ v: string | number }>(
          'select coalesce(max(version), 0) as v from records',
        )) as [{ v: string | number }];
        const ids = Array.from({ length: RECORDS }, () => randomUUID());
        await t.db.tx((q) =>
          upsertRecords(
            q,
            'organizations',
            ids.map((id) => org({ id, name: 'Träger A' })),
            null,
          ),
        );
        const clients: Client[] = tokens.map((token) => ({
          clientId: randomUUID(),
          token,
          cursor: String(v),
          copy: new Map(ids.map((id) => [id, { version: 0, deleted: true, data: null }])),
          outbox: [],
        }));
        for (const c of clients) await pull(c);

        // The model: record fields + deleted, and who wrote which version (the versions
        // are the server's opaque numbers, taken from its answers).
        const model = new Map<string, CurrentRecord>();
        const writes = new Map<string, { version: number; clientId: string | null }[]>();
        for (const id of ids) {
          const [row] = await t.db.query<{ data: Record<string, unknown>; version: string }>(
            "select data, version from records where table_name = 'organizations' and id = $1::uuid",
            [id],
          );
          model.set(id, { ...(row?.data ?? {}), version: Number(row?.version), deleted: false });
          writes.set(id, [{ version: Number(row?.version), clientId: null }]);
        }
        const processed = new Map<string, Expected>();
        const edits: Mutation[] = [];

        /**
         * What the server must answer for `batch` from `clientId`, applied to the model.
         * Returns the statuses and, per written mutation, the write entry whose version
         * the answer fills in.
         */
        const predict = (batch: Mutation[], clientId: string) => {
          const statuses: PushResult['status'][] = [];
          const pending = new Map<string, { version: number; clientId: string | null }>();
          for (const m of batch) {
            if (processed.has(m.mutationId)) {
              statuses.push('duplicate');
              continue;
            }
            const current = model.get(m.id) ?? null;
            const log = writes.get(m.id) ?? [];
            const concurrent = log.some(
              (w) => w.version > m.baseVersion && w.clientId !== clientId,
            );
            const merge = mergeMutation(current, m, { concurrent });
            const next = merge.next;
            const changed = next
              ? [...FIELD_NAMES, 'deleted'].filter((f) => !sameValue(current?.[f], next[f]))
              : [];
            if (merge.next) {
              model.set(m.id, merge.next as CurrentRecord);
              const w = { version: Number.POSITIVE_INFINITY, clientId };
              log.push(w);
              pending.set(m.mutationId, w);
            }
            const status = merge.conflicts.length > 0 ? 'conflict' : 'applied';
            processed.set(m.mutationId, {
              status,
              conflicts: merge.conflicts.map((x) => x.field),
              changed,
            });
            statuses.push(status);
          }
          return { statuses, pending };
        };

        const send = (c: Client, batch: Mutation[]) =>
          app().request('/api/sync/push', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...bearer(c.token) },
            body: JSON.stringify({ clientId: c.clientId, mutations: batch }),
          });

        const push = async (c: Client, drop: boolean, twice: boolean) => {
          if (c.outbox.length === 0) return;
          const batch = [...c.outbox];
          const { statuses: expected, pending } = predict(batch, c.clientId);
          const responses = await Promise.all(
            twice ? [send(c, batch), send(c, batch)] : [send(c, batch)],
          );
          const bodies: PushResponse[] = [];
          for (const r of responses) {
            expect(r.status).toBe(200);
            bodies.push((await r.json()) as PushResponse);
          }
          const statuses = bodies.map((b) => b.results.map((r) => r.status));
          // One delivery got the predicted answers; a parallel copy saw only duplicates.
          expect(statuses).toContainEqual(expected);
          if (twice) expect(statuses).toContainEqual(batch.map(() => 'duplicate'));
          for (const b of bodies) {
            for (const r of b.results) {
              const w = pending.get(r.mutationId);
              if (w && r.status !== 'duplicate') w.version = r.version as number;
              const e = processed.get(r.mutationId);
              expect(e).toBeDefined();
              expect(r.status === 'duplicate' ? r.originalStatus : r.status).toBe(e?.status);
              expect((r.conflicts ?? []).map((x) => x.field)).toEqual(e?.conflicts);
            }
          }
          if (drop) return; // response lost: the outbox stays and will be sent again
          const results = bodies[0]?.results ?? [];
          const done = new Set(results.map((r) => r.mutationId));
          // Like the app: an applied delete removes the record locally at once.
          for (const m of batch) {
            const r = results.find((x) => x.mutationId === m.mutationId);
            const status = r?.status === 'duplicate' ? r.originalStatus : r?.status;
            if (m.op === 'delete' && status === 'applied' && r?.version !== undefined) {
              c.copy.set(m.id, { version: r.version, deleted: true, data: null });
            }
          }
          c.outbox = c.outbox.filter((m) => !done.has(m.mutationId));
        };

        for (const a of actions) {
          if (a.kind === 'restart') {
            await t.reopen();
            continue;
          }
          const c = clients[a.client] as Client;
          if (a.kind === 'pull') await pull(c);
          else if (a.kind === 'push') await push(c, a.drop, a.twice);
          else {
            const id = ids[a.rec] as string;
            const view = local(c, id);
            if (view.deleted) continue; // the UI offers no edit of a deleted record
            const copy = c.copy.get(id) as Copy;
            let m: Mutation;
            if (a.kind === 'delete') {
              m = {
                mutationId: randomUUID(),
                table: 'organizations',
                id,
                op: 'delete',
                baseVersion: copy.version,
                fields: {},
              };
            } else {
              const value = FIELDS[a.field][a.value] ?? null;
              m = {
                mutationId: randomUUID(),
                table: 'organizations',
                id,
                op: 'upsert',
                baseVersion: copy.version,
                fields: { [a.field]: { base: view.fields[a.field] ?? null, value } },
              };
            }
            c.outbox.push(m);
            edits.push(m);
          }
        }

        // Final clean sync: everyone pushes until the outbox is empty, then everyone pulls.
        for (const c of clients) await push(c, false, false);
        for (const c of clients) expect(c.outbox).toEqual([]);
        for (const c of clients) await pull(c);

        const rows = await t.db.query<{
          id: string;
          data: Record<string, unknown>;
          version: string;
          deleted: boolean;
        }>(
          "select id::text as id, data, version, deleted from records where table_name = 'organizations' and id = any($1::uuid[])",
          [ids],
        );
        for (const row of rows) {
          const m = model.get(row.id) as CurrentRecord;
          expect(row.deleted).toBe(m.deleted);
          for (const f of FIELD_NAMES) expect(row.data[f] ?? null).toEqual(m[f] ?? null);
          for (const c of clients) {
            const copy = c.copy.get(row.id);
            expect(copy?.deleted).toBe(row.deleted);
            expect(copy?.version).toBe(Number(row.version));
            if (!row.deleted) expect(copy?.data).toEqual(row.data);
          }
        }

        // Exactly once: per mutation one processed row and one audit row per changed field.
        const mids = edits.map((e) => e.mutationId);
        const processedRows = await t.db.query<{ mutation_id: string; status: string }>(
          'select mutation_id, status from processed_mutations where mutation_id = any($1::text[])',
          [mids],
        );
        expect(processedRows.length).toBe(edits.length);
        const audit = await t.db.query<{ mutation_id: string; field: string }>(
          'select mutation_id, field from audit_log where mutation_id = any($1::text[])',
          [mids],
        );
        for (const e of edits) {
          const expected = processed.get(e.mutationId);
          expect(expected?.status === 'applied' || expected?.status === 'conflict').toBe(true);
          const fields = audit.filter((r) => r.mutation_id === e.mutationId).map((r) => r.field);
          expect(fields.sort()).toEqual([...(expected?.changed ?? [])].sort());
          for (const f of expected?.conflicts ?? []) expect(fields).not.toContain(f);
        }
      }),
      { numRuns: backend.name === 'pglite' ? 40 : 100 },
    );
  }, 240_000);
});
