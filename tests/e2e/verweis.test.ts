/**
 * Verweisberatung end to end, offline in real Chromium: target group → filter → query →
 * detail → referral slip; a resident's hand-over leaves nothing in the outbox (IndexedDB).
 * axe-core checks start, results, detail and the slip page for accessibility violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount, waitForServiceWorkerControl } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);
// Evaluated through the DevTools protocol: the app's CSP (rightly) forbids inline scripts.
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const { violations, passes } = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: Document) => Promise<{ violations: unknown[]; passes: unknown[] }> };
      }
    ).axe;
    const r = await axe.run(document);
    return { violations: r.violations, passes: r.passes.length };
  })) as { violations: AxeViolation[]; passes: number };
  // axe really looked at the page.
  expect(passes).toBeGreaterThan(10);
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function outbox(page: Page): Promise<{ table: string; op: string; recordId: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('quartier-wegweiser');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
}

describe.skipIf(!hasChromium)('Verweisberatung offline', () => {
  const suite = useServerAndBrowser(demo);

  it('target group → filter → query → detail → slip; a resident queues nothing', async () => {
    const context = await newPhoneContext(suite.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.url,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    await page.reload();

    // Start page: tiles with counts.
    const tile = page.locator('a[href="/angebote?zielgruppe=alleinerziehende"]');
    await expect.poll(() => tile.textContent(), { timeout: 10_000 }).toMatch(/\d+ Angebote/);
    expect(await axeViolations(page)).toEqual([]);
    await tile.click();
    await page.waitForURL(/zielgruppe=alleinerziehende/);
    await page.locator('main h1', { hasText: /\d+ Angebote/ }).waitFor();

    // A filter: language Arabic.
    await page.getByText(/^Filter/).click();
    await page.locator('summary', { hasText: 'Sprache' }).click();
    await page.getByRole('checkbox', { name: 'Arabisch' }).check();
    await page.waitForURL(/sprache=ar/);

    // A query, results as you type, matches marked.
    await page.locator('#search-q').fill('Kinderbetreung');
    const first = page.locator('main .service-item a').first();
    await expect.poll(() => page.locator('main .service-item mark').count()).toBeGreaterThan(0);
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('q=Kinderbetreung');
    expect(page.url()).toContain('zielgruppe=alleinerziehende');
    expect(await axeViolations(page)).toEqual([]);

    // Detail.
    const name = (await first.textContent())?.trim() ?? '';
    await first.click();
    await page.waitForURL(/\/angebote\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe(name);
    expect(await axeViolations(page)).toEqual([]);
    const offerId = page.url().split('/').pop() as string;

    // Hand-over as a resident (not signed in): show the QR code, copy the link. Nothing is
    // recorded — referrals are a caretaker's statistics (see weitergeben.test.ts).
    await page.getByRole('link', { name: 'Weitergeben' }).click();
    await page.waitForURL(/\/weitergeben$/);
    await page.locator('main h1', { hasText: 'Weitergeben' }).waitFor();
    await page.getByRole('button', { name: 'QR-Code zeigen' }).click();
    await page.getByText('QR-Code zum Scannen.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Link kopieren' }).click();
    await page.getByText('Link kopiert.', { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${suite.server.url}/angebote/${offerId}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await outbox(page)).toEqual([]);

    // Back goes through the steps: slip → detail → list with query and filters.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/q=Kinderbetreung/);
    expect(page.url()).toContain('sprache=ar');
    expect(errors).toEqual([]);
    await context.close();
  });
});
