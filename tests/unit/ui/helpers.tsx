import { cleanup, render, screen, within } from '@testing-library/preact';
import { App } from '../../../src/app/App';
import type { AppDeps } from '../../../src/app/deps';
import { takeFocusRequest } from '../../../src/app/router';
import { createDb, createDbStatusStore, type DbStatus } from '../../../src/db/db';
import type { WegweiserDB } from '../../../src/db/schema';
import { createStore, type Store } from '../../../src/db/store';
import type { Contact, Location, Organization, Schedule, Service } from '../../../src/model';
import type { SyncController, SyncState } from '../../../src/sync';
import * as records from '../db.fixtures';

export { uid } from '../db.fixtures';

let dbCounter = 0;
const opened: WegweiserDB[] = [];

/** A fresh fake-indexeddb database per test, with its own status store. */
export function freshDb(): { db: WegweiserDB; status: Store<DbStatus> } {
  const status = createDbStatusStore();
  const db = createDb(`ui-test-${Date.now()}-${++dbCounter}`, { status });
  opened.push(db);
  return { db, status };
}

export interface FakeSync extends SyncController {
  set(state: Partial<SyncState>): void;
  calls: number;
}

/** A sync controller driven by the test; syncNow only counts. */
export function fakeSync(initial: Partial<SyncState> = {}): FakeSync {
  const store = createStore<SyncState>({
    status: 'idle',
    lastSyncAt: null,
    error: null,
    ...initial,
  });
  const fake: FakeSync = {
    get: store.get,
    subscribe: store.subscribe,
    calls: 0,
    async syncNow() {
      fake.calls++;
    },
    stop() {},
    set(state) {
      store.set({ ...store.get(), ...state });
    },
  };
  return fake;
}

export const NOW = new Date('2026-10-14T10:00:00+02:00');

export function testDeps(over: Partial<AppDeps> = {}): AppDeps {
  const { db, status } = over.db ? { db: over.db, status: createDbStatusStore() } : freshDb();
  return {
    db,
    dbStatus: status,
    sync: fakeSync(),
    storageEstimate: async () => ({ usage: 1_400_000, quota: 2_000_000_000, persisted: true }),
    appVersion: '9.8.7',
    now: () => NOW,
    ...over,
  };
}

/** Renders the whole app at `path`, as a browser would open it. */
export function renderApp(path: string, svc: AppDeps = testDeps()) {
  window.history.replaceState(null, '', path);
  // A navigation left over from the previous test must not move focus in this one.
  takeFocusRequest();
  return { ...render(<App deps={svc} />), services: svc };
}

export async function teardown(): Promise<void> {
  cleanup();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete().catch(() => {});
  }
}

/*
 * The record factories of the data-layer tests, with the defaults the screen tests were
 * written against: a weekly Monday morning, an address in the demo town, and so on.
 */
const UI = { updated_at: '2026-10-01T10:00:00+02:00' } as const;

export function org(n: number, over: Partial<Organization> = {}): Organization {
  return records.org(n, { ...UI, description: '', ...over });
}

export function location(n: number, over: Partial<Location> = {}): Location {
  return records.location(n, {
    ...UI,
    address_1: 'Heckinghauser Straße 12',
    postal_code: '42289',
    city: 'Ruhrstadt',
    ...over,
  });
}

export function service(n: number, over: Partial<Service> = {}): Service {
  return records.service(n, { ...UI, ...over });
}

export function schedule(n: number, over: Partial<Schedule> = {}): Schedule {
  return records.schedule(n, {
    ...UI,
    freq: 'WEEKLY',
    byday: 'MO',
    opens_at: '09:00',
    closes_at: '12:00',
    ...over,
  });
}

export function contact(n: number, over: Partial<Contact> = {}): Contact {
  return records.contact(n, { ...UI, languages: [], ...over });
}

/** The offer names in the result list, in order. */
export function resultNames(): string[] {
  const list = screen.getByRole('list', { name: 'Suchergebnisse' });
  return within(list)
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent ?? '');
}
