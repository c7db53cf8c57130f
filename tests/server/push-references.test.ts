import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationInput, PushResponse, PushResult } from '../../protocol';
import { createApp } from '../../server/app';
import {
  account,
  backends,
  bearer,
  contact,
  createMutation,
  openMigrated,
  org,
  referral,
  service,
  type TestDb,
} from './helpers';

describe.each(backends)('references to other records in a push on $name', (backend) => {
  let t: TestDb;
  let coord: string;
  let worker: string;
  let seq = 0;
  const app = () => createApp({ db: t.db, distDir: '/nonexistent' });

  async function push(token: string, mutations: MutationInput[]): Promise<PushResult[]> {
    const res = await app().request('/api/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ clientId: 'refs', mutations }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as PushResponse).results;
  }

  const create = (table: string, data: Record<string, unknown>) =>
    createMutation(table, data, `m-${++seq}-${randomUUID()}`);

  const location = (organizationId?: string) => ({
    id: randomUUID(),
    name: 'Stadtteilzentrum',
    address_1: 'Hauptstraße 1',
    postal_code: '42283',
    city: 'Wuppertal',
    quartier: 'Heckinghausen',
    ...(organizationId ? { organization_id: organizationId } : {}),
  });
  const schedule = (serviceId: string, locationId?: string) => ({
    id: randomUUID(),
    service_id: serviceId,
    freq: 'WEEKLY',
    byday: 'MO',
    opens_at: '09:00',
    closes_at: '12:00',
    ...(locationId ? { location_id: locationId } : {}),
  });

  const codes = (results: PushResult[]) =>
    results.map((r) => r.errors?.map((e) => `${e.field}:${e.code}`) ?? r.status);

  beforeAll(async () => {
    t = await openMigrated(backend);
    coord = (await account(t.db, 'coordinator')).token;
    worker = (await account(t.db, 'worker')).token;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('rejects references to records that do not exist', async () => {
    const missing = randomUUID();
    const o = org();
    const s = service(o.id);
    expect(codes(await push(coord, [create('organizations', o), create('services', s)]))).toEqual([
      'applied',
      'applied',
    ]);
    const results = await push(coord, [
      create('services', service(missing)),
      create('services', service(o.id, { location_ids: [missing] })),
      create('locations', location(missing)),
      create('schedules', schedule(missing)),
      create('schedules', schedule(s.id, missing)),
      create('contacts', contact(missing)),
      create('contacts', contact(s.id, { organization_id: missing })),
      create('contacts', contact(s.id)),
    ]);
    expect(codes(results)).toEqual([
      ['organization_id:unknown_reference'],
      ['location_ids:unknown_reference'],
      ['organization_id:unknown_reference'],
      ['service_id:unknown_reference'],
      ['location_id:unknown_reference'],
      ['service_id:unknown_reference'],
      ['organization_id:unknown_reference'],
      'applied',
    ]);
    expect(results[0]?.errors?.[0]?.message).toMatch(/Träger/);
    expect(results[3]?.errors?.[0]?.message).toMatch(/Angebot/);
    const referrals = await push(worker, [
      create('referrals', referral(missing)),
      create('referrals', referral(s.id)),
    ]);
    expect(codes(referrals)).toEqual([['service_id:unknown_reference'], 'applied']);
  });

  it('accepts what the same push creates earlier, not later', async () => {
    const o = org();
    const l = location(o.id);
    const s = service(o.id, { location_ids: [l.id] });
    const later = service(o.id);
    const results = await push(coord, [
      create('organizations', o),
      create('locations', l),
      create('services', s),
      create('schedules', schedule(s.id, l.id)),
      create('contacts', contact(later.id)),
      create('services', later),
    ]);
    expect(codes(results)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      ['service_id:unknown_reference'],
      'applied',
    ]);
  });

  it('counts deleted records as missing, also when an edit points to one', async () => {
    const o = org();
    const s = service(o.id);
    const gone = service(o.id);
    const [, created, deletable] = await push(coord, [
      create('organizations', o),
      create('services', s),
      create('services', gone),
    ]);
    const [deleted] = await push(coord, [
      {
        mutationId: `m-${++seq}`,
        table: 'services',
        id: gone.id,
        op: 'delete',
        baseVersion: deletable?.version as number,
      },
    ]);
    expect(deleted?.status).toBe('applied');
    const c = contact(s.id);
    const results = await push(coord, [
      create('contacts', contact(gone.id)),
      create('contacts', c),
      {
        mutationId: `m-${++seq}`,
        table: 'contacts',
        id: c.id,
        op: 'upsert',
        baseVersion: created?.version as number,
        fields: { service_id: { base: s.id, value: gone.id } },
      },
    ]);
    expect(codes(results)).toEqual([
      ['service_id:unknown_reference'],
      'applied',
      ['service_id:unknown_reference'],
    ]);
  });
});
