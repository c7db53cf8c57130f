import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount, waitForServiceWorkerControl } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);

describe.skipIf(!hasChromium)('offline after the first visit', () => {
  const suite = useServerAndBrowser(demo);

  it('reloads start, list and detail from IndexedDB with the network off', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);
    await waitForServiceWorkerControl(page);

    await context.setOffline(true);
    await page.reload();

    // Start: target-group tiles with counts, read from IndexedDB.
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    const tile = page.locator('a[href^="/angebote?zielgruppe="]').first();
    await tile.waitFor();
    expect(await page.locator('a[href^="/angebote?zielgruppe="]').count()).toBeGreaterThanOrEqual(
      9,
    );
    // Counts arrive from an async IndexedDB query after the tiles render.
    await expect.poll(() => tile.textContent(), { timeout: 10_000 }).toMatch(/\d/);

    // List, reached by following a tile like a user would.
    await tile.click();
    await page.waitForURL(/\/angebote\?/);
    const firstResult = page.locator('main a[href^="/angebote/"]').first();
    await firstResult.waitFor();
    const name = (await firstResult.textContent())?.trim() ?? '';
    await firstResult.click();
    await page.waitForURL(/\/angebote\/[0-9a-f-]{36}$/);
    const h1 = page.locator('main h1');
    await h1.waitFor();
    expect(name).toContain((await h1.textContent())?.trim());

    // A cold deep link to a detail page also opens offline (navigation fallback).
    const offer = publicServices.find((s) => s.name.includes('Jobcenter')) ?? publicServices[0]!;
    await page.goto(`${suite.server.url}/angebote/${offer.id}`);
    await expect
      .poll(() => page.locator('main h1').textContent(), { timeout: 10_000 })
      .toContain(offer.name);
    // Mobile first: nothing (long e-mail addresses, URLs) pushes the page wider than 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    // The API is never answered with the cached HTML shell.
    const api = await page.evaluate(async () => {
      try {
        const r = await fetch('/api/health');
        return r.headers.get('content-type') ?? '';
      } catch {
        return 'network-error';
      }
    });
    expect(api).toBe('network-error');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not show internal records to a resident', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);
    const internal = demo.contacts.find((c) => c.visibility === 'internal');
    expect(internal).toBeDefined();
    const html = await page.evaluate(async (id) => {
      const open = indexedDB.open('quartier-wegweiser');
      const db: IDBDatabase = await new Promise((r) => {
        open.onsuccess = () => r(open.result);
      });
      const got = await new Promise((r) => {
        const q = db.transaction('contacts').objectStore('contacts').get(id);
        q.onsuccess = () => r(q.result);
      });
      db.close();
      return got ?? null;
    }, internal!.id);
    expect(html).toBeNull();
    await context.close();
  });
});
