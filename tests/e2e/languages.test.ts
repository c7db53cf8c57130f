import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import ar from '../../src/i18n/ar.json';
import de from '../../src/i18n/de.json';
import fa from '../../src/i18n/fa.json';
import uk from '../../src/i18n/uk.json';
import { axeViolations } from './support/axe';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount, waitForServiceWorkerControl } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);

describe.skipIf(!hasChromium)('UI languages in Chromium', () => {
  const suite = useServerAndBrowser(demo);

  it('switches language offline after a first visit in German, and keeps the choice', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const html = () =>
      page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        width: document.documentElement.scrollWidth,
      }));
    const heading = page.locator('main h1').first();

    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);
    await waitForServiceWorkerControl(page);
    await expect.poll(() => heading.textContent()).toBe(de.start.heading);

    await context.setOffline(true);
    await page.getByRole('combobox', { name: de.app.language }).selectOption('uk');
    await expect.poll(() => heading.textContent()).toBe(uk.start.heading);
    expect(await html()).toMatchObject({ lang: 'uk', dir: 'ltr' });

    await page.getByRole('combobox', { name: uk.app.language }).selectOption('ar');
    await expect.poll(() => heading.textContent()).toBe(ar.start.heading);
    expect(await html()).toMatchObject({ lang: 'ar', dir: 'rtl' });

    // Still offline: a reload starts in the chosen language, and an offer's own German
    // texts are marked and announced as German.
    await page.reload();
    await expect.poll(() => heading.textContent()).toBe(ar.start.heading);
    // One with no Arabic at all: not its own texts, nor its Träger's or places'.
    const translated = new Set(
      [...demo.organizations, ...demo.locations].filter((r) => r.translations).map((r) => r.id),
    );
    const offer =
      publicServices.find(
        (s) =>
          s.description &&
          !s.translations &&
          !translated.has(s.organization_id) &&
          !s.location_ids.some((id) => translated.has(id)),
      ) ?? publicServices[0]!;
    await page.goto(`${suite.server.url}/angebote/${offer.id}`);
    await page.getByText(ar.translatedContent.germanOnly).waitFor();
    expect(await page.locator('main h1 [lang="de"]').textContent()).toBe(offer.name);
    const state = await html();
    expect(state).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(state.width).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a shared link in the language it carries, right to left', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/?lang=fa`);
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe(fa.start.heading);
    const state = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      width: document.documentElement.scrollWidth,
    }));
    expect(state).toEqual({ lang: 'fa', dir: 'rtl', width: 360 });
    await context.close();
  });

  // One test per language and theme: each stays well inside the test timeout on a busy CI.
  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['de', 'ar']) {
      it(`has no axe violations on the resident screens (${lang}, ${scheme})`, async () => {
        const offer = publicServices.find((x) => x.description) ?? publicServices[0]!;
        const screens: [string, string][] = [
          ['/', 'main h1'],
          ['/angebote?q=Beratung', 'main .service-item'],
          [`/angebote/${offer.id}`, 'main h1'],
          [`/angebote/${offer.id}/weitergeben`, 'main h1'],
          ['/sprechstunden', '.schedules-page__view'],
          ['/merkliste', 'main h1'],
          ['/info', 'main h1'],
        ];
        const found: string[] = [];
        const context = await newPhoneContext(suite.browser);
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${suite.server.url}/?lang=${lang}`);
        await waitForLocalCount(page, 'services', publicServices.length);
        for (const [path, ready] of screens) {
          await page.goto(`${suite.server.url}${path}`);
          await page.locator(ready).first().waitFor();
          await page.evaluate(() => document.fonts.ready);
          for (const v of await axeViolations(page)) found.push(`${path} ${v}`);
        }
        await context.close();
        expect(found).toEqual([]);
      });
    }
  }

  it('lays out start, offer and referral slip (screen and print) in Arabic and Ukrainian', async () => {
    // For a person to look at: .e2e-data/screenshots/<lang>-<screen>.png
    const dir = '.e2e-data/screenshots';
    mkdirSync(dir, { recursive: true });
    const offer = publicServices.find((x) => x.description) ?? publicServices[0]!;
    for (const [lang, dirAttr] of [
      ['ar', 'rtl'],
      ['uk', 'ltr'],
    ] as const) {
      const context = await newPhoneContext(suite.browser);
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/?lang=${lang}`);
      await waitForLocalCount(page, 'services', publicServices.length);
      for (const [name, path] of [
        ['start', '/'],
        ['offer', `/angebote/${offer.id}`],
        ['slip', `/angebote/${offer.id}/weitergeben`],
      ] as const) {
        await page.goto(`${suite.server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${dir}/${lang}-${name}.png` });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect({ lang, name, width }).toEqual({ lang, name, width: 360 });
      }
      await page.emulateMedia({ media: 'print' });
      const slip = page.locator('.slip');
      await slip.screenshot({ path: `${dir}/${lang}-slip-print.png` });
      const printed = await slip.evaluate((el) => ({
        direction: getComputedStyle(el).direction,
        overflows: el.scrollWidth > el.clientWidth + 1,
        name: el.querySelector('.slip__name')?.textContent?.trim(),
      }));
      // The first demo offer is translated into both (tests/unit/offer-translations.test.ts).
      const name = offer.translations?.[lang]?.name ?? offer.name;
      expect(printed).toEqual({ direction: dirAttr, overflows: false, name });
      await context.close();
    }
  });

  for (const lang of ['de', 'ar']) {
    it(`fits 320 px at 200 % text size on the resident screens (${lang})`, async () => {
      const offer = publicServices.find((x) => x.description) ?? publicServices[0]!;
      const wide: string[] = [];
      const context = await suite.browser.newContext({
        viewport: { width: 320, height: 700 },
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
      });
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/?lang=${lang}`);
      await waitForLocalCount(page, 'services', publicServices.length);
      for (const path of [
        '/',
        '/angebote?q=Beratung',
        '/angebote?zielgruppe=alleinerziehende',
        `/angebote/${offer.id}`,
        `/angebote/${offer.id}/weitergeben`,
        '/sprechstunden',
        '/merkliste',
        '/info',
      ]) {
        await page.goto(`${suite.server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${path}: ${width} px`);
      }
      await context.close();
      expect(wide).toEqual([]);
    });
  }
});
