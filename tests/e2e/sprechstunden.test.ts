import { describe, expect, it } from 'vitest';
import { demoDataset, demoLocationId } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount, waitForServiceWorkerControl } from './support/page';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicSchedules = demo.schedules.filter((s) => s.visibility === 'public' && !s.deleted);

describe.skipIf(!hasChromium)('Sprechstunden deep links', () => {
  const suite = useServerAndBrowser(demo);

  it('opens a place from a door-notice link with the network off and shows the next dates', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // First visit: the app and the public directory arrive on the phone.
    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'schedules', publicSchedules.length);
    await waitForServiceWorkerControl(page);

    await context.setOffline(true);
    const place = demo.locations.find((l) => l.id === demoLocationId('stz-huettenfeld'))!;
    // A cold navigation, as after scanning a QR code: no account, no network.
    await page.goto(`${suite.server.url}/sprechstunden/ort/${place.id}`);
    await expect
      .poll(() => page.locator('main h1').textContent(), { timeout: 10_000 })
      .toBe(place.name);

    const next = page.getByRole('region', { name: 'Nächste Termine an diesem Ort' });
    const dates = next.locator('li time');
    await dates.first().waitFor();
    expect(await dates.count()).toBeGreaterThanOrEqual(3);
    const first = (await dates.first().textContent()) ?? '';
    expect(first).toMatch(/\d{1,2}:\d{2}–\d{1,2}:\d{2} Uhr$/);
    // Each date names its offer, linking to that offer's own page.
    const offerLink = next.locator('a[href^="/sprechstunden/angebot/"]').first();
    await offerLink.click();
    await page.waitForURL(/\/sprechstunden\/angebot\/[0-9a-f-]{36}$/);
    await page
      .getByRole('region', { name: 'Nächste Termine' })
      .locator('li time')
      .first()
      .waitFor();

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
