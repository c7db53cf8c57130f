import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset } from '../../src/demo';
import de from '../../src/i18n/de.json';
import { hasChromium, launchPhoneProfile, tempDir } from './support/browser';
import { shell, signIn } from './support/coord';
import { type CoordServer, startCoordServer, type TestUser } from './support/coordServer';
import { countLocal, waitForLocalCount } from './support/page';

const demo = demoDataset();
const offer = demo.services.find(
  (s) => s.visibility === 'public' && !s.deleted && s.status === 'active',
)!;
const coordinator: TestUser = {
  email: 'kim.koordination@example.org',
  role: 'coordinator',
  password: 'koordination-geheim',
};
const renamed = `${offer.name} (bei vollem Speicher)`;

/**
 * Chromium ignores `Storage.overrideQuotaForOrigin` for the writes of an open database, so
 * the device really runs full: the profile lives on a small tmpfs (mounting needs root, as
 * in CI; elsewhere the test skips).
 */
function mountSmallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Fills the rest of the disk from the page, in a database of its own, until not even small
 * writes fit; returns the bytes written. Random data: Chromium compresses what it stores.
 */
function fillDisk(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('blobs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (key: number, bytes: number) =>
      new Promise<boolean>((resolve) => {
        const data = new Uint8Array(bytes);
        for (let at = 0; at < bytes; at += 65_536)
          crypto.getRandomValues(data.subarray(at, at + 65_536));
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').put(data, key);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      });
    let written = 0;
    let key = 0;
    for (let size = 4 << 20; size >= 1024; ) {
      if (await put(key++, size)) written += size;
      else size >>= 1;
    }
    db.close();
    return written;
  });
}

function freeDisk(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('filler');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      }),
  );
}

async function serverName(server: CoordServer, id: string): Promise<string | undefined> {
  const rows = await server.db.query<{ name: string }>(
    "select data->>'name' as name from records where table_name = 'services' and id = $1::uuid",
    [id],
  );
  return rows[0]?.name;
}

/** The banner's text now ('' without one). */
const bannerText = (page: Page) =>
  page.evaluate(() => document.querySelector('main [role="alert"]')?.textContent ?? '');

/** Remembers whether the page ever showed an empty directory from now on. */
async function watchForEmptyList(page: Page): Promise<() => Promise<string | null>> {
  await page.evaluate(() => {
    const w = window as unknown as { __qwEmpty: string | null };
    w.__qwEmpty = null;
    const empty = /Keine Angebote|(^|\D)0 Angebote|keine Angebote gespeichert|Keine passenden/;
    new MutationObserver(() => {
      const text = document.querySelector('main')?.textContent ?? '';
      const at = text.search(empty);
      if (!w.__qwEmpty && at >= 0) w.__qwEmpty = text.slice(Math.max(0, at - 80), at + 80);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __qwEmpty: string | null }).__qwEmpty);
}

describe.skipIf(!hasChromium)('the device runs full during a sync', () => {
  let server: CoordServer | undefined;
  let disk: string | undefined;
  let mounted = false;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await startCoordServer(demo, [coordinator]);
    disk = tempDir('qw-e2e-quota-');
    mounted = mountSmallDisk(disk);
  });
  afterAll(async () => {
    await context?.close();
    if (mounted && disk) execFileSync('umount', [disk]);
    await server?.close();
  });

  it('says so, keeps the unsent edit, and delivers it once there is space again', async (t) => {
    if (!mounted || !disk || !server) return t.skip();
    context = await launchPhoneProfile(`${disk}/profile`);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await signIn(page, server.url, coordinator);
    await waitForLocalCount(page, 'services', demo.services.length);

    await page.goto(`${server.url}/bearbeiten/angebote/${offer.id}`);
    const name = page.getByLabel(/Name des Angebots/);
    await expect.poll(() => name.inputValue()).toBe(offer.name);
    // The push does not get through, so the edit stays in the outbox.
    await context.route('**/api/sync/push', (route) => route.abort());
    await name.fill(renamed);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert. Wartet auf Übertragung.').waitFor();
    await page.goto(`${server.url}/angebote`);
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/^\d+ Angebote$/);
    expect(await countLocal(page, 'outbox')).toBe(1);

    expect(await fillDisk(page)).toBeGreaterThan(0);
    const sawEmpty = await watchForEmptyList(page);
    await context.unroute('**/api/sync/push');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    await expect
      .poll(() => bannerText(page), { timeout: 20_000 })
      .toContain(`${de.dbError.quota} ${de.dbLost.quotaKept}`);
    expect(await countLocal(page, 'outbox')).toBe(1);
    await shell(page).getByText(de.outbox.pending1).waitFor();

    await freeDisk(page);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => serverName(server!, offer.id), { timeout: 20_000 }).toBe(renamed);
    await expect.poll(() => bannerText(page), { timeout: 20_000 }).toBe('');
    expect(await countLocal(page, 'outbox')).toBe(0);
    expect(await sawEmpty()).toBeNull();
  }, 120_000);
});
