import { render } from 'preact';
import { App } from './app/App';
import type { AppDeps } from './app/deps';
import { dbStatus, getDb, openDb } from './db/db';
import { storageEstimate } from './db/storage';
import { listenForInstallOffer } from './pwa/install';
import { registerServiceWorker } from './pwa/lifecycle';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { startSync } from './sync';
import { createAccount } from './sync/session';
import './styles/global.css';

const db = getDb();
// Open early so a blocked upgrade or a full disk shows up in the banner at once;
// the outcome is reported through dbStatus, so the rejection needs no handler here.
openDb(db).catch(() => {});
const account = createAccount({
  db,
  fetch: (input, init) => globalThis.fetch(input, init),
  baseUrl: '',
});
const sync = startSync({ db, baseUrl: '', account });

const deps: AppDeps = {
  db,
  dbStatus,
  sync,
  account,
  storageEstimate: () => storageEstimate(),
  appVersion: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
  now: () => new Date(),
};

const root = document.getElementById('app');
if (root) {
  render(<App deps={deps} updatePrompt={<UpdatePrompt />} />, root);
}

void registerServiceWorker();
listenForInstallOffer();
