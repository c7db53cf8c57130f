import { dbStatus, getDb, openDb, whenOpenSettled } from '../db/db';
import { storageEstimate } from '../db/storage';
import { currentLanguage, provideCatalogues, setLanguage } from '../i18n';
import { catalogueLoaders } from '../i18n/catalogues';
import type { UiLanguage } from '../i18n/languages';
import { applyToDocument } from '../i18n/startLanguage';
import { listenForInstallOffer } from '../pwa/install';
import { registerServiceWorker } from '../pwa/lifecycle';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { startSync } from '../sync';
import { createAccount } from '../sync/session';
import type { AppDeps } from './deps';
import { mountApp } from './mount';
import { nextTask } from './tasks';

/** The longest the first render waits for the database's open to have an outcome. */
const OPEN_WAIT_MS = 1000;

/** Opens the database, starts sync and renders the app into `root`, one step per task. */
export async function boot(root: HTMLElement, language: UiLanguage): Promise<void> {
  provideCatalogues(catalogueLoaders);
  // A catalogue that cannot load (a cache evicted while offline) leaves the app in German
  // rather than not starting it.
  if (language !== currentLanguage()) await setLanguage(language).catch(() => {});
  applyToDocument(currentLanguage());
  const db = getDb();
  // Open early so a blocked upgrade or a full disk shows up in the banner at once;
  // the outcome is reported through dbStatus, so the rejection needs no handler here.
  openDb(db).catch(() => {});
  const account = createAccount({
    db,
    fetch: (input, init) => globalThis.fetch(input, init),
    baseUrl: '',
  });
  await nextTask();
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
  // The app renders once the open has an outcome (open, blocked, failed: the banner shows
  // the last two), at most OPEN_WAIT_MS later: queries made before the open wait for it and
  // then all run in one task, and right after creating a database Dexie runs every waiting
  // query once more.
  await whenOpenSettled(dbStatus, OPEN_WAIT_MS);
  await nextTask();
  mountApp(root, deps, () => <UpdatePrompt />);
  await nextTask();
  void registerServiceWorker();
  listenForInstallOffer();
}
