import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecord, upsertRecords } from '../../server/records';
import { demoDataset } from '../../src/demo';
import type { PullResponse, Service } from '../../src/model';
import { hasChromium, launchBrowser, newPhoneContext } from './support/browser';
import { countLocal, readLocal, waitForLocalCount } from './support/page';
import { startServer, type TestServer } from './support/server';

const demo = demoDataset();
const publicServices = demo.services.filter((s) => s.visibility === 'public' && !s.deleted);

describe.skipIf(!hasChromium)('incremental pull', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer(demo);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('brings exactly the server-side delta, including a deletion', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForLocalCount(page, 'services', publicServices.length);

    const [renamed, removed] = publicServices as [Service, Service];
    const newName = `${renamed.name} – neue Räume ab Januar`;
    await server.db.tx(async (q) => {
      await upsertRecords(q, 'services', [{ ...renamed, name: newName }], 'e2e');
      await deleteRecord(q, 'services', removed.id, 'e2e');
    });

    const pages: Promise<PullResponse>[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/sync/pull')) pages.push(res.json() as Promise<PullResponse>);
    });
    await page.reload();
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

    const pulled = (await Promise.all(pages)).flatMap((p) => p.changes);
    expect(pulled.map((c) => [c.table, c.id, c.deleted]).sort()).toEqual(
      [
        ['services', renamed.id, false],
        ['services', removed.id, true],
      ].sort(),
    );
    const local = await readLocal<Service>(page, 'services', removed.id);
    expect(local === undefined || local.deleted === true).toBe(true);
    expect(await countLocal(page, 'services')).toBe(publicServices.length - 1);

    await page.goto(`${server.url}/angebote/${renamed.id}`);
    await expect(page.locator('main h1').textContent()).resolves.toContain(newName);
    await context.close();
  });
});
