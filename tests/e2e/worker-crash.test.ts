import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);

describe.skipIf(!hasChromium)('the data worker stopping after its start', () => {
  const suite = useServerAndBrowser(demo);

  it('is replaced by a new one, and the search still answers', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const started: string[] = [];
    page.on('worker', (w) => {
      if (w.url().includes('data.worker')) started.push(w.url());
    });

    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);
    const box = page.getByRole('searchbox', { name: 'Angebot suchen' });
    await box.fill('Schuldnerberatung');
    const first = page.locator('.quick-results__list a').first();
    await first.waitFor({ timeout: 20_000 });
    expect(started).toHaveLength(1);

    // The worker ends as if the browser stopped it: no last word to the page.
    const worker = page.workers().find((w) => w.url().includes('data.worker'));
    expect(worker).toBeDefined();
    void worker?.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => {});
    await expect.poll(() => started.length, { timeout: 20_000 }).toBe(2);

    await box.fill('Stadtteilmütter');
    await expect
      .poll(() => page.locator('.quick-results__list a').first().textContent(), {
        timeout: 20_000,
      })
      .toMatch(/Stadtteilm/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
