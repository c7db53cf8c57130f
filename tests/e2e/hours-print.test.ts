/**
 * In real Chromium with a fake clock: the offer header and the list card show the
 * consultation running now; the hours pages print as an A4 door notice with a QR code.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDataset, demoLocationId } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount } from './support/page';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicSchedules = demo.schedules.filter((s) => s.visibility === 'public' && !s.deleted);
const jobcenter = demo.services.find(
  (s) => s.name === 'Jobcenter Emscherhagen – Eingangszone Geschäftsstelle Mitte',
)!;
const place = demo.locations.find((l) => l.id === demoLocationId('stz-huettenfeld'))!;
// Thursday 3 December 2026, 10:00 in Berlin: the Jobcenter is open 8–12:30 (and 14–17:30).
const THURSDAY_10 = new Date('2026-12-03T10:00:00+01:00');
const SHOTS = process.env.QW_SCREENSHOTS;

async function openWithData(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForLocalCount(page, 'schedules', publicSchedules.length);
}

describe.skipIf(!hasChromium)('hours in Chromium, with a fake clock', () => {
  const suite = useServerAndBrowser(demo);

  it('offer header and list card: "jetzt geöffnet bis 12:30 Uhr", not "heute, 14–17:30"', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await context.newPage();
    await page.clock.setFixedTime(THURSDAY_10);
    await openWithData(page, suite.server.url);

    await page.goto(`${suite.server.url}/angebote/${jobcenter.id}`);
    await page.locator('main h1', { hasText: jobcenter.name }).waitFor();
    const header = page.locator('.service-detail__head .next-date');
    expect(await header.textContent()).toBe('jetzt geöffnet bis 12:30 Uhr');
    // The call button sits at the top too.
    expect(
      await page
        .locator('.service-detail__head')
        .getByRole('link', { name: /^Anrufen/ })
        .count(),
    ).toBe(1);

    await page.goto(`${suite.server.url}/angebote?offen=jetzt`);
    const card = page.locator('.service-item', { hasText: jobcenter.name });
    await card.waitFor();
    expect(await card.locator('.next-date').textContent()).toBe('jetzt geöffnet bis 12:30 Uhr');
    expect(await card.locator('.next-date__badge').isVisible()).toBe(true);
    await context.close();
  });

  for (const [kind, path, title] of [
    ['offer', `/sprechstunden/angebot/${jobcenter.id}`, jobcenter.name],
    ['place', `/sprechstunden/ort/${place.id}`, place.name],
  ] as const) {
    it(`the ${kind} hours page prints as an A4 door notice with a QR code`, async () => {
      const context = await newPhoneContext(suite.browser);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.clock.setFixedTime(THURSDAY_10);
      await openWithData(page, suite.server.url);
      await page.goto(`${suite.server.url}${path}`);
      await page.locator('main h1', { hasText: title }).waitFor();

      // On screen: the QR code (named for screen readers) and "Drucken".
      const qr = page.getByRole('img', { name: 'QR-Code mit dem Link zu dieser Seite' });
      expect(await qr.isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(true);
      expect(await page.locator('.door-notice').isVisible()).toBe(false);
      if (SHOTS)
        await page.screenshot({ path: `${SHOTS}/notice-${kind}-screen.png`, fullPage: true });

      // On paper: the notice alone, with large dates, the rules and the QR code.
      await page.emulateMedia({ media: 'print' });
      const notice = page.locator('.door-notice');
      expect(await notice.isVisible()).toBe(true);
      for (const hidden of ['nav', '.app-header', 'button']) {
        const visible = await page
          .locator(hidden)
          .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
        expect(visible, hidden).toBe(0);
      }
      expect(await notice.getByRole('img', { name: /QR-Code/ }).isVisible()).toBe(true);
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain(title);
      expect(text).toContain(`${suite.server.url}${path}`);
      expect(text).toMatch(/Do\., 3\.12\., \d{1,2}:\d{2}–\d{1,2}:\d{2} Uhr/);
      expect(text).not.toMatch(/heute|jetzt offen/);
      expect(text).toMatch(/Stand: 0?3\.12\.2026/);
      const dateSize = await notice
        .locator('.next-dates__when')
        .first()
        .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
      expect(dateSize).toBeGreaterThanOrEqual(24); // 20 pt
      if (SHOTS) {
        // A4 at 96 dpi, to look at the notice as it comes out of the printer.
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.screenshot({ path: `${SHOTS}/notice-${kind}-print.png`, fullPage: true });
        await page.setViewportSize({ width: 360, height: 780 });
      }

      // Chromium prints it on A4 (595 × 842 pt).
      const pdf = await page.pdf({ preferCSSPageSize: true });
      if (SHOTS) writeFileSync(`${SHOTS}/notice-${kind}.pdf`, pdf);
      // One offer's notice fits one sheet.
      if (kind === 'offer') expect(pdf.toString('latin1')).toMatch(/\/Count 1\b/);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
