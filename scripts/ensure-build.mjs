// `npm start` must work right after `npm install`: build the PWA when dist/ is missing
// or older than its sources, and skip the build otherwise so restarts stay fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const SOURCES = [
  'src',
  'protocol',
  'service-worker',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
];
const MARKER = 'dist/index.html';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const built = existsSync(MARKER) ? statSync(MARKER).mtimeMs : 0;
const changed = Math.max(...SOURCES.map(newest));
if (built >= changed && !process.env.FORCE_BUILD) process.exit(0);

// A production install (`npm ci --omit=dev`) has no vite: it serves the dist/ that was built
// before pruning (copied or checked-out sources often just look newer than it).
function viteInstalled() {
  try {
    createRequire(resolve('package.json')).resolve('vite/package.json');
    return true;
  } catch {
    return false;
  }
}
if (!viteInstalled()) {
  if (built > 0) {
    console.log(
      'vite ist nicht installiert (ohne devDependencies): dist/ wird unverändert ausgeliefert.',
    );
    process.exit(0);
  }
  console.error(
    'dist/ fehlt, und vite ist nicht installiert (Installation ohne devDependencies). ' +
      'Bitte die App vorher mit `npm ci && npm run build` bauen, siehe README „Betrieb in Produktion“.',
  );
  process.exit(1);
}

console.log('Baue die App (vite build) …');
// A caller such as vitest sets NODE_ENV=test, which would make Vite build a DEV bundle
// without the service worker registration.
const r = spawnSync('npx', ['vite', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(r.status ?? 1);
