import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { markDocument, newSignedInPage, shell } from './support/coord';
import {
  COORDINATOR,
  type CoordServer,
  listedPublicOffer,
  type TestUser,
} from './support/coordServer';
import { waitForLocalCount } from './support/page';
import { useCoordServerAndBrowser } from './support/suite';

const demo = demoDataset();
const offer = listedPublicOffer(demo);
const coordinator = COORDINATOR;
const worker: TestUser = {
  email: 'sam.kuemmerer@example.org',
  role: 'worker',
  password: 'kuemmerer-geheim',
};

async function serverName(server: CoordServer, id: string): Promise<string | undefined> {
  const rows = await server.db.query<{ name: string }>(
    "select data->>'name' as name from records where table_name = 'services' and id = $1::uuid",
    [id],
  );
  return rows[0]?.name;
}

describe.skipIf(!hasChromium)('coordinator edits offline, a worker sees it live', () => {
  const suite = useCoordServerAndBrowser(demo, [coordinator, worker]);

  it('shows the change in the worker’s open app without a reload', async () => {
    const workerContext = await newPhoneContext(suite.browser);
    const coordContext = await newPhoneContext(suite.browser);
    const workerPage = await newSignedInPage(workerContext, suite.server.url, worker);
    const coordPage = await newSignedInPage(coordContext, suite.server.url, coordinator);
    await waitForLocalCount(workerPage, 'services', 1);
    await waitForLocalCount(coordPage, 'services', 1);

    // The worker has the offer open.
    await workerPage.goto(`${suite.server.url}/angebote/${offer.id}`);
    await expect.poll(() => workerPage.locator('main h1').textContent()).toBe(offer.name);
    const sameDocument = await markDocument(workerPage);

    // The coordinator loses the network and edits.
    await coordPage.goto(`${suite.server.url}/bearbeiten/angebote/${offer.id}`);
    const name = coordPage.getByRole('textbox', { name: 'Name des Angebots', exact: true });
    await expect.poll(() => name.inputValue()).toBe(offer.name);
    await coordContext.setOffline(true);
    const newName = `${offer.name} – jetzt auch samstags`;
    await name.fill(newName);
    await coordPage.getByRole('button', { name: 'Speichern' }).click();
    await coordPage.getByText('Gespeichert. Wartet auf Übertragung.').waitFor();
    await shell(coordPage).getByText('1 Änderung wartet auf Übertragung').waitFor();
    expect(await serverName(suite.server, offer.id)).toBe(offer.name);

    // Back online: the outbox is pushed; the worker's page follows by itself.
    await coordContext.setOffline(false);
    await expect.poll(() => serverName(suite.server, offer.id), { timeout: 20_000 }).toBe(newName);
    await expect
      .poll(() => workerPage.locator('main h1').textContent(), { timeout: 20_000 })
      .toBe(newName);
    expect(await sameDocument()).toBe(true);
    await expect
      .poll(
        () =>
          shell(coordPage)
            .getByText(/wartet auf Übertragung/)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(0);

    await workerContext.close();
    await coordContext.close();
  });
});
