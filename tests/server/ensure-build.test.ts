import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/ensure-build.mjs');

/** A checkout as `npm ci --omit=dev` leaves it: sources, maybe a dist/, no vite. */
function productionCheckout(withDist: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'qw-prod-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"x","private":true}\n');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.ts'), 'export {};\n');
  if (withDist) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>\n');
    // Copying a release (or a git checkout) gives sources a newer mtime than the build.
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, 'dist', 'index.html'), old, old);
  }
  return dir;
}

function run(cwd: string) {
  // Offline: should the script reach for `npx vite`, it fails at once instead of downloading.
  return spawnSync(process.execPath, [SCRIPT], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', FORCE_BUILD: '' },
    timeout: 60_000,
  });
}

describe('prestart (scripts/ensure-build.mjs) in a production install without vite', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves the existing dist/ even if sources look newer', () => {
    const dir = productionCheckout(true);
    dirs.push(dir);
    const r = run(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/vite ist nicht installiert/);
  });

  it('fails with a clear message when there is no build at all', () => {
    const dir = productionCheckout(false);
    dirs.push(dir);
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/npm run build/);
  });
});
