/**
 * A coordinator exports and imports from the dashboard in real Chromium: the spreadsheet
 * arrives under the server's name as a real workbook, internal details travel only when the
 * box is ticked, and the downloaded file uploaded back is a dry run and a commit that change
 * nothing new the second time; a new offer uploaded reaches a worker's open app live.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { axeViolations } from './support/axe';
import { hasChromium, newPhoneContext } from './support/browser';
import { markDocument, newSignedInPage, signIn } from './support/coord';
import { COORDINATOR, type TestUser } from './support/coordServer';
import { waitForLocalCount } from './support/page';
import { useCoordServerAndBrowser } from './support/suite';

const WORKER: TestUser = {
  email: 'sam.kuemmerer@example.org',
  role: 'worker',
  password: 'kuemmerer-geheim',
};

/** One new offer as HSDS 3.0 JSON, with its Träger and a place in a Quartier. */
const NEW_OFFER = {
  id: 'import-test-1',
  name: 'Nähcafé aus dem Import',
  status: 'active',
  description: 'Gemeinsam nähen und reparieren, offen für alle.',
  organization: { id: 'import-org-1', name: 'Nähwerkstatt e. V.' },
  service_at_locations: [
    {
      id: 'import-sal-1',
      location: {
        id: 'import-loc-1',
        name: 'Nähwerkstatt',
        addresses: [
          {
            id: 'import-adr-1',
            address_1: 'Werkstraße 3',
            city: 'Emscherhagen',
            postal_code: '44879',
            region: 'Emscherau-Süd',
            country: 'DE',
            address_type: 'physical',
          },
        ],
      },
    },
  ],
};

describe.skipIf(!hasChromium)('import and export from the dashboard', () => {
  const suite = useCoordServerAndBrowser(demoDataset, [COORDINATOR, WORKER]);

  it('downloads the XLSX template and HSDS JSON, with internal details only when ticked', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    await signIn(page, suite.server.url, COORDINATOR);
    await page.goto(`${suite.server.url}/koordination`);
    const section = page.getByRole('region', { name: 'Daten exportieren' });

    const download = async (button: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        section.getByRole('button', { name: button }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };

    const xlsx = await download('Tabelle (XLSX)');
    expect(xlsx.name).toMatch(/^quartier-wegweiser-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Object.keys(unzipSync(new Uint8Array(xlsx.bytes)))).toContain('xl/workbook.xml');
    await section.getByText(`„${xlsx.name}“ wurde heruntergeladen.`).waitFor();

    const internalIds = demoDataset()
      .services.filter((s) => s.visibility === 'internal')
      .map((s) => s.id);
    expect(internalIds.length).toBeGreaterThan(0);
    const pub = await download('HSDS 3.0 (JSON)');
    for (const id of internalIds) expect(pub.bytes.toString()).not.toContain(id);
    await section.getByLabel(/Interne Angaben einschließen/).check();
    const all = await download('HSDS 3.0 (JSON)');
    expect(all.name).toMatch(/-intern\.json$/);
    expect(all.bytes.toString()).toContain(internalIds[0]);

    // The spreadsheet uploaded back: new to the import's bookkeeping (another source name),
    // so the dry run plans every offer, and writes nothing until "Übernehmen".
    const importer = page.getByRole('region', { name: 'Daten importieren' });
    await importer.getByLabel('Datei').setInputFiles({
      name: 'angebote.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx.bytes,
    });
    await importer.getByRole('button', { name: 'Probelauf' }).click();
    await importer.getByText('Übernehmbar. Nichts ist bisher geschrieben.').waitFor();
    const offers = importer.getByRole('row', { name: /^Angebote/ });
    const listed = demoDataset().services.filter((s) => s.visibility === 'public').length;
    expect(await offers.getByRole('cell').first().textContent()).toBe(String(listed));
    await importer.getByRole('button', { name: 'Übernehmen' }).click();
    await importer.getByText(/^Übernommen\./).waitFor({ timeout: 30_000 });
    await importer.getByRole('button', { name: 'Probelauf' }).click();
    await importer.getByText('Übernehmbar. Nichts ist bisher geschrieben.').waitFor();
    const cells = await offers.getByRole('cell').allTextContents();
    expect(cells).toEqual(['0', '0', String(listed), '0']);
    await context.close();
  });

  it("uploads a new offer, and a worker's open list shows it without a reload", async () => {
    const workerContext = await newPhoneContext(suite.browser);
    const workerPage = await newSignedInPage(workerContext, suite.server.url, WORKER);
    // Searching for it: a list of a hundred offers need not render the one at the end.
    await waitForLocalCount(workerPage, 'services', 1);
    await workerPage.goto(`${suite.server.url}/angebote?q=${encodeURIComponent('Nähcafé')}`);
    await workerPage.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
    const sameDocument = await markDocument(workerPage);
    expect(await workerPage.getByText(NEW_OFFER.name).count()).toBe(0);

    const context = await newPhoneContext(suite.browser);
    const page = await newSignedInPage(context, suite.server.url, COORDINATOR);
    await page.goto(`${suite.server.url}/koordination`);
    const importer = page.getByRole('region', { name: 'Daten importieren' });
    await importer.getByLabel('Datei').setInputFiles({
      name: 'naehcafe.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(NEW_OFFER)),
    });
    await importer.getByRole('button', { name: 'Probelauf' }).click();
    await importer.getByText('Übernehmbar. Nichts ist bisher geschrieben.').waitFor();
    const offers = importer.getByRole('row', { name: /^Angebote/ });
    expect(await offers.getByRole('cell').allTextContents()).toEqual(['1', '0', '0', '0']);
    await importer.getByRole('button', { name: 'Übernehmen' }).click();
    await importer.getByText(/^Übernommen\./).waitFor({ timeout: 30_000 });

    await workerPage.getByText(NEW_OFFER.name).first().waitFor({ timeout: 30_000 });
    expect(await sameDocument()).toBe(true);
    await context.close();
    await workerContext.close();
  });

  it('maps a source term in the dashboard, and the repeated dry run no longer lists it', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await newSignedInPage(context, suite.server.url, COORDINATOR);
    await page.goto(`${suite.server.url}/koordination`);
    const importer = page.getByRole('region', { name: 'Daten importieren' });
    const withTerm = {
      ...NEW_OFFER,
      id: 'import-test-2',
      name: 'Lebensmittel aus dem Import',
      attributes: [{ id: 'attr-1', taxonomy_term: { id: 'term-1', name: 'Food Pantries' } }],
    };
    await importer.getByLabel('Datei').setInputFiles({
      name: 'lebensmittel.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(withTerm)),
    });
    await importer.getByRole('button', { name: 'Probelauf' }).click();
    await importer.getByText(/^Begriffe der Quelle ohne Zuordnung: 1\./).waitFor();

    const term = importer.getByRole('listitem').filter({ hasText: 'Food Pantries' });
    await term.getByText('noch ohne Zuordnung').click();
    await term.getByRole('checkbox', { name: 'Nahversorgung' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await importer.getByRole('button', { name: 'Zuordnung speichern (Änderungen: 1)' }).click();
    await importer.getByText(/^Gespeichert\./).waitFor();
    await importer.getByText('Übernehmbar. Nichts ist bisher geschrieben.').waitFor();
    await expect
      .poll(() => importer.getByText(/^Begriffe der Quelle ohne Zuordnung/).count())
      .toBe(0);
    // Stored now: the term stays in the list with what it maps to.
    expect(await term.locator('summary').textContent()).toBe('Food PantriesNahversorgung');
    await context.close();
  });
});
