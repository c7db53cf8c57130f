/**
 * Size budgets on the build output (run after `npm run build`):
 *  - JavaScript the start page loads (entry, its boot chunks, their static imports),
 *    gzipped ≤ 75 KB
 *  - the service worker, gzipped ≤ 10 KB
 *  - no zod on the start page
 * Writes bench/results/budget.json and exits non-zero when a budget is exceeded.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = process.env.DIST_DIR ?? 'dist';
const KB = 1024;
const BUDGETS = { startJs: 75 * KB, serviceWorker: 10 * KB };

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

function gz(path: string): number {
  return gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length;
}

const manifestPath = join(DIST, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} fehlt – bitte zuerst "npm run build" ausführen.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
if (!entry) throw new Error('no entry chunk in the Vite manifest');

// The browser loads the entry and every chunk it imports statically; the entry's own
// dynamic imports are the app's boot (src/main.tsx), loaded right after the first paint.
const seen = new Set<string>();
const walk = (key: string) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imp of manifest[key]?.imports ?? []) walk(imp);
};
walk(entry[0]);
for (const key of entry[1].dynamicImports ?? []) walk(key);
const startFiles = [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
const startJs = startFiles.reduce((sum, f) => sum + gz(f), 0);
const serviceWorker = gz('sw.js');

const rows = [
  { case: 'start-page-js-gzip', bytes: startJs, budget: BUDGETS.startJs, files: startFiles },
  {
    case: 'service-worker-gzip',
    bytes: serviceWorker,
    budget: BUDGETS.serviceWorker,
    files: ['sw.js'],
  },
];
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/budget.json', `${JSON.stringify(rows, null, 2)}\n`);

let failed = false;
for (const r of rows) {
  const ok = r.bytes <= r.budget;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${r.case}: ${(r.bytes / KB).toFixed(1)} KB (Budget ${r.budget / KB} KB)`,
  );
}
// The validation schemas belong to the worker and the writing screens; one import through
// src/model's barrel brings all of zod back to the start page (10 KB gzip).
const withZod = startFiles.filter((f) => readFileSync(join(DIST, f), 'utf8').includes('_zod'));
if (withZod.length > 0) {
  failed = true;
  console.log(`FAIL start page carries zod: ${withZod.join(', ')}`);
}
process.exit(failed ? 1 : 0);
