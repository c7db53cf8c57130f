import Dexie from 'dexie';
import { createDb, createDbStatusStore } from '../../src/db/db';
import type { WegweiserDB } from '../../src/db/schema';
import type {
  Change,
  Contact,
  Location,
  Organization,
  PullResponse,
  Referral,
  Schedule,
  Service,
} from '../../src/model';

/** Deterministic, valid RFC 4122 v4 UUIDs: uid(1) = …-000000000001. */
export function uid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const T = '2025-03-01T10:00:00+01:00';
const base = { version: 1, updated_at: T, updated_by: null, deleted: false } as const;

export function org(n: number, over: Partial<Organization> = {}): Organization {
  return {
    ...base,
    id: uid(n),
    visibility: 'public',
    name: `Träger ${n}`,
    description: 'Beratung und Begleitung im Quartier',
    ...over,
  };
}

export function location(n: number, over: Partial<Location> = {}): Location {
  return {
    ...base,
    id: uid(n),
    visibility: 'public',
    name: `Stadtteilzentrum ${n}`,
    address_1: 'Hauptstraße 1',
    postal_code: '42275',
    city: 'Wuppertal',
    quartier: 'Heckinghausen',
    ...over,
  };
}

export function service(n: number, over: Partial<Service> = {}): Service {
  return {
    ...base,
    id: uid(n),
    visibility: 'public',
    organization_id: uid(1),
    name: `Angebot ${n}`,
    description: 'Offene Sprechstunde',
    status: 'active',
    target_groups: ['jugendliche'],
    categories: ['beratung'],
    traits: ['kostenlos'],
    languages: ['de'],
    location_ids: [],
    ...over,
  };
}

export function schedule(n: number, over: Partial<Schedule> = {}): Schedule {
  return {
    ...base,
    id: uid(n),
    visibility: 'public',
    service_id: uid(100),
    freq: 'MONTHLY',
    interval: 1,
    byday: '-1WE',
    opens_at: '15:00',
    closes_at: '17:00',
    exdates: [],
    rdates: [],
    closed_on_holidays: true,
    ...over,
  };
}

export function contact(n: number, over: Partial<Contact> = {}): Contact {
  return {
    ...base,
    id: uid(n),
    visibility: 'public',
    name: `Ansprechperson ${n}`,
    languages: ['de', 'tr'],
    ...over,
  };
}

export function referral(n: number, over: Partial<Referral> = {}): Referral {
  return {
    ...base,
    id: uid(n),
    visibility: 'internal',
    date: '2025-03-01',
    service_id: uid(100),
    target_groups: ['alleinerziehende'],
    quartier: 'Heckinghausen',
    channel: 'qr',
    ...over,
  };
}

export function upsert(table: Change['table'], record: { id: string; version: number }): Change {
  return { table, id: record.id, version: record.version, deleted: false, data: record } as Change;
}

export function tombstone(table: Change['table'], id: string, version: number): Change {
  return { table, id, version, deleted: true, data: null };
}

export function page(changes: Change[], cursor: string, more = false): PullResponse {
  return { changes, cursor, more };
}

let counter = 0;
export function uniqueName(prefix = 'qw-test'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** A fresh app database with its own status store. */
export function freshDb(): { db: WegweiserDB; status: ReturnType<typeof createDbStatusStore> } {
  const status = createDbStatusStore();
  return { db: createDb(uniqueName(), { status }), status };
}

export async function destroy(db: Dexie): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}
