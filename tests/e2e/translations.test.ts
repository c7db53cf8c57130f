/**
 * Translated content for coordinators in Chromium: the editor's translation fields and the
 * dashboard's list of missing translations pass axe in German and Arabic, and a translation
 * added in the editor reaches the server.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoDataset, demoServiceId } from '../../src/demo';
import { axeViolations } from './support/axe';
import { hasChromium, newPhoneContext } from './support/browser';
import { newSignedInPage } from './support/coord';
import type { TestUser } from './support/coordServer';
import { waitForLocalCount } from './support/page';
import { useCoordServerAndBrowser } from './support/suite';

const demo = demoDataset();
const offerId = demoServiceId('jobcenter-vor-ort-huettenfeld');
const kim: TestUser = {
  email: 'kim@example.org',
  role: 'coordinator',
  password: 'kim-geheim-1234',
};

describe.skipIf(!hasChromium)('translations for coordinators in Chromium', () => {
  const suite = useCoordServerAndBrowser(demo, [kim]);

  it('editor and dashboard pass axe in German and Arabic; a new translation reaches the server', async () => {
    const dir = '.e2e-data/screenshots';
    mkdirSync(dir, { recursive: true });
    const context = await newPhoneContext(suite.browser);
    const page = await newSignedInPage(context, suite.server.url, kim);
    await waitForLocalCount(page, 'services', demo.services.length);

    const found: string[] = [];
    for (const lang of ['de', 'ar']) {
      for (const [path, ready] of [
        [`/bearbeiten/angebote/${offerId}`, '#translations-add'],
        ['/koordination', '.dashboard__gaps'],
      ] as const) {
        await page.goto(`${suite.server.url}${path}?lang=${lang}`);
        await page.locator(ready).waitFor();
        for (const v of await axeViolations(page)) found.push(`${lang} ${path} ${v}`);
      }
    }
    expect(found).toEqual([]);

    await page.goto(`${suite.server.url}/bearbeiten/angebote/${offerId}?lang=de`);
    const section = page.locator('#f-translations');
    await section.getByLabel('Sprache hinzufügen').selectOption('fa');
    await section.getByRole('button', { name: 'Hinzufügen' }).click();
    const farsi = section.getByRole('group', { name: 'فارسی' });
    await farsi.getByLabel('Name des Angebots (فارسی)').fill('مرکز کار در محله');
    await farsi.getByLabel('Maschinell übersetzt (فارسی)').check();
    await farsi.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/de-editor-translations.png` });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert. Wartet auf Übertragung.').waitFor();

    await expect
      .poll(
        async () =>
          (
            await suite.server.db.query<{ fa: unknown }>(
              "select data->'translations'->'fa' as fa from records where table_name = 'services' and id = $1::uuid",
              [offerId],
            )
          )[0]?.fa,
        { timeout: 20_000 },
      )
      .toEqual({ name: 'مرکز کار در محله', machine: true });
    await context.close();
  });
});
