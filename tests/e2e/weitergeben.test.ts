/**
 * Hand-overs in real Chromium: a resident sharing a link records nothing and is never
 * asked to sign in; a signed-in caretaker using two channels makes exactly one referral.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import { hasChromium, newPhoneContext } from './support/browser';
import { newSignedInPage, shell } from './support/coord';
import type { CoordServer, TestUser } from './support/coordServer';
import { countLocal, waitForLocalCount } from './support/page';
import { residentOffers } from './support/residents';
import { useCoordServerAndBrowser } from './support/suite';

const demo = demoDataset();
const publicServices = residentOffers(demo);
const offer = publicServices.find((s) => s.status === 'active')!;
const worker: TestUser = {
  email: 'sam.kuemmerer@example.org',
  role: 'worker',
  password: 'kuemmerer-geheim',
};

async function serverReferrals(server: CoordServer): Promise<{ channel: string }[]> {
  return server.db.query<{ channel: string }>(
    "select data->>'channel' as channel from records where table_name = 'referrals'",
  );
}

/** Copy the link, then show the QR code: two channels in one visit of the page. */
async function handOverTwice(page: Page, url: string, recorded: boolean): Promise<void> {
  await page.goto(`${url}/angebote/${offer.id}/weitergeben`);
  await page.locator('main h1', { hasText: 'Weitergeben' }).waitFor();
  const note = recorded ? ' Weitergabe notiert.' : '';
  await page.getByRole('button', { name: 'Link kopieren' }).click();
  await page.getByRole('status').getByText(`Link kopiert.${note}`, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'QR-Code zeigen' }).click();
  await page
    .getByRole('status')
    .getByText(`QR-Code zum Scannen.${note}`, { exact: true })
    .waitFor();
}

describe.skipIf(!hasChromium)('Weitergeben: who records a referral', () => {
  const suite = useCoordServerAndBrowser(demo, [worker]);

  it('a resident shares a link: no outbox entry, no login prompt', async () => {
    const context = await newPhoneContext(suite.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.url,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(suite.server.url);
    await waitForLocalCount(page, 'services', publicServices.length);

    await handOverTwice(page, suite.server.url, false);
    expect(await page.getByRole('group', { name: /Für wen/ }).count()).toBe(0);
    expect(await countLocal(page, 'outbox')).toBe(0);
    expect(await countLocal(page, 'referrals')).toBe(0);
    // Give a (wrong) sync prompt the time to appear.
    await page.waitForTimeout(500);
    const header = (await shell(page).textContent()) ?? '';
    expect(header).not.toMatch(/auf Übertragung|zum Übertragen anmelden/);
    expect(header).not.toMatch(/Änderung/);
    expect(await serverReferrals(suite.server)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a caretaker uses two channels: exactly one referral, with the first channel', async () => {
    const context = await newPhoneContext(suite.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.url,
    });
    const page = await newSignedInPage(context, suite.server.url, worker);
    await waitForLocalCount(page, 'services', publicServices.length);

    await handOverTwice(page, suite.server.url, true);
    expect(await countLocal(page, 'referrals')).toBe(1);
    // The push sends it; the server holds exactly one.
    await expect
      .poll(() => serverReferrals(suite.server), { timeout: 15_000 })
      .toEqual([{ channel: 'copy' }]);
    await expect.poll(() => countLocal(page, 'outbox'), { timeout: 10_000 }).toBe(0);
    await context.close();
  });
});
