/**
 * Layout at 360 px in real Chromium: nothing the keyboard reaches hides under the fixed
 * bottom navigation, Back returns to the place in a long list, chips stay inside the page,
 * the Merkliste carries its own styles, and dark mode keeps AA contrast.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { runAxe } from './support/axe';
import { hasChromium, newPhoneContext } from './support/browser';
import { waitForLocalCount } from './support/page';
import { residentOffers } from './support/residents';
import { useServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Tabs through the page and returns every focused element (outside the navigation itself)
 * whose box is not fully inside the viewport above the navigation.
 */
async function hiddenFocusStops(page: Page, maxStops = 80): Promise<string[]> {
  const hidden: string[] = [];
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const seen = new Set<string>();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const nav = document.querySelector('.main-nav') as HTMLElement;
      const r = el.getBoundingClientRect();
      const n = nav.getBoundingClientRect();
      const box = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      const path = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.getAttribute('href') ?? ''}`;
      return {
        key: `${path}@${Math.round(r.top + window.scrollY)}`,
        path,
        box,
        navTop: n.top,
        inNav: nav.contains(el),
        vw: window.innerWidth,
        vh: window.innerHeight,
      };
    });
    if (!stop) continue;
    if (seen.has(stop.key)) break; // wrapped around
    seen.add(stop.key);
    if (stop.inNav) continue;
    const b: Box = stop.box;
    const visible =
      b.top >= 0 && b.left >= 0 && b.right <= stop.vw + 0.5 && b.bottom <= stop.navTop + 0.5;
    if (!visible) hidden.push(`${stop.path} top=${b.top} bottom=${b.bottom} nav=${stop.navTop}`);
  }
  expect(seen.size).toBeGreaterThan(5);
  return hidden;
}

async function freshPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(url);
  await waitForLocalCount(page, 'services', publicServices.length);
  return page;
}

async function contrastViolations(page: Page): Promise<string[]> {
  const r = await runAxe(page, ['color-contrast']);
  const result = {
    bad: r.violations.flatMap((v) =>
      v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    ),
    checked: r.passes.reduce((s, p) => s + p.nodes.length, 0),
  };
  expect(result.checked).toBeGreaterThan(10);
  return result.bad;
}

describe.skipIf(!hasChromium)('layout at 360 px', () => {
  const suite = useServerAndBrowser(demo);

  it('every focus stop on the start, list and share page is visible above the nav', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await freshPage(context, suite.server.url);
    const tile = page.locator('a[href="/angebote?zielgruppe=alleinerziehende"]');
    await expect.poll(() => tile.textContent(), { timeout: 10_000 }).toMatch(/\d+ Angebote/);
    expect(await hiddenFocusStops(page)).toEqual([]);

    await page.goto(`${suite.server.url}/angebote`);
    await page.locator('main .service-item').first().waitFor();
    expect(await hiddenFocusStops(page, 40)).toEqual([]);

    const id = publicServices[0]?.id as string;
    await page.goto(`${suite.server.url}/angebote/${id}/weitergeben`);
    await page.getByRole('button', { name: 'QR-Code zeigen' }).click();
    const qr = page.locator('.share-page__qr svg');
    await qr.waitFor();
    await expect
      .poll(() =>
        qr.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const nav = (document.querySelector('.main-nav') as HTMLElement).getBoundingClientRect();
          return r.top >= 0 && r.bottom <= nav.top + 0.5;
        }),
      )
      .toBe(true);
    expect(await hiddenFocusStops(page, 40)).toEqual([]);
    await context.close();
  });

  it('Back from an offer returns to the place in a long list', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await freshPage(context, `${suite.server.url}/angebote`);
    await page.locator('main .service-item').first().waitFor();
    // Far down: past the first increment of cards.
    const cards = page.locator('main .service-item');
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 3000);
        return cards.count();
      })
      .toBeGreaterThan(60);
    const target = cards.nth(60).locator('a.service-item__link');
    await target.scrollIntoViewIfNeeded();
    const href = (await target.getAttribute('href')) as string;
    const before = await page.evaluate(() => window.scrollY);
    const cardHeight = await cards.nth(60).evaluate((el) => el.getBoundingClientRect().height);
    expect(before).toBeGreaterThan(3000);
    await target.click();
    await page.waitForURL((u) => u.pathname === href);
    await page.locator('main h1').waitFor();
    await page.goBack();
    await page.waitForURL(/\/angebote$/);
    await expect
      .poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 })
      .toBeGreaterThan(before - 2 * cardHeight);
    const after = await page.evaluate(() => window.scrollY);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(2 * cardHeight);
    const inView = await page.locator(`main a[href="${href}"]`).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const nav = (document.querySelector('.main-nav') as HTMLElement).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= nav.top;
    });
    expect(inView).toBe(true);
    await context.close();
  });

  it('a 500-character query: the chip stays inside the page and the limit is said', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await freshPage(context, `${suite.server.url}/angebote`);
    const long = 'Beratung '.repeat(56).slice(0, 500);
    await page.locator('#search-q').fill(long);
    await page.getByText(/höchstens 200 Zeichen/i).waitFor();
    await page.locator('#search-q').press('Enter');
    const chip = page.locator('.filter-chips__chip').first();
    await chip.waitFor();
    const { chipBox, listWidth } = await chip.evaluate((el) => ({
      chipBox: el.getBoundingClientRect().toJSON() as DOMRect,
      listWidth: (el.closest('.filter-chips') as HTMLElement).getBoundingClientRect().width,
    }));
    expect(chipBox.width).toBeLessThanOrEqual(listWidth);
    expect(chipBox.height).toBeLessThan(60);
    expect(await chip.getAttribute('title')).toContain('Beratung Beratung');
    await context.close();
  });

  it('the "jetzt geöffnet" chip has a gap before its ×', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await freshPage(context, `${suite.server.url}/angebote?offen=jetzt`);
    const chip = page.locator('.open-filter__option--active');
    await chip.waitFor();
    const gap = await chip.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const after = getComputedStyle(el, '::after');
      const canvas = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      canvas.font = `${after.fontWeight} ${after.fontSize} ${after.fontFamily}`;
      const cross = canvas.measureText('×').width;
      const style = getComputedStyle(el);
      const contentRight = el.getBoundingClientRect().right - Number.parseFloat(style.paddingRight);
      return contentRight - cross - text.right;
    });
    expect(gap).toBeGreaterThanOrEqual(4);
    await context.close();
  });

  it('the Merkliste, opened directly, is not indented', async () => {
    const context = await newPhoneContext(suite.browser);
    const id = publicServices[0]?.id as string;
    const page = await freshPage(context, `${suite.server.url}/angebote/${id}`);
    await page.getByRole('button', { name: 'Merken' }).click();
    // The toggle says so once the entry is stored; leaving earlier may abort the write.
    await page.getByRole('button', { name: 'Gemerkt' }).waitFor();
    await page.goto(`${suite.server.url}/merkliste`);
    const card = page.locator('main .service-item').first();
    await card.waitFor();
    const offset = await card.evaluate(
      (el) =>
        el.getBoundingClientRect().left -
        (document.querySelector('main h1') as HTMLElement).getBoundingClientRect().left,
    );
    expect(offset).toBe(0);
    await context.close();
  });

  it('dark mode: list and Sprechstunden have AA contrast', async () => {
    const context = await newPhoneContext(suite.browser);
    const page = await freshPage(context, suite.server.url);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${suite.server.url}/angebote?offen=woche`);
    await page.locator('main .service-item').first().waitFor();
    expect(await contrastViolations(page)).toEqual([]);
    await page.goto(`${suite.server.url}/sprechstunden`);
    await page.locator('.schedules-page__view').first().waitFor();
    expect(await contrastViolations(page)).toEqual([]);
    await context.close();
  });
});
