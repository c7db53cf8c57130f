import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { markDocument, newSignedInPage, shell } from './support/coord';
import { COORDINATOR, type CoordServer, listedPublicOffer } from './support/coordServer';
import { bannerText, countLocal, waitForLocalCount, watchForEmptyList } from './support/page';
import { useCoordServerAndBrowser } from './support/suite';

const demo = demoDataset();
const offer = listedPublicOffer(demo);
const coordinator = COORDINATOR;

/** Counts calls of navigator.storage.persist() in every page of the context. */
async function countPersistCalls(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __qwPersist: number };
    w.__qwPersist = 0;
    const proto = StorageManager.prototype;
    const persist = proto.persist;
    proto.persist = function (this: StorageManager) {
      w.__qwPersist++;
      return persist.call(this);
    };
  });
}
const persistCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __qwPersist: number }).__qwPersist);

async function listHeading(page: Page, server: CoordServer): Promise<string> {
  await page.goto(`${server.url}/angebote`);
  const h1 = page.locator('main h1');
  await expect.poll(() => h1.textContent(), { timeout: 20_000 }).toMatch(/^\d+ Angebote$/);
  return (await h1.textContent()) ?? '';
}

const banner = (page: Page) => page.getByRole('main').getByRole('alert');
/** Renames the offer in the editor; `offline` goes offline once the editor is loaded. */
async function editOffer(
  page: Page,
  server: CoordServer,
  from: string,
  to: string,
  offline?: BrowserContext,
): Promise<void> {
  await page.goto(`${server.url}/bearbeiten/angebote/${offer.id}`);
  const name = page.getByRole('textbox', { name: 'Name des Angebots', exact: true });
  await expect.poll(() => name.inputValue()).toBe(from);
  await offline?.setOffline(true);
  await name.fill(to);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert. Wartet auf Übertragung.').waitFor();
  await shell(page)
    .getByText(/Änderung(en)? warte/)
    .waitFor();
}

describe.skipIf(!hasChromium)('the browser deletes the storage under a running app', () => {
  const suite = useCoordServerAndBrowser(demo, [coordinator]);

  it('deleted database: says so, tells the lost change, refills the list without a reload', async () => {
    const context = await newPhoneContext(suite.browser);
    await countPersistCalls(context);
    const page = await newSignedInPage(context, suite.server.url, coordinator);
    await waitForLocalCount(page, 'services', demo.services.length);
    expect(await persistCalls(page)).toBe(0);

    // The push never gets through, so the edit stays in the outbox.
    await context.route('**/api/sync/push', (route) => route.abort());
    await editOffer(page, suite.server, offer.name, `${offer.name} (geändert)`);
    // The first saved edit asks for persistent storage, once.
    await expect.poll(() => persistCalls(page)).toBe(1);
    // A later edit, in a new page of the same device, does not ask again.
    await editOffer(page, suite.server, `${offer.name} (geändert)`, `${offer.name} (noch einmal)`);
    expect(await persistCalls(page)).toBe(0);

    const heading = await listHeading(page, suite.server);
    const unsent = await countLocal(page, 'outbox');
    expect(unsent).toBeGreaterThan(0);
    const sameDocument = await markDocument(page);
    const sawEmpty = await watchForEmptyList(page);
    await page.evaluate(() => {
      indexedDB.deleteDatabase('quartier-wegweiser');
    });

    await expect
      .poll(() => bannerText(page), { timeout: 20_000 })
      .toContain(
        unsent === 1
          ? 'Dabei ging 1 noch nicht gesendete Änderung verloren.'
          : `Dabei gingen ${unsent} noch nicht gesendete Änderungen verloren.`,
      );
    await expect
      .poll(() => page.locator('main h1').textContent(), { timeout: 20_000 })
      .toBe(heading);
    expect(await sawEmpty()).toBeNull();
    expect(await sameDocument()).toBe(true);
    expect(await countLocal(page, 'outbox')).toBe(0);
    await shell(page)
      .getByText(/wartet auf Übertragung/)
      .waitFor({ state: 'detached' });

    await banner(page).getByRole('button', { name: 'Verstanden' }).click();
    await banner(page).waitFor({ state: 'detached' });
    // Still signed in after a reload: the session was written into the new database.
    await page.goto(`${suite.server.url}/anmelden`);
    await page.getByText(`Angemeldet als ${coordinator.email}`).waitFor();
    await context.close();
  });
});
