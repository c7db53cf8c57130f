import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PushResponse } from '../../protocol';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db';
import { account, backends, bearer, openMigrated, org, type TestDb } from './helpers';

/** `depth` arrays around `inner`, written as text so the test itself never recurses. */
const nested = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe.each(backends)('odd values in a push on $name', (backend) => {
  let t: TestDb;
  let token: string;
  let seq = 0;
  const app = (db: Db = t.db) => createApp({ db, distDir: '/nonexistent' });

  /** Pushes hand-written mutation JSON next to a valid create; returns both answers. */
  async function pushNextToValid(mutationJson: string[], db?: Db) {
    const valid = org();
    const { id, ...rest } = valid;
    const good = JSON.stringify({
      mutationId: `ok-${++seq}`,
      table: 'organizations',
      id,
      op: 'upsert',
      baseVersion: 0,
      fields: Object.fromEntries(
        Object.entries(rest)
          .filter(([k]) => k !== 'updated_at')
          .map(([k, v]) => [k, { base: null, value: v }]),
      ),
    });
    const body = `{"clientId":"bounds","mutations":[${[...mutationJson, good].join(',')}]}`;
    const res = await app(db).request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
      body,
    });
    return { res, id };
  }

  /** An edit of `existing` (so bases are compared and may come back in a conflict). */
  let existing: string;
  const edit = (fields: string) =>
    `{"mutationId":"m-${++seq}","table":"organizations","id":"${existing}","op":"upsert","baseVersion":0,"fields":${fields}}`;

  beforeAll(async () => {
    t = await openMigrated(backend);
    token = (await account(t.db, 'coordinator')).token;
    existing = (await pushNextToValid([])).id;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('rejects values nested too deep or too large, and applies the rest', async () => {
    const { res, id } = await pushNextToValid([
      edit(`{"name":{"base":null,"value":${nested(25, '"a\\u0000b"')}}}`),
      edit(`{"name":{"base":${nested(25, '"\\ud800"')},"value":"x"}}`),
      edit(`{"name":{"base":${nested(10_000, '1')},"value":"x"}}`),
      edit(`{"description":{"base":null,"value":"${'x'.repeat(200_000)}"}}`),
      edit(
        `{"description":{"base":[${Array.from({ length: 40_000 }, () => '0').join(',')}],"value":""}}`,
      ),
    ]);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as PushResponse;
    const codes = results.map((r) => r.errors?.map((e) => `${e.field}:${e.code}`) ?? r.status);
    expect(codes).toEqual([
      ['name:too_deep'],
      ['name:too_deep'],
      ['name:too_deep'],
      ['description:too_large'],
      ['description:too_large'],
      'applied',
    ]);
    for (const r of results.slice(0, 5)) {
      expect(r.errors?.[0]?.message).toMatch(/verschachtelt|zu groß/);
    }
    const stored = await t.db.query('select 1 from records where id = $1::uuid', [id]);
    expect(stored.length).toBe(1);
  });

  it('checks every character at every allowed depth', async () => {
    const { res } = await pushNextToValid([
      edit(`{"name":{"base":null,"value":${nested(8, '"a\\u0000b"')}}}`),
      edit(`{"name":{"base":${nested(8, '{"k\\udc00":1}')},"value":"x"}}`),
    ]);
    const { results } = (await res.json()) as PushResponse;
    expect(results.map((r) => r.errors?.[0]?.code ?? r.status)).toEqual([
      'invalid_characters',
      'invalid_characters',
      'applied',
    ]);
  });

  it('answers unknown_field for __proto__, constructor and prototype, and pollutes nothing', async () => {
    const { res } = await pushNextToValid([
      edit('{"__proto__":{"base":null,"value":"x"}}'),
      edit('{"__proto__":{"name":{"base":null,"value":"Untergeschoben"}}}'),
      edit('{"constructor":{"base":null,"value":"x"}}'),
      edit('{"prototype":{"base":null,"value":"x"}}'),
      edit(
        '{"name":{"base":"Stadtteilzentrum Heckinghausen","value":{"__proto__":{"polluted":true}}}}',
      ),
    ]);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as PushResponse;
    expect(results.map((r) => r.errors?.map((e) => `${e.field}:${e.code}`) ?? r.status)).toEqual([
      ['__proto__:unknown_field'],
      ['__proto__:unknown_field'],
      ['constructor:unknown_field'],
      ['prototype:unknown_field'],
      ['name:invalid_type'],
      'applied',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('logs no record contents when a request fails unexpectedly', async () => {
    // A real database error that quotes what the client sent (as PostgreSQL errors do).
    const failing: Db = {
      ...t.db,
      tx: (fn) =>
        t.db.tx(async (q) => {
          await q.query('select $1::text::jsonb', ['{"name": "Frau Geheimnis']);
          return fn(q);
        }),
    };
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(
        args
          .map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a)))
          .join(' '),
      );
    });
    try {
      const { res } = await pushNextToValid([], failing);
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('internal');
      const logged = lines.join('\n');
      expect(logged).toMatch(/POST \/api\/sync\/push/);
      expect(logged).not.toMatch(/Geheimnis|Stadtteilzentrum/);
      // The log names the error by code and id, so an operator can match a report to it.
      const errorId = /Fehler-ID ([\w-]+)/.exec(body.error.message)?.[1];
      expect(errorId).toBeDefined();
      expect(logged).toContain(errorId);
      expect(logged).toMatch(/22P02/);
    } finally {
      spy.mockRestore();
    }
  });
});
