import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRecords } from '../../server/records';
import { demoDataset, syntheticDataset } from '../../src/demo';
import de from '../../src/i18n/de.json';
import { formatMessage } from '../../src/i18n/format';
import { hasChromium, launchPhoneProfile, tempDir } from './support/browser';
import { shell, signIn } from './support/coord';
import {
  COORDINATOR,
  type CoordServer,
  listedPublicOffer,
  startCoordServer,
} from './support/coordServer';
import {
  bannerText,
  countLocal,
  readLocal,
  waitForLocalCount,
  watchForEmptyList,
} from './support/page';

// A full page load that boots the app, opens the index and reads its rows: more than
// expect.poll's default second on a busy machine. Not a speed check (see bench/).
const LIST_READY_MS = 15_000;

const demo = demoDataset();
const offer = listedPublicOffer(demo);
const coordinator = COORDINATOR;
const SEED_ORDER = ['organizations', 'locations', 'services', 'schedules', 'contacts'] as const;
const renamed = `${offer.name} (bei vollem Speicher)`;

/**
 * The device really runs full: the profile lives on a small tmpfs. (`Storage.
 * overrideQuotaForOrigin` changes neither `navigator.storage.estimate()` nor what an
 * IndexedDB write may use in this Chromium.) Mounting needs root, as in CI; elsewhere the
 * tests skip.
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
 * Fills the rest of the disk from the page, in database `name`, until not even small writes
 * fit (or `upTo` bytes are written); returns the bytes written. Random data: Chromium
 * compresses what it stores.
 */
function fillDisk(page: Page, name = 'filler', upTo = Number.POSITIVE_INFINITY): Promise<number> {
  return page.evaluate(
    async ([name, upTo]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
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
      for (let size = Math.min(4 << 20, upTo); size >= 1024 && written < upTo; ) {
        if (await put(key++, size)) written += size;
        else size >>= 1;
      }
      db.close();
      return written;
    },
    [name, upTo] as const,
  );
}

function freeDisk(page: Page, name = 'filler'): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      }),
    name,
  );
}

async function serverName(server: CoordServer, id: string): Promise<string | undefined> {
  const rows = await server.db.query<{ name: string }>(
    "select data->>'name' as name from records where table_name = 'services' and id = $1::uuid",
    [id],
  );
  return rows[0]?.name;
}

/** Live offers on the server up to version `cursor`: what a device at that cursor has. */
async function servicesUpTo(server: CoordServer, cursor: number): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(
    "select count(*)::int as n from records where table_name = 'services' and not deleted and version <= $1",
    [cursor],
  );
  return row?.n ?? -1;
}

describe.skipIf(!hasChromium)('the device runs full during a sync', () => {
  let server: CoordServer | undefined;
  let disk: string | undefined;
  let mounted = false;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startCoordServer(demo, [coordinator]);
    disk = tempDir('qw-e2e-quota-');
    mounted = mountSmallDisk(disk);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    // Lazy: a Chromium that a failed test left behind must not keep the mount.
    if (mounted && disk) execFileSync('umount', ['--lazy', disk]);
    if (disk) rmSync(disk, { recursive: true, force: true });
    await server?.close();
  });

  /** A phone with its own profile on the small disk, signed in, with the directory loaded. */
  async function openPhone(
    url: string,
    profile: string,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await launchPhoneProfile(`${disk}/${profile}`);
    contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await signIn(page, url, coordinator);
    await waitForLocalCount(page, 'services', demo.services.length);
    return { context, page };
  }

  it('says so, keeps the unsent edit, and delivers it once there is space again', async (t) => {
    if (!mounted || !disk || !server) return t.skip();
    const { context, page } = await openPhone(server.url, 'profile');

    await page.goto(`${server.url}/bearbeiten/angebote/${offer.id}`);
    const name = page.getByRole('textbox', { name: 'Name des Angebots', exact: true });
    await expect.poll(() => name.inputValue()).toBe(offer.name);
    // The push does not get through, so the edit stays in the outbox.
    await context.route('**/api/sync/push', (route) => route.abort());
    await name.fill(renamed);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert. Wartet auf Übertragung.').waitFor();
    await page.goto(`${server.url}/angebote`);
    await expect
      .poll(() => page.locator('main h1').textContent(), { timeout: LIST_READY_MS })
      .toMatch(/^\d+ Angebote$/);
    expect(await countLocal(page, 'outbox')).toBe(1);

    expect(await fillDisk(page)).toBeGreaterThan(0);
    const sawEmpty = await watchForEmptyList(page);
    await context.unroute('**/api/sync/push');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    // Which write of the sync fails first varies: marking the entry as sent, or storing the
    // server's answer (then the server has the edit, and takes the resend as a repeat).
    await expect
      .poll(() => bannerText(page), { timeout: 20_000 })
      .toContain(`${de.dbError.quota} ${de.dbLost.quotaKept}`);
    expect(await countLocal(page, 'outbox')).toBe(1);
    await shell(page)
      .getByText(formatMessage(de.outbox.pending, { n: 1 }, 'de-DE'))
      .waitFor();

    await freeDisk(page);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => serverName(server!, offer.id), { timeout: 20_000 }).toBe(renamed);
    await expect.poll(() => bannerText(page), { timeout: 20_000 }).toBe('');
    expect(await countLocal(page, 'outbox')).toBe(0);
    expect(await sawEmpty()).toBeNull();
    await context.close();
  }, 120_000);

  it('a large pull that does not fit: says so, keeps the list, pulls the rest once there is space', async (t) => {
    if (!mounted || !disk || !server) return t.skip();
    const { context, page } = await openPhone(server.url, 'profile-pull');
    await page.goto(`${server.url}/angebote`);
    await expect
      .poll(() => page.locator('main h1').textContent(), { timeout: LIST_READY_MS })
      .toMatch(/^\d+ Angebote$/);
    const listed = async () =>
      Number.parseInt((await page.locator('main h1').textContent()) ?? '', 10);
    const before = await listed();

    // Enough room for the sync's small writes, not for the new pages.
    expect(await fillDisk(page, 'slack', 1 << 20)).toBe(1 << 20);
    expect(await fillDisk(page)).toBeGreaterThan(0);
    await freeDisk(page, 'slack');
    const more = syntheticDataset(3000, 7);
    await server.db.tx(async (q) => {
      for (const table of SEED_ORDER) await upsertRecords(q, table, more[table], 'e2e');
    });
    const sawEmpty = await watchForEmptyList(page);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    await expect.poll(() => bannerText(page), { timeout: 30_000 }).toContain(de.dbError.quota);
    expect(await bannerText(page)).not.toContain(de.dbLost.quotaKept);
    // The pages before the one that did not fit stay: each landed whole, with its cursor.
    expect(await listed()).toBeGreaterThanOrEqual(before);
    const total = demo.services.length + more.services.length;
    const stored = await countLocal(page, 'services');
    expect(stored).toBeLessThan(total);
    const cursor = await readLocal<{ value: string }>(page, 'meta', 'cursor');
    expect(stored).toBe(await servicesUpTo(server, Number(cursor?.value)));

    await freeDisk(page);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitForLocalCount(page, 'services', total);
    await expect.poll(() => bannerText(page), { timeout: 20_000 }).toBe('');
    expect(await sawEmpty()).toBeNull();
    await context.close();
  }, 180_000);
});
