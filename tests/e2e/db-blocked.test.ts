import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import de from '../../src/i18n/de.json';
import { hasChromium, newPhoneContext } from './support/browser';
import { bannerText, countLocal } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();

describe.skipIf(!hasChromium)('an open that another tab blocks', () => {
  const suite = useServerAndBrowser(demo);

  it('renders the app with the banner instead of waiting for the database, and goes on once the other tab lets go', async () => {
    const context = await newPhoneContext(suite.browser);
    try {
      // The other tab: an older version of the database, held open without giving way.
      const other = await context.newPage();
      await other.goto(`${suite.server.url}/favicon.svg`);
      await other.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('quartier-wegweiser', 1);
            open.onsuccess = () => {
              (window as unknown as { __old: IDBDatabase }).__old = open.result;
              resolve();
            };
            open.onerror = () => reject(open.error);
          }),
      );

      const page = await context.newPage();
      await page.goto(`${suite.server.url}/`);
      await expect.poll(() => bannerText(page), { timeout: 15_000 }).toContain(de.dbError.blocked);
      await expect.poll(() => page.getByRole('navigation', { name: de.nav.label }).count()).toBe(1);

      await other.evaluate(() => (window as unknown as { __old: IDBDatabase }).__old.close());
      await expect
        .poll(() => countLocal(page, 'services'), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(residentOffers(demo).length);
      await expect.poll(() => bannerText(page)).toBe('');
    } finally {
      await context.close();
    }
  });
});
