import { spawnSync } from 'node:child_process';
import { chromiumPath } from './support/browser';

/**
 * Builds the PWA once for all e2e files (the service worker only exists in a build).
 * A missing Chromium skips e2e on a laptop with a loud message; in CI it is a failure.
 */
export default function setup(): void {
  if (!chromiumPath()) {
    const msg =
      '\n!!! Chromium nicht gefunden (/usr/bin/chromium): E2E-Tests werden ÜBERSPRUNGEN.\n' +
      '!!! Installieren: sudo apt-get install chromium\n';
    if (process.env.CI || process.env.E2E_REQUIRED) throw new Error(msg);
    console.warn(msg);
    return;
  }
  const r = spawnSync('node', ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}
