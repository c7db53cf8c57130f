import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p));
}

/** True when e2e must run; tests use `describe.skipIf(!hasChromium)`. */
export const hasChromium = !!chromiumPath();

// Without the background flags Chromium floods the closed network with lookups.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

const PHONE = {
  viewport: { width: 360, height: 780 },
  deviceScaleFactor: 2,
  locale: 'de-DE',
  timezoneId: 'Europe/Berlin',
  serviceWorkers: 'allow',
} as const;

/**
 * A persistent profile would be closer to a phone, but a fresh context per test is
 * what isolates service workers and IndexedDB between tests.
 */
export async function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext(PHONE);
}

/** A phone with its profile in `userDataDir`: its own Chromium, closed with the context. */
export async function launchPhoneProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    ...PHONE,
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
