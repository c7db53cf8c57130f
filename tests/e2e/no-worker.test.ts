import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);

describe.skipIf(!hasChromium)('a browser without module workers', () => {
  const suite = useServerAndBrowser(demo);

  it('syncs and searches on the main thread', async () => {
    const context = await newPhoneContext(suite.browser);
    await context.addInitScript(() => {
      delete (window as unknown as { Worker?: unknown }).Worker;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));

    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);

    const box = page.getByRole('searchbox', { name: 'Angebot suchen' });
    await box.fill('Schuldnerberatung');
    const first = page.locator('.quick-results__list a').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.textContent()).toMatch(/Schuldner/);

    await box.press('Enter');
    await page.waitForURL(/\/angebote\?q=Schuldnerberatung/);
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/\d+ Angebot/);
    expect(await page.locator('main mark').count()).toBeGreaterThan(0);

    expect(workers).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
