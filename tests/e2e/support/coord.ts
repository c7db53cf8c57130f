import type { BrowserContext, Page } from 'playwright-core';
import type { TestUser } from './coordServer';

/** Signs in through the login screen, as a person would, and waits for the account view. */
export async function signIn(page: Page, baseUrl: string, user: TestUser): Promise<void> {
  await page.goto(`${baseUrl}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(user.email);
  await page.getByLabel('Passwort').fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Anmelden' }).click();
  await page.getByText(`Angemeldet als ${user.email}`).waitFor({ timeout: 20_000 });
}

/** A page whose marker survives only as long as the document does: proves "no reload". */
export async function markDocument(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    (window as unknown as { __qwMark?: number }).__qwMark = 42;
  });
  return () => page.evaluate(() => (window as unknown as { __qwMark?: number }).__qwMark === 42);
}

/** The header's status line (pending count, conflicts). */
export function shell(page: Page) {
  return page.getByRole('banner');
}

export async function newSignedInPage(
  context: BrowserContext,
  baseUrl: string,
  user: TestUser,
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${user.email}] pageerror:`, e.message));
  await signIn(page, baseUrl, user);
  return page;
}
