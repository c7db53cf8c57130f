import { describe, expect, it } from 'vitest';
import { deleteRecord, upsertRecords } from '../../server/records';
import { demoDataset } from '../../src/demo';
import {
  isPublicRecord,
  OFFER_CHILD_TABLES,
  type PullResponse,
  type Service,
} from '../../src/model';
import { hasChromium, newPhoneContext } from './support/browser';
import { countLocal, readLocal, recordPulls, waitForLocalCount } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);

describe.skipIf(!hasChromium)('incremental pull', () => {
  const suite = useServerAndBrowser(demo);

  it('brings exactly the server-side delta, including a deletion', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    const pulls = await recordPulls(page);
    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);

    // The initial sync is complete once it has stamped lastSyncAt (the end of a full pull).
    await page.waitForFunction(
      async () => {
        const open = indexedDB.open('quartier-wegweiser');
        const db: IDBDatabase = await new Promise((r) => {
          open.onsuccess = () => r(open.result);
        });
        const got = await new Promise<unknown>((r) => {
          const q = db.transaction('meta').objectStore('meta').get('lastSyncAt');
          q.onsuccess = () => r(q.result);
        });
        db.close();
        return got !== undefined;
      },
      undefined,
      { timeout: 30_000 },
    );

    // Every pull from here on counts: the delta may arrive through the live stream (SSE) or
    // through the pull that coming online starts. No reload: it would discard the body of a
    // pull in flight.
    const before = (await pulls()).length;

    const [renamed, removed] = publicServices as [Service, Service];
    const newName = `${renamed.name} – neue Räume ab Januar`;
    await suite.server.db.tx(async (q) => {
      await upsertRecords(q, 'services', [{ ...renamed, name: newName }], 'e2e');
      await deleteRecord(q, 'services', removed.id, 'e2e');
    });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction(
      async ([id, name]) => {
        const open = indexedDB.open('quartier-wegweiser');
        const db: IDBDatabase = await new Promise((r) => {
          open.onsuccess = () => r(open.result);
        });
        const rec = await new Promise<{ name?: string } | undefined>((r) => {
          const q = db.transaction('services').objectStore('services').get(id);
          q.onsuccess = () => r(q.result);
        });
        db.close();
        return rec?.name === name;
      },
      [renamed.id, newName] as const,
      { timeout: 30_000 },
    );

    const since = async () => ((await pulls()) as PullResponse[]).slice(before);
    await expect.poll(async () => (await since()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const pulled = (await since()).flatMap((p) => p.changes);
    // Two triggers may overlap, so compare the set of changes, not the sequence. The deleted
    // offer's public schedules and contacts leave residents' devices with it.
    const unique = [...new Set(pulled.map((c) => JSON.stringify([c.table, c.id, c.deleted])))];
    const children = OFFER_CHILD_TABLES.flatMap((table) =>
      demo[table]
        .filter((c) => c.service_id === removed.id && isPublicRecord(table, c, removed))
        .map((c) => [table, c.id, true]),
    );
    expect(children.length).toBeGreaterThan(0);
    expect(unique.map((u) => JSON.parse(u)).sort()).toEqual(
      [['services', renamed.id, false], ['services', removed.id, true], ...children].sort(),
    );
    const local = await readLocal<Service>(page, 'services', removed.id);
    expect(local === undefined || local.deleted === true).toBe(true);
    expect(await countLocal(page, 'services')).toBe(publicServices.length - 1);

    await page.goto(`${suite.server.url}/angebote/${renamed.id}`);
    await expect
      .poll(() => page.locator('main h1').textContent(), { timeout: 10_000 })
      .toContain(newName);
    await context.close();
  });
});
