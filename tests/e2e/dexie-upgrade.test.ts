import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, launchBrowser, newPhoneContext } from './support/browser';
import { shell, signIn } from './support/coord';
import { type CoordServer, startCoordServer, type TestUser } from './support/coordServer';
import { countLocal } from './support/page';

/**
 * Every release that adds a Dexie schema version commits the database of that version as
 * tests/e2e/fixtures/dexie-v<N>.json (export-dexie.ts, see README there). Each one is opened
 * here by the CURRENT code: whatever phones still hold, with their unsent edits, survives
 * every later upgrade and is pushed after signing in.
 */
interface StoreSpec {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}
interface DexieFixture {
  name: string;
  dexieVersion: number;
  idbVersion: number;
  userEmail: string;
  stores: Record<string, StoreSpec>;
  data: Record<string, Record<string, unknown>[]>;
}

const dir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => /^dexie-v\d+\.json$/.test(f))
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as DexieFixture] as const);

/** Creates the database exactly as the fixture's release left it, with the raw IndexedDB API. */
function restore(page: Page, fixture: DexieFixture): Promise<void> {
  return page.evaluate(
    (f) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(f.name, f.idbVersion);
        req.onupgradeneeded = () => {
          for (const [name, spec] of Object.entries(f.stores)) {
            const store = req.result.createObjectStore(name, {
              keyPath: spec.keyPath,
              autoIncrement: spec.autoIncrement,
            });
            for (const i of spec.indexes) {
              store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
            }
          }
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(Object.keys(f.data), 'readwrite');
          for (const [name, rows] of Object.entries(f.data)) {
            for (const row of rows) tx.objectStore(name).put(row);
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    fixture,
  );
}

/** Every row of a store, as stored now. */
function readAll(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('quartier-wegweiser');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as Record<string, unknown>[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

const RECORD_TABLES = [
  'organizations',
  'locations',
  'services',
  'schedules',
  'contacts',
  'referrals',
] as const;

describe.skipIf(!hasChromium || fixtures.length === 0)(
  'a device of an earlier release keeps its data',
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it.each(fixtures)(
      '%s: opened by this release, every record kept, edits pushed',
      async (_f, fixture) => {
        const user: TestUser = {
          email: fixture.userEmail,
          role: 'coordinator',
          password: 'koordination-geheim',
        };
        const server: CoordServer = await startCoordServer(demoDataset, [user]);
        const context = await newPhoneContext(browser);
        try {
          const page = await context.newPage();
          // A page of the origin that is not the app, so the app does not create the database first.
          await page.goto(`${server.url}/manifest.webmanifest`);
          await restore(page, fixture);

          const pending = fixture.data.outbox ?? [];
          expect(pending.length).toBeGreaterThan(0);
          await page.goto(`${server.url}/anmelden`);
          // The app read the old outbox (and upgraded the database, if this release has a newer schema).
          await shell(page)
            .getByText(`${pending.length} Änderungen warten auf Übertragung`)
            .waitFor({ timeout: 20_000 });
          const version = await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const req = indexedDB.open('quartier-wegweiser');
                req.onsuccess = () => {
                  resolve(req.result.version);
                  req.result.close();
                };
              }),
          );
          expect(version).toBeGreaterThanOrEqual(fixture.idbVersion);
          const outbox = await readAll(page, 'outbox');
          for (const entry of pending) {
            const { seq: _seq, ...rest } = entry;
            expect(outbox).toContainEqual(expect.objectContaining(rest));
          }

          await signIn(page, server.url, user);
          await expect.poll(() => countLocal(page, 'outbox'), { timeout: 20_000 }).toBe(0);
          for (const entry of pending) {
            const rows = await server.db.query<{ id: string }>(
              'select id::text as id from records where table_name = $1 and id = $2::uuid',
              [entry.table, entry.recordId],
            );
            expect(rows, `${entry.table} ${entry.recordId}`).toHaveLength(1);
          }

          // Every record of the old release is still there with every field it had (the
          // pushed ones now carry their server version).
          const pushed = new Set(pending.map((e) => `${e.table}/${e.recordId}`));
          for (const table of RECORD_TABLES) {
            const stored = await readAll(page, table);
            for (const row of fixture.data[table] ?? []) {
              if (pushed.has(`${table}/${row.id}`)) {
                expect(stored.map((r) => r.id)).toContain(row.id);
                continue;
              }
              expect(stored, `${table} ${row.id}`).toContainEqual(expect.objectContaining(row));
            }
          }
          // The device keeps its identity (push idempotency) across the upgrade.
          const clientId = fixture.data.meta?.find((m) => m.key === 'clientId');
          if (clientId) expect(await readAll(page, 'meta')).toContainEqual(clientId);
        } finally {
          await context.close();
          await server.close();
        }
      },
    );
  },
);
