import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { markDocument, newSignedInPage, shell } from './support/coord';
import type { CoordServer, TestUser } from './support/coordServer';
import { waitForLocalCount } from './support/page';
import { residentOffers } from './support/residents';
import { useCoordServerAndBrowser } from './support/suite';

const demo = demoDataset();
const offer = residentOffers(demo)[3]!;
const anna: TestUser = {
  email: 'anna@example.org',
  role: 'coordinator',
  password: 'anna-geheim-123',
};
const ben: TestUser = {
  email: 'ben@example.org',
  role: 'coordinator',
  password: 'ben-geheim-1234',
};

async function serverName(server: CoordServer, id: string): Promise<string | undefined> {
  const rows = await server.db.query<{ name: string }>(
    "select data->>'name' as name from records where table_name = 'services' and id = $1::uuid",
    [id],
  );
  return rows[0]?.name;
}

describe.skipIf(!hasChromium)('two coordinators change the same field', () => {
  const suite = useCoordServerAndBrowser(demo, [anna, ben]);

  it('is a conflict that the second one resolves in the UI; nothing is lost', async () => {
    const annaContext = await newPhoneContext(suite.browser);
    const benContext = await newPhoneContext(suite.browser);
    const annaPage = await newSignedInPage(annaContext, suite.server.url, anna);
    const benPage = await newSignedInPage(benContext, suite.server.url, ben);
    await waitForLocalCount(annaPage, 'services', 1);
    await waitForLocalCount(benPage, 'services', 1);

    const edit = async (page: typeof annaPage, value: string) => {
      await page.goto(`${suite.server.url}/bearbeiten/angebote/${offer.id}`);
      const name = page.getByRole('textbox', { name: 'Name des Angebots', exact: true });
      await expect.poll(() => name.inputValue()).toBe(offer.name);
      return async () => {
        await name.fill(value);
        await page.getByRole('button', { name: 'Speichern' }).click();
        await page.getByText('Gespeichert. Wartet auf Übertragung.').waitFor();
      };
    };
    const annaSave = await edit(annaPage, 'Fassung von Anna');
    const benSave = await edit(benPage, 'Fassung von Ben');
    // Both in the field without a network.
    await annaContext.setOffline(true);
    await benContext.setOffline(true);
    await annaSave();
    await benSave();

    await annaContext.setOffline(false);
    // Said briefly once it went through.
    await shell(annaPage).getByText('1 Änderung übertragen').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => serverName(suite.server, offer.id), { timeout: 20_000 })
      .toBe('Fassung von Anna');

    await benContext.setOffline(false);
    const conflictLink = shell(benPage).getByRole('link', { name: '1 Konflikt lösen' });
    await conflictLink.waitFor({ timeout: 20_000 });
    // Ben's value is neither lost nor silently written over Anna's.
    expect(await serverName(suite.server, offer.id)).toBe('Fassung von Anna');
    await expect
      .poll(() =>
        benPage.getByRole('textbox', { name: 'Name des Angebots', exact: true }).inputValue(),
      )
      .toBe('Fassung von Ben');

    // Anna keeps her detail page open; Ben resolves.
    await annaPage.goto(`${suite.server.url}/angebote/${offer.id}`);
    await expect.poll(() => annaPage.locator('main h1').textContent()).toBe('Fassung von Anna');
    const sameDocument = await markDocument(annaPage);

    await conflictLink.click();
    const card = benPage.getByRole('form', { name: /Angebot:/ });
    const field = card.getByRole('group', { name: 'Name des Angebots' });
    await field.getByText('Fassung auf dem Server:').waitFor();
    // The state before both edits, and who made the other one (Ben is a coordinator).
    await field.getByText(offer.name).waitFor();
    await field
      .getByText(/^Die andere Änderung: anna@example\.org, \d\d\.\d\d\.\d{4}, \d\d:\d\d$/)
      .waitFor();
    await field.getByRole('radio', { name: /Selbst neu formulieren/ }).check();
    await field.getByRole('textbox').fill('Fassung von Anna und Ben');
    await card.getByRole('button', { name: 'Lösung übernehmen' }).click();
    await benPage.getByText(/Konflikt gelöst/).waitFor();

    await expect
      .poll(() => serverName(suite.server, offer.id), { timeout: 20_000 })
      .toBe('Fassung von Anna und Ben');
    await expect
      .poll(() => annaPage.locator('main h1').textContent(), { timeout: 20_000 })
      .toBe('Fassung von Anna und Ben');
    expect(await sameDocument()).toBe(true);

    // Ben's own offer page no longer says it waits: the server has the resolution.
    await benPage.goto(`${suite.server.url}/angebote/${offer.id}`);
    await expect
      .poll(() => benPage.locator('main h1').textContent(), { timeout: 20_000 })
      .toBe('Fassung von Anna und Ben');
    await expect
      .poll(() => benPage.getByText('Wartet auf Übertragung').count(), { timeout: 20_000 })
      .toBe(0);
    await expect
      .poll(
        () =>
          shell(benPage)
            .getByText(/Konflikt/)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(0);

    await annaContext.close();
    await benContext.close();
  });
});
