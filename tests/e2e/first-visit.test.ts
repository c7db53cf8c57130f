import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import de from '../../src/i18n/de.json';
import { hasChromium, newPhoneContext } from './support/browser';
import {
  countLocal,
  readLocal,
  waitForLocalCount,
  waitForServiceWorkerControl,
} from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);
const PAGE_LIMIT = 40;
const PAGE_DELAY_MS = 700;

/** A slow network: small pull pages, each held back a while. */
async function slowPulls(context: BrowserContext): Promise<void> {
  await context.route('**/api/sync/pull?**', async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', String(PAGE_LIMIT));
    await new Promise((r) => setTimeout(r, PAGE_DELAY_MS));
    await route.continue({ url: url.toString() }).catch(() => {});
  });
}

/** Every text the page's main area showed from now on, deduplicated, in order. */
async function recordTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __qwTexts: string[] };
    w.__qwTexts = [];
    const seen = new Set<string>();
    const note = () => {
      for (const el of document.querySelectorAll(
        'main [role="status"], main p, main h1, main h2',
      )) {
        const text = el.textContent?.trim() ?? '';
        if (text && !seen.has(text)) {
          seen.add(text);
          w.__qwTexts.push(text);
        }
      }
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { __qwTexts: string[] }).__qwTexts);
}

const lastSyncAt = async (page: Page) =>
  (await readLocal<{ value: string }>(page, 'meta', 'lastSyncAt'))?.value ?? null;

const loadingPattern = /Daten werden geladen \(\d+( von \d+)?\)/;
const noneFor = de.results.noneFor.replace(/„\{q\}“/, '').trim();

describe.skipIf(!hasChromium)('first visit while the data is still coming', () => {
  const suite = useServerAndBrowser(demo);

  it('answers what is typed as the pages land, with a loading state instead of "nothing"', async () => {
    const context = await newPhoneContext(suite.browser);
    await slowPulls(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(suite.server.url);
    const texts = await recordTexts(page);

    // The pull runs in the data worker.
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBeGreaterThan(0);

    const box = page.getByRole('searchbox', { name: 'Angebot suchen' });
    await box.fill('Beratung');
    // Results while the sync still runs: some offers are here, not all.
    const link = page.locator('.quick-results__list a').first();
    await link.waitFor({ timeout: 30_000 });
    const stored = await countLocal(page, 'services');
    expect(await lastSyncAt(page)).toBeNull();
    expect(stored).toBeLessThan(publicServices.length);
    await expect
      .poll(() => page.locator('.quick-results__status').textContent())
      .toMatch(loadingPattern);

    // The list page says the same while the sync runs.
    await page.locator('.quick-results__all a').click();
    await page.waitForURL(/\/angebote\?q=Beratung/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(loadingPattern);
    expect(await lastSyncAt(page)).toBeNull();

    await waitForLocalCount(page, 'services', publicServices.length);
    await expect.poll(() => lastSyncAt(page), { timeout: 30_000 }).not.toBeNull();
    await expect.poll(() => page.locator('main').textContent()).not.toMatch(loadingPattern);
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/\d+ Angebote/);

    const shown = await texts();
    expect(shown.some((t) => loadingPattern.test(t))).toBe(true);
    // Before the sync was done neither the quick results nor the list said "nothing found"
    // or "no offers".
    expect(
      shown.filter((t) => t.includes(noneFor) || /Keine (passenden )?Angebote/.test(t)),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts the data worker offline from the precache', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Angebot suchen' }).fill('Beratung');
    await page.locator('.quick-results__list a').first().waitFor({ timeout: 20_000 });
    await context.close();
  });
});
