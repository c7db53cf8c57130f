/**
 * Fuzzing push with hostile mutations: arbitrary JSON (deep, wide, odd strings and keys)
 * in every part of a mutation. Whatever one mutation holds, the request must not fail
 * (no 5xx, no 400 for a well-formed envelope), every mutation gets its own answer, and a
 * valid mutation sent along with them is applied.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editableFields, MAX_PUSH_BYTES, type PushResponse } from '../../protocol';
import { createApp } from '../../server/app';
import { TABLE_NAMES, type TableName } from '../../src/model';
import {
  account,
  backends,
  bearer,
  contact,
  createMutation,
  openMigrated,
  org,
  service,
  type TestDb,
} from './helpers';

/** Stands for `depth` nested arrays around `inner`; written out as text, never recursed. */
class Deep {
  constructor(
    readonly depth: number,
    readonly inner: unknown,
  ) {}
}

/** JSON text of a generated value (generated values are shallow; Deep nodes are not). */
function toJson(v: unknown): string {
  if (v instanceof Deep) return `${'['.repeat(v.depth)}${toJson(v.inner)}${']'.repeat(v.depth)}`;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const FIELD_NAMES = [
  'name',
  'description',
  'organization_id',
  'service_id',
  'location_id',
  'phone',
  'email',
  'url',
  'target_groups',
  'languages',
  'exdates',
  'opens_at',
  'visibility',
  'channel',
  'date',
  'quartier',
  'id',
  'version',
  'deleted',
  'updated_by',
];
const ODD = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u2066',
  '\u0007',
  '\u001b',
  '\n',
  '\t',
  '\ufeff',
  '😀',
  '"',
  '\\',
  "'; drop table records; --",
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

const oddString = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(...ODD)), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''));
const bigString = fc.nat(120_000).map((n) => 'x'.repeat(n));
const key = fc.oneof(oddString, fc.constantFrom(...FIELD_NAMES, ...PROTO_KEYS));

const { value: jsonArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e308, 2 ** 53 + 1)),
    oddString,
    fc.constantFrom('Träger A', '2026-01-15', '10:00', 'qr', 'public', 'internal', randomUUID()),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    fc
      .tuple(fc.integer({ min: 1, max: 12_000 }), tie('value'))
      .map(([d, inner]) => new Deep(d, inner)),
    bigString,
  ),
}));

describe.each(backends)('push fuzzing on $name', (backend) => {
  let t: TestDb;
  let token: string;
  let records: { table: TableName; id: string }[];
  const app = () => createApp({ db: t.db, distDir: '/nonexistent' });

  beforeAll(async () => {
    t = await openMigrated(backend);
    token = (await account(t.db, 'coordinator')).token;
    const o = org();
    const s = service(o.id);
    const c = contact(s.id);
    const { upsertRecords } = await import('../../server/records');
    await t.db.tx(async (q) => {
      await upsertRecords(q, 'organizations', [o], null);
      await upsertRecords(q, 'services', [s], null);
      await upsertRecords(q, 'contacts', [c], null);
    });
    records = [
      { table: 'organizations', id: o.id },
      { table: 'services', id: s.id },
      { table: 'contacts', id: c.id },
    ];
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('answers every mutation and applies the valid one, whatever the others hold', async () => {
    const idArb = fc.oneof(fc.constantFrom(...records.map((r) => r.id)), fc.uuid(), jsonArb);
    const changeArb = fc.oneof(
      { weight: 4, arbitrary: fc.record({ base: jsonArb, value: jsonArb }, { requiredKeys: [] }) },
      { weight: 1, arbitrary: jsonArb },
    );
    // Most mutations aim at a stored record and its real fields, so that hostile values
    // reach the merge, the conflict answer and the database, not only the shape check.
    const targeted = fc.constantFrom(...records).chain(({ table, id }) =>
      fc.record({
        table: fc.constant(table),
        id: fc.constant(id),
        op: fc.constantFrom('upsert', 'upsert', 'delete'),
        baseVersion: fc.nat(3),
        fields: fc.dictionary(fc.oneof(fc.constantFrom(...editableFields(table)), key), changeArb, {
          maxKeys: 4,
        }),
      }),
    );
    const mutationArb = fc.oneof(
      { weight: 6, arbitrary: targeted },
      {
        weight: 3,
        arbitrary: fc.record(
          {
            table: fc.oneof(fc.constantFrom(...TABLE_NAMES, '__proto__', 'users'), jsonArb),
            id: idArb,
            op: fc.oneof(fc.constantFrom('upsert', 'delete'), jsonArb),
            baseVersion: fc.oneof(fc.nat(1000), jsonArb),
            fields: fc.oneof(
              { weight: 5, arbitrary: fc.dictionary(key, changeArb, { maxKeys: 6 }) },
              { weight: 1, arbitrary: jsonArb },
            ),
            extra: jsonArb,
          },
          { requiredKeys: ['table', 'id', 'op'] },
        ),
      },
      { weight: 1, arbitrary: fc.dictionary(key, jsonArb, { maxKeys: 6 }) },
    );

    await fc.assert(
      fc.asyncProperty(
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        async (fuzzed, at) => {
          const valid = org({ name: 'Gültiger Nachbar' });
          const good = createMutation('organizations', valid, `ok-${randomUUID()}`);
          const mutations: unknown[] = fuzzed.map((m) => ({
            ...m,
            mutationId: `fz-${randomUUID()}`,
          }));
          mutations.splice(at % (mutations.length + 1), 0, good);
          const body = `{"clientId":"fuzz","mutations":${toJson(mutations)}}`;
          const res = await app().request('/api/sync/push', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...bearer(token) },
            body,
          });
          const text = await res.text();
          // Several big strings can add up to more than a push may carry: refused whole.
          if (Buffer.byteLength(body) > MAX_PUSH_BYTES) {
            expect(res.status, text.slice(0, 500)).toBe(413);
            return;
          }
          expect(res.status, text.slice(0, 500)).toBe(200);
          const { results } = JSON.parse(text) as PushResponse;
          expect(results.map((r) => r.mutationId)).toEqual(
            mutations.map((m) => (m as { mutationId: string }).mutationId),
          );
          for (const r of results) expect(['applied', 'conflict', 'rejected']).toContain(r.status);
          const mine = results.find((r) => r.mutationId === good.mutationId);
          expect(mine, JSON.stringify(mine)).toMatchObject({ status: 'applied' });
        },
      ),
      // A failure is reported within minutes: shrinking values of megabytes can otherwise
      // run for longer than the whole CI run.
      {
        numRuns: backend.name === 'pglite' ? 60 : 40,
        interruptAfterTimeLimit: 150_000,
        markInterruptAsFailure: true,
      },
    );

    // Nothing stored on the way breaks a later pull, for residents or staff.
    for (const headers of [{}, bearer(token)]) {
      const pull = await app().request('/api/sync/pull?limit=5000', { headers });
      expect(pull.status).toBe(200);
      await pull.json();
    }
  }, 240_000);
});
