import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationInput, PushResponse, PushResult } from '../../protocol';
import { createApp } from '../../server/app';
import { hashToken } from '../../server/auth/sessions';
import { upsertRecords } from '../../server/records';
import type { PullResponse } from '../../src/model';
import {
  account,
  backends,
  bearer,
  openMigrated,
  org,
  referral,
  service,
  type TestDb,
} from './helpers';

type Account = Awaited<ReturnType<typeof account>>;

describe.each(backends)('POST /api/sync/push on $name', (backend) => {
  let t: TestDb;
  let coordA: Account;
  let coordB: Account;
  let worker: Account;
  let admin: Account;
  const app = () => createApp({ db: t.db, distDir: '/nonexistent' });

  async function push(
    token: string | null,
    mutations: MutationInput[],
    clientId = 'client-a',
  ): Promise<PushResult[]> {
    const res = await app().request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? bearer(token) : {}) },
      body: JSON.stringify({ clientId, mutations }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as PushResponse).results;
  }

  const raw = (token: string | null, body: BodyInit, headers: Record<string, string> = {}) =>
    app().request('/api/sync/push', {
      method: 'POST',
      headers: { ...(token ? bearer(token) : {}), ...headers },
      body,
    });

  async function record(table: string, id: string) {
    const rows = await t.db.query<{ data: Record<string, unknown>; version: string }>(
      'select data, version from records where table_name = $1 and id = $2::uuid',
      [table, id],
    );
    return rows[0]
      ? ({ ...rows[0].data, version: Number(rows[0].version) } as Record<string, unknown>)
      : null;
  }

  async function pullAll(token: string | null): Promise<PullResponse['changes']> {
    const res = await app().request('/api/sync/pull?limit=2000', {
      headers: token ? bearer(token) : {},
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as PullResponse).changes;
  }

  let mid = 0;
  const nextId = () => `m-${++mid}-${randomUUID()}`;

  /** An upsert mutation from a plain object of new values (bases: null). */
  function create(table: string, data: Record<string, unknown>): MutationInput {
    const { id, ...rest } = data;
    return {
      mutationId: nextId(),
      table,
      id: String(id),
      op: 'upsert',
      baseVersion: 0,
      fields: Object.fromEntries(
        Object.entries(rest)
          .filter(([k]) => !['updated_at', 'version'].includes(k))
          .map(([k, v]) => [k, { base: null, value: v }]),
      ),
    };
  }

  function edit(
    table: string,
    id: string,
    baseVersion: number,
    fields: Record<string, [unknown, unknown]>,
  ): MutationInput {
    return {
      mutationId: nextId(),
      table,
      id,
      op: 'upsert',
      baseVersion,
      fields: Object.fromEntries(
        Object.entries(fields).map(([k, [base, value]]) => [k, { base, value }]),
      ),
    };
  }

  const del = (table: string, id: string, baseVersion: number): MutationInput => ({
    mutationId: nextId(),
    table,
    id,
    op: 'delete',
    baseVersion,
  });

  /** A live organisation and service, created by coordinator A. */
  async function offer(overrides: Record<string, unknown> = {}) {
    const o = org();
    const s = service(o.id, { phone: '0202 111', ...overrides });
    const [r1, r2] = await push(coordA.token, [create('organizations', o), create('services', s)]);
    expect(r1?.status).toBe('applied');
    expect(r2?.status).toBe('applied');
    return { orgId: o.id, id: s.id, version: r2?.version as number, data: s };
  }

  beforeAll(async () => {
    t = await openMigrated(backend);
    coordA = await account(t.db, 'coordinator');
    coordB = await account(t.db, 'coordinator');
    worker = await account(t.db, 'worker');
    admin = await account(t.db, 'admin');
  });
  afterAll(async () => {
    await t?.destroy();
  });

  describe('happy path', () => {
    it('creates, edits and deletes records, stamps who and when, and pulls them', async () => {
      const o = org({ name: 'Diakonie Emscherhagen' });
      const s = service(o.id, { name: 'Schuldnerberatung', visibility: 'internal' });
      const results = await push(coordA.token, [create('organizations', o), create('services', s)]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const [v1, v2] = results.map((r) => r.version as number);
      expect(v2).toBeGreaterThan(v1 as number);

      const stored = await record('services', s.id);
      expect(stored).toMatchObject({
        name: 'Schuldnerberatung',
        updated_by: coordA.email,
        version: v2,
        deleted: false,
        status: 'active', // schema default filled in
      });
      expect(Date.parse(String(stored?.updated_at))).toBeGreaterThan(Date.now() - 60_000);

      const [e] = await push(coordA.token, [
        edit('services', s.id, v2 as number, {
          name: ['Schuldnerberatung', 'Schuldner- und Insolvenzberatung'],
        }),
      ]);
      expect(e).toMatchObject({ status: 'applied' });
      expect(e?.version).toBeGreaterThan(v2 as number);

      const internal = await pullAll(worker.token);
      expect(internal.find((c) => c.id === s.id)?.data).toMatchObject({
        name: 'Schuldner- und Insolvenzberatung',
      });
      // Internal: residents never see it.
      expect((await pullAll(null)).some((c) => c.id === s.id)).toBe(false);

      const [d] = await push(coordA.token, [del('services', s.id, e?.version as number)]);
      expect(d).toMatchObject({ status: 'applied' });
      const after = await pullAll(worker.token);
      expect(after.find((c) => c.id === s.id)).toMatchObject({ deleted: true, data: null });
    });

    it('applies several mutations of one record in order, each on top of the last', async () => {
      const { id, version } = await offer();
      const results = await push(coordA.token, [
        edit('services', id, version, { name: ['Jobcenter vor Ort', 'Eins'] }),
        edit('services', id, version, { name: ['Eins', 'Zwei'] }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(await record('services', id)).toMatchObject({ name: 'Zwei' });
    });

    it('keeps a field-level audit trail that coordinators can read', async () => {
      const { id, version } = await offer();
      const [r] = await push(coordB.token, [
        edit('services', id, version, {
          phone: ['0202 111', '0202 222'],
          legal_basis: [null, '§16i SGB II'],
        }),
      ]);
      const res = await app().request(`/api/audit/services/${id}`, {
        headers: bearer(coordA.token),
      });
      expect(res.status).toBe(200);
      const { entries } = (await res.json()) as { entries: Record<string, unknown>[] };
      expect(entries.filter((e) => e.last_action_type === 'create').length).toBeGreaterThan(3);
      const updates = entries.filter((e) => e.last_action_type === 'update');
      expect(updates).toEqual([
        expect.objectContaining({
          field_name: 'phone',
          previous_value: '0202 111',
          replacement_value: '0202 222',
          updated_by: coordB.email,
          version: r?.version,
          resource_type: 'services',
          resource_id: id,
        }),
        expect.objectContaining({
          field_name: 'legal_basis',
          previous_value: null,
          replacement_value: '§16i SGB II',
        }),
      ]);
      expect(Date.parse(String(updates[0]?.last_action_date))).not.toBeNaN();
    });
  });

  describe('authorisation', () => {
    it('answers 401 without a session on push and audit', async () => {
      const res = await raw(null, JSON.stringify({ clientId: 'x', mutations: [] }));
      expect(res.status).toBe(401);
      const audit = await app().request(`/api/audit/services/${randomUUID()}`);
      expect(audit.status).toBe(401);
    });

    it('lets only coordinators and admins read the audit trail', async () => {
      const path = `/api/audit/services/${randomUUID()}`;
      const status = async (token: string) =>
        (await app().request(path, { headers: bearer(token) })).status;
      expect(await status(worker.token)).toBe(403);
      expect(await status(coordA.token)).toBe(200);
      expect(await status(admin.token)).toBe(200);
      const unknown = await app().request(`/api/audit/users/${randomUUID()}`, {
        headers: bearer(coordA.token),
      });
      expect(unknown.status).toBe(404);
    });

    it('lets a worker add referrals but change nothing else', async () => {
      const { id, version, orgId } = await offer();
      const results = await push(worker.token, [
        edit('services', id, version, { name: ['Jobcenter vor Ort', 'Gekapert'] }),
        create('organizations', org()),
        del('organizations', orgId, 99),
        create('referrals', referral(id)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
      expect(results[0]?.errors).toEqual([
        expect.objectContaining({
          code: 'forbidden',
          message: expect.stringMatching(/Koordinator/),
        }),
      ]);
      expect(await record('services', id)).toMatchObject({ name: 'Jobcenter vor Ort' });
    });

    it('keeps referrals append-only for every role and never pulls them', async () => {
      const { id } = await offer();
      const ref = referral(id);
      const [created] = await push(coordA.token, [create('referrals', ref)]);
      expect(created?.status).toBe('applied');
      for (const who of [worker, coordA, admin]) {
        const results = await push(who.token, [
          edit('referrals', ref.id, created?.version as number, { channel: ['qr', 'sms'] }),
          del('referrals', ref.id, created?.version as number),
        ]);
        expect(results.map((r) => r.errors?.[0]?.code)).toEqual(['append_only', 'append_only']);
      }
      expect(await record('referrals', ref.id)).toMatchObject({ channel: 'qr', deleted: false });
      for (const token of [null, worker.token, coordA.token]) {
        expect((await pullAll(token)).some((c) => c.id === ref.id)).toBe(false);
      }
    });

    it('keeps no history and no person with a referral', async () => {
      const { id } = await offer();
      const ref = referral(id, { quartier: 'Oberbarmen' });
      const [created] = await push(worker.token, [create('referrals', ref)], 'client-w');
      expect(created?.status).toBe('applied');
      for (const who of [coordA, admin]) {
        for (const rid of [ref.id, randomUUID()]) {
          const res = await app().request(`/api/audit/referrals/${rid}`, {
            headers: bearer(who.token),
          });
          expect(res.status).toBe(404);
          const body = await res.text();
          expect(JSON.parse(body)).toMatchObject({ error: { code: 'not_audited' } });
          expect(body).not.toContain(worker.email);
        }
      }
      // Nothing the server keeps ties the referral to the worker.
      const stored = await t.db.query(
        'select updated_by, data from records where table_name = $1 and id = $2::uuid',
        ['referrals', ref.id],
      );
      expect(stored).toEqual([
        { updated_by: null, data: expect.objectContaining({ updated_by: null }) },
      ]);
      expect(
        await t.db.query('select * from audit_log where record_id = $1::uuid', [ref.id]),
      ).toEqual([]);
      const processed = await t.db.query<{ user_id: unknown }>(
        'select user_id from processed_mutations where record_id = $1',
        [ref.id],
      );
      expect(processed).toEqual([{ user_id: null }]);
    });

    it('lets admins edit like coordinators', async () => {
      const { id, version } = await offer();
      const [r] = await push(admin.token, [
        edit('services', id, version, { status: ['active', 'paused'] }),
      ]);
      expect(r?.status).toBe('applied');
    });
  });

  describe('bad input', () => {
    it('answers malformed JSON with 400 and a German message', async () => {
      for (const body of ['{"clientId": "a", "mutations": [', 'null x', '\u00ff\u00fe']) {
        const res = await raw(coordA.token, body);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({
          error: { code: 'invalid_json', message: expect.stringMatching(/kein gültiges JSON/) },
        });
      }
    });

    it('answers an oversized body with 413, announced or streamed', async () => {
      const big = JSON.stringify({ clientId: 'a', mutations: [], pad: 'x'.repeat(1_100_000) });
      const res = await raw(coordA.token, big);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      // Without Content-Length (chunked upload) the limit holds while reading.
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ > 40) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const streamed = await app().request('/api/sync/push', {
        method: 'POST',
        headers: bearer(coordA.token),
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(sent).toBeLessThan(30);
    });

    it('answers an envelope of the wrong shape with 400', async () => {
      const bodies = [
        {},
        { clientId: 5, mutations: [] },
        { clientId: 'a', mutations: {} },
        { clientId: 'a', mutations: [{ table: 'services' }] },
        { clientId: 'a b', mutations: [] },
        {
          clientId: 'a',
          mutations: Array.from({ length: 201 }, (_, i) => ({ mutationId: `${i}` })),
        },
        [],
      ];
      for (const body of bodies) {
        const res = await raw(coordA.token, JSON.stringify(body));
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'invalid_request' } });
      }
    });

    it('rejects a malformed mutation alone and still applies the others', async () => {
      const { id, version } = await offer();
      const results = await push(coordA.token, [
        { mutationId: nextId(), table: 'services', id, op: 'replace', baseVersion: 'x' } as never,
        {
          mutationId: nextId(),
          table: 'services',
          id,
          op: 'upsert',
          baseVersion: 1,
          fields: [],
        } as never,
        { mutationId: nextId(), table: 'sessions', id, op: 'upsert', baseVersion: 0, fields: {} },
        {
          mutationId: nextId(),
          table: 'services',
          id: '1; drop table records',
          op: 'upsert',
          baseVersion: 0,
        },
        edit('services', id, version, { version: [1, 2] }),
        edit('services', id, version, { deleted: [false, true] }),
        edit('services', id, version, { secret_note: [null, 'x'] }),
        edit('services', id, version, { name: ['Jobcenter vor Ort', 'Gültig'] }),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'applied',
      ]);
      const codes = results.map((r) => r.errors?.map((e) => `${e.field}:${e.code}`));
      expect(codes[0]).toEqual(['op:invalid_value', 'baseVersion:invalid_type']);
      expect(codes[1]).toEqual(['fields:invalid_type']);
      expect(codes[2]).toEqual(['table:unknown_table']);
      expect(codes[3]).toEqual(['id:invalid_id']);
      expect(codes[4]).toEqual(['version:read_only']);
      expect(codes[5]).toEqual(['deleted:read_only']);
      expect(codes[6]).toEqual(['secret_note:unknown_field']);
      for (const r of results.slice(0, 7)) {
        for (const e of r.errors ?? []) expect(e.message).toMatch(/[A-Za-zÄÖÜäöüß]{3}/);
      }
      expect(await record('services', id)).toMatchObject({ name: 'Gültig' });
    });

    it('validates the merged record with the model schema and answers in German', async () => {
      const { id, version } = await offer();
      const results = await push(coordA.token, [
        edit('services', id, version, { name: ['Jobcenter vor Ort', '   '] }),
        edit('services', id, version, { url: [null, 'javascript:alert(1)'] }),
        edit('services', id, version, { target_groups: [['langzeitarbeitslose'], 'alle'] }),
        edit('services', id, version, { status: ['active', 'vielleicht'] }),
        create('services', { id: randomUUID(), name: 'Ohne Träger' }),
        // A referral must not carry anything personal: the strict schema refuses it.
        create('referrals', { ...referral(id), notes: 'Frau M., 34' }),
        create('referrals', { ...referral(id), channel: 'brieftaube' }),
      ]);
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(results[0]?.errors).toEqual([
        { field: 'name', code: 'too_small', message: 'Pflichtfeld', key: 'required' },
      ]);
      expect(results[1]?.errors).toEqual([
        {
          field: 'url',
          code: 'custom',
          message: 'Nur http(s)-Adressen sind erlaubt',
          key: 'webUrl',
        },
      ]);
      expect(results[2]?.errors?.[0]).toMatchObject({
        field: 'target_groups',
        code: 'invalid_type',
      });
      expect(results[3]?.errors?.[0]).toMatchObject({ field: 'status', code: 'invalid_value' });
      expect(results[4]?.errors?.[0]).toMatchObject({ field: 'organization_id' });
      expect(results[5]?.errors).toEqual([
        expect.objectContaining({ field: 'notes', code: 'unknown_field' }),
      ]);
      expect(results[6]?.errors?.[0]).toMatchObject({ field: 'channel', code: 'invalid_value' });
      expect(results[6]?.errors?.[0]?.message).toMatch(/Ungültige Option/);
      const unchanged = await record('services', id);
      expect(unchanged).toMatchObject({ name: 'Jobcenter vor Ort', version });
      expect(unchanged?.url).toBeUndefined();
    });

    it('stores injection-style strings verbatim and returns them as data', async () => {
      const nasty = [
        "'; drop table records; --",
        '<img src=x onerror=alert(1)>',
        '{{constructor.constructor("alert(1)")()}}',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt
        '${process.exit()}',
        '😀 العربية \u200f',
        'a"b\\c\n\td',
      ];
      const o = org();
      const s = service(o.id, { description: nasty.join(' | '), name: nasty[1] });
      const results = await push(coordA.token, [create('organizations', o), create('services', s)]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const pulled = (await pullAll(null)).find((c) => c.id === s.id);
      expect(pulled?.data).toMatchObject({ name: nasty[1], description: nasty.join(' | ') });
      expect((await t.db.query('select 1 from records limit 1')).length).toBe(1);
    });

    it('refuses NUL and lone surrogates, which PostgreSQL cannot store, per mutation', async () => {
      const { id, version } = await offer();
      const results = await push(coordA.token, [
        edit('services', id, version, { name: ['Jobcenter vor Ort', 'a\u0000b'] }),
        edit('services', id, version, { name: ['Jobcenter vor Ort', 'a\ud800b'] }),
        { mutationId: nextId(), table: 'serv\u0000ices', id, op: 'upsert', baseVersion: 0 },
        edit('services', id, version, { 'na\u0000me': [null, 'x'] }),
        // Stored fine by PostgreSQL, but it would show "Jobcenter Otr" as "Jobcenter rtO".
        edit('services', id, version, { name: ['Jobcenter vor Ort', 'Jobcenter \u202eOtr'] }),
        edit('services', id, version, { phone: ['0202 111', '0202 333'] }),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
        'applied',
      ]);
      expect(results[0]?.errors?.[0]?.code).toBe('invalid_characters');
      expect(results[4]?.errors).toEqual([
        expect.objectContaining({ field: 'name', code: 'invalid_characters' }),
      ]);
    });
  });

  describe('faults at the network boundary', () => {
    it('applies an edit once when the response is lost after commit and the push is retried', async () => {
      const { id, version } = await offer();
      const body = JSON.stringify({
        clientId: 'phone-1',
        mutations: [edit('services', id, version, { phone: ['0202 111', '0202 999'] })],
      });
      // First delivery commits; pretend its response never arrived.
      const lost = await raw(coordA.token, body);
      expect(lost.status).toBe(200);
      const first = ((await lost.json()) as PushResponse).results[0];
      const auditBefore = await t.db.query('select id from audit_log where record_id = $1::uuid', [
        id,
      ]);

      const retry = ((await (await raw(coordA.token, body)).json()) as PushResponse).results[0];
      expect(retry).toMatchObject({
        status: 'duplicate',
        originalStatus: 'applied',
        version: first?.version,
      });
      expect(await record('services', id)).toMatchObject({
        phone: '0202 999',
        version: first?.version,
      });
      const auditAfter = await t.db.query('select id from audit_log where record_id = $1::uuid', [
        id,
      ]);
      expect(auditAfter.length).toBe(auditBefore.length);
    });

    it('repeats the original conflict when a conflicting push is replayed', async () => {
      const { id, version } = await offer();
      await push(coordA.token, [edit('services', id, version, { phone: ['0202 111', '0202 1'] })]);
      const m = edit('services', id, version, { phone: ['0202 111', '0202 2'] });
      const [c] = await push(coordB.token, [m], 'b');
      expect(c?.status).toBe('conflict');
      const [d] = await push(coordB.token, [m], 'b');
      expect(d).toMatchObject({
        status: 'duplicate',
        originalStatus: 'conflict',
        conflicts: c?.conflicts,
      });
    });

    it('applies the same push delivered twice in parallel exactly once', async () => {
      const { id, version } = await offer();
      const newContact = { id: randomUUID(), service_id: id, name: 'Herr Kaya' };
      const body = JSON.stringify({
        clientId: 'phone-2',
        mutations: [
          edit('services', id, version, { phone: ['0202 111', '0202 555'] }),
          create('contacts', newContact),
        ],
      });
      const responses = await Promise.all([raw(coordA.token, body), raw(coordA.token, body)]);
      const results = await Promise.all(
        responses.map(async (r) => ((await r.json()) as PushResponse).results),
      );
      const statuses = results.map((r) => r.map((x) => x.status).join(',')).sort();
      expect(statuses).toEqual(['applied,applied', 'duplicate,duplicate']);
      expect(results[0]?.[0]?.version).toBe(results[1]?.[0]?.version);
      const audit = await t.db.query<{ n: string }>(
        "select count(*)::int as n from audit_log where record_id = $1::uuid and field = 'phone'",
        [id],
      );
      expect(Number(audit[0]?.n)).toBe(2); // the create and this one edit
    });

    it('continues a pull across a server restart without losing or repeating rows', async () => {
      const orgs = Array.from({ length: 25 }, (_, i) => org({ name: `Neustart ${i}` }));
      await t.db.tx((q) => upsertRecords(q, 'organizations', orgs, null));
      const ids: string[] = [];
      let cursor = '';
      let page = 0;
      for (;;) {
        const res = await app().request(`/api/sync/pull?since=${cursor}&limit=7`, {
          headers: bearer(worker.token),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as PullResponse;
        ids.push(...body.changes.map((c) => c.id));
        cursor = body.cursor;
        if (++page === 2) await t.reopen(); // sessions survive: they live in the database
        if (!body.more) break;
      }
      expect(new Set(ids).size).toBe(ids.length);
      for (const o of orgs) expect(ids).toContain(o.id);
    });

    it('answers a push with an expired token with 401 and applies nothing', async () => {
      const { id, version } = await offer();
      const late = await account(t.db, 'coordinator');
      await t.db.query(
        "update sessions set expires_at = now() - interval '1 second' where token_hash = $1",
        [hashToken(late.token)],
      );
      const m = edit('services', id, version, { phone: ['0202 111', '0202 000'] });
      const res = await raw(late.token, JSON.stringify({ clientId: 'late', mutations: [m] }));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(await record('services', id)).toMatchObject({ phone: '0202 111', version });
      expect(
        await t.db.query("select 1 from processed_mutations where client_id = 'late'"),
      ).toEqual([]);
      // After logging in again the kept outbox entry goes through.
      const fresh = await account(t.db, 'coordinator');
      const [r] = await push(fresh.token, [m], 'late');
      expect(r?.status).toBe('applied');
    });
  });

  describe('concurrent coordinators', () => {
    it('merges edits of different fields', async () => {
      const { id, version } = await offer();
      const [a] = await push(coordA.token, [
        edit('services', id, version, { name: ['Jobcenter vor Ort', 'Jobcenter im Quartier'] }),
      ]);
      const [b] = await push(
        coordB.token,
        [edit('services', id, version, { phone: ['0202 111', '0202 42'] })],
        'b',
      );
      expect(a?.status).toBe('applied');
      expect(b?.status).toBe('applied');
      expect(await record('services', id)).toMatchObject({
        name: 'Jobcenter im Quartier',
        phone: '0202 42',
        updated_by: coordB.email,
      });
    });

    it('reports the same field changed on both sides as a conflict and overwrites nothing', async () => {
      const { id, version } = await offer();
      await push(coordA.token, [edit('services', id, version, { phone: ['0202 111', '0202 7'] })]);
      const [b] = await push(
        coordB.token,
        [
          edit('services', id, version, {
            phone: ['0202 111', '0202 8'],
            email: [null, 'info@example.org'],
          }),
        ],
        'b',
      );
      expect(b?.status).toBe('conflict');
      expect(b?.conflicts).toEqual([
        {
          field: 'phone',
          server: '0202 7',
          client: '0202 8',
          base: '0202 111',
          by: coordA.email,
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ]);
      // The non-conflicting field of the same mutation was applied.
      expect(await record('services', id)).toMatchObject({
        phone: '0202 7',
        email: 'info@example.org',
        version: b?.version,
      });
      // Both made the same change: no conflict.
      const [same] = await push(
        coordB.token,
        [edit('services', id, version, { phone: ['0202 111', '0202 7'] })],
        'b',
      );
      expect(same?.status).toBe('applied');
    });

    it('names who wrote the contested server value and when, where the audit log knows', async () => {
      const { id, version } = await offer();
      const before = Date.now();
      await push(coordA.token, [edit('services', id, version, { phone: ['0202 111', '0202 7'] })]);
      const [b] = await push(
        coordB.token,
        [edit('services', id, version, { phone: ['0202 111', '0202 8'], name: ['x', 'y'] })],
        'b',
      );
      const [phone, name] = b?.conflicts ?? [];
      expect(phone).toMatchObject({ field: 'phone', by: coordA.email });
      const at = Date.parse(phone?.at ?? '');
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
      expect(name).toMatchObject({ field: 'name', by: coordA.email });

      // Data that never came through a push (an import) has nobody to name.
      const s = service(randomUUID(), { phone: '0202 111' });
      const [stored] = await t.db.tx((q) => upsertRecords(q, 'services', [s as never], null));
      const [c] = await push(
        coordB.token,
        [edit('services', s.id, 0, { phone: ['0202 000', '0202 9'] })],
        'b',
      );
      expect(stored?.version).toBeGreaterThan(0);
      expect(c?.conflicts).toEqual([
        { field: 'phone', server: '0202 111', client: '0202 9', base: '0202 000' },
      ]);
    });

    it('names nobody to a worker', async () => {
      const { id, version } = await offer();
      await push(coordA.token, [edit('services', id, version, { phone: ['0202 111', '0202 7'] })]);
      const [w] = await push(
        worker.token,
        [edit('services', id, version, { phone: ['0202 111', '0202 8'] })],
        'w',
      );
      expect(w?.status).toBe('rejected');
      expect(JSON.stringify(w)).not.toContain(coordA.email);
    });

    it('does not count the own earlier edit of a client against its delete', async () => {
      const { id, version } = await offer();
      // Offline: edit, then delete, both based on the version pulled before.
      const results = await push(
        coordB.token,
        [
          edit('services', id, version, { phone: ['0202 111', '0202 5'] }),
          del('services', id, version),
        ],
        'laptop-b',
      );
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      expect(await record('services', id)).toMatchObject({ deleted: true });
      // The same edit from another device of the same person is someone else, though.
      const other = await offer();
      await push(
        coordB.token,
        [edit('services', other.id, other.version, { phone: ['0202 111', '0202 6'] })],
        'phone-b',
      );
      const [d] = await push(coordB.token, [del('services', other.id, other.version)], 'laptop-b');
      expect(d?.status).toBe('conflict');
    });

    it('treats a delete against a concurrent edit as a conflict, both ways round', async () => {
      const one = await offer();
      const [edited] = await push(coordA.token, [
        edit('services', one.id, one.version, { phone: ['0202 111', '0202 3'] }),
      ]);
      const [deleted] = await push(coordB.token, [del('services', one.id, one.version)], 'b');
      expect(deleted).toMatchObject({
        status: 'conflict',
        version: edited?.version,
        conflicts: [{ field: 'deleted', server: false, client: true, base: false }],
      });
      expect(await record('services', one.id)).toMatchObject({ deleted: false, phone: '0202 3' });
      // Having seen the edit, B may delete.
      const [again] = await push(
        coordB.token,
        [del('services', one.id, edited?.version as number)],
        'b',
      );
      expect(again?.status).toBe('applied');

      const two = await offer();
      const [gone] = await push(coordA.token, [del('services', two.id, two.version)]);
      const [late] = await push(
        coordB.token,
        [edit('services', two.id, two.version, { phone: ['0202 111', '0202 4'] })],
        'b',
      );
      expect(late).toMatchObject({
        status: 'conflict',
        conflicts: [{ field: 'deleted', server: true, client: false, base: false }],
      });
      expect(await record('services', two.id)).toMatchObject({ deleted: true, phone: '0202 111' });
      // Restoring on purpose: based on the tombstone's version.
      const [restored] = await push(
        coordB.token,
        [edit('services', two.id, gone?.version as number, { phone: ['0202 111', '0202 4'] })],
        'b',
      );
      expect(restored?.status).toBe('applied');
      expect(await record('services', two.id)).toMatchObject({ deleted: false, phone: '0202 4' });
      const res = await app().request(`/api/audit/services/${two.id}`, {
        headers: bearer(coordA.token),
      });
      const { entries } = (await res.json()) as { entries: { last_action_type: string }[] };
      expect(entries.map((e) => e.last_action_type)).toEqual(
        expect.arrayContaining(['create', 'delete', 'restore']),
      );
    });
  });
});
